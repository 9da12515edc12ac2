using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.TensorFlow;

/// <summary>
/// The Keras functional API: a layer applied to a tensor gives its activation's output, and
/// <c>keras.Model(inputs, outputs)</c> is a model whose output is <c>outputs</c>, compiled, fitted and used like a Sequential one.
/// </summary>
public sealed class FunctionalApiTests
{
    private const string Usings = """
        using Tensorflow;
        using Tensorflow.Keras.Engine;
        using Tensorflow.Keras.Utils;
        using Tensorflow.NumPy;
        using static Tensorflow.Binding;
        using static Tensorflow.KerasApi;

        """;

    [Fact]
    public Task A_functional_model_with_a_softmax_output_compiled_with_from_logits_true_is_LG0001_on_the_loss_creation()
    {
        const string source = Usings + """
            static class ModelZoo
            {
                static IModel Build(int numClasses, IOptimizer optimizer, string[] metrics)
                {
                    var inputs = keras.Input(shape: (224, 224, 3));
                    var x = keras.layers.Dense(128, activation: "relu").Apply(inputs);
                    var outputs = {|#1:keras.layers.Dense(numClasses, activation: "softmax")|}.Apply(x);
                    var model = keras.Model(inputs, outputs);
                    model.compile(optimizer, {|#0:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|}, metrics);
                    return model;
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("SparseCategoricalCrossentropy", "the model's output", "keras.layers.Dense", "13", "use from_logits: false, or remove the layer's activation \"softmax\" (make the layer linear)"));
    }

    [Fact]
    public Task A_softmax_layer_output_of_a_functional_model_and_the_labels_given_to_fit_are_followed()
    {
        const string source = Usings + """
            static class Train
            {
                static void Run(NDArray x, NDArray y)
                {
                    var inputs = keras.layers.Input(shape: 784);
                    var logits = keras.layers.Dense(10).Apply(inputs);
                    var probabilities = {|#1:keras.layers.Softmax(-1)|}.Apply(logits);
                    var model = keras.Model(inputs, probabilities, name: "mnist");
                    model.compile(keras.optimizers.Adam(), {|#0:new Tensorflow.Keras.Losses.CategoricalCrossentropy(from_logits: true)|});
                    model.fit(x, {|#2:{|#3:np.array(0, 2, 1)|}|}, epochs: 5);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("CategoricalCrossentropy", "the model's output", "keras.layers.Softmax", "13", "use from_logits: false, or remove the softmax from the model"),
            Verify.Diagnostic(Descriptors.IndicesIntoCategoricalLoss).WithLocation(2).WithLocation(3)
                .WithArguments("CategoricalCrossentropy", "y_true", "np.array", "16"));
    }

    [Fact]
    public Task A_softmax_dense_layer_applied_to_a_tensor_and_passed_to_a_tf_nn_loss_is_LG0001()
    {
        const string source = Usings + """
            static class Eager
            {
                static Tensor Loss(Tensor h, Tensor labels)
                {
                    var probabilities = {|#1:keras.layers.Dense(10, "softmax")|}.Apply(h);
                    return tf.nn.sparse_softmax_cross_entropy_with_logits(labels: labels, logits: {|#0:probabilities|});
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("tf.nn.sparse_softmax_cross_entropy_with_logits", "'probabilities'", "keras.layers.Dense", "11", "pass the logits: remove the layer's activation \"softmax\" (make the layer linear)"));
    }

    [Fact]
    public Task What_a_functional_model_predicts_is_its_output()
    {
        const string source = Usings + """
            static class Serve
            {
                static Tensor Loss(Tensor x, Tensor labels)
                {
                    var inputs = keras.Input(shape: 784);
                    var outputs = {|#1:keras.layers.Dense(10, activation: keras.activations.Softmax)|}.Apply(inputs);
                    var model = keras.Model(inputs, outputs);
                    return tf.nn.sparse_softmax_cross_entropy_with_logits(labels: labels, logits: {|#0:model.predict(x)|});
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("tf.nn.sparse_softmax_cross_entropy_with_logits", "'model.predict(x)'", "keras.layers.Dense", "12", "pass the logits: remove the layer's activation \"softmax\" (make the layer linear)"));
    }

    [Fact]
    public Task Through_tf_keras_a_sigmoid_output_compiled_from_logits_is_LG0002_and_a_one_unit_softmax_output_is_LG0004()
    {
        const string source = Usings + """
            static class Binary
            {
                static void Build()
                {
                    var inputs = tf.keras.Input(shape: 4);
                    var outputs = {|#1:tf.keras.layers.Dense(1, activation: "sigmoid")|}.Apply(inputs);
                    var model = tf.keras.Model(inputs, outputs);
                    model.compile(tf.keras.optimizers.Adam(), {|#0:tf.keras.losses.BinaryCrossentropy(from_logits: true)|});

                    var single = keras.layers.Dense(1, activation: {|#2:"softmax"|}).Apply(inputs);
                    var degenerate = keras.Model(inputs, single);
                    degenerate.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy());
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SigmoidIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("BinaryCrossentropy", "the model's output", "keras.layers.Dense", "12", "use from_logits: false, or remove the layer's activation \"sigmoid\" (make the layer linear)"),
            Verify.Diagnostic(Descriptors.SingleClassSoftmax).WithLocation(2).WithArguments("'Dense' over an axis of size 1"));
    }

    [Fact]
    public Task Functional_models_compiled_for_what_their_output_is_are_silent()
    {
        const string source = Usings + """
            static class Correct
            {
                static void Build(NDArray x, NDArray y)
                {
                    var inputs = keras.Input(shape: (28, 28, 1));
                    var hidden = keras.layers.Dense(128, activation: "relu").Apply(keras.layers.Flatten().Apply(inputs));
                    var logits = keras.layers.Dense(10).Apply(hidden);
                    var trained = keras.Model(inputs, logits);
                    trained.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
                    trained.fit(x, y, epochs: 5);

                    var probabilities = keras.layers.Dense(10, activation: "softmax").Apply(hidden);
                    var served = keras.Model(inputs, probabilities);
                    served.compile(keras.optimizers.Adam(), keras.losses.CategoricalCrossentropy(from_logits: false));
                    served.fit(x, np_utils.to_categorical(y, 10));

                    var relu = keras.Model(inputs, hidden);
                    relu.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_functional_model_whose_outputs_come_from_elsewhere_is_unknown_and_silent()
    {
        const string source = Usings + """
            static class Unknown
            {
                static void Build(Tensors inputs, Tensors outputs, bool probabilities)
                {
                    var given = keras.Model(inputs, outputs);
                    given.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));

                    var head = probabilities ? keras.layers.Dense(10, activation: "softmax").Apply(inputs) : keras.layers.Dense(10).Apply(inputs);
                    var chosen = keras.Model(inputs, head);
                    chosen.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
