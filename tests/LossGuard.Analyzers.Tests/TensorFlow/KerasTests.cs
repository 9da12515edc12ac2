using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.TensorFlow;

/// <summary>Keras models, layers, losses, compile and fit, against the TensorFlow.NET API model.</summary>
public sealed class KerasTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using Tensorflow;
        using Tensorflow.Keras;
        using Tensorflow.Keras.Engine;
        using Tensorflow.Keras.Losses;
        using Tensorflow.NumPy;
        using static Tensorflow.Binding;
        using static Tensorflow.KerasApi;

        """;

    [Fact]
    public Task A_softmax_head_compiled_with_from_logits_true_is_LG0001_on_the_loss_creation()
    {
        const string source = Usings + """
            static class LogisticRegression
            {
                static void Build()
                {
                    var model = keras.Sequential();
                    model.add(keras.layers.Dense(64, activation: "relu"));
                    model.add({|#1:keras.layers.Dense(10, activation: "softmax")|});
                    model.compile(keras.optimizers.Adam(), {|#0:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|});
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("SparseCategoricalCrossentropy", "the model's output", "keras.layers.Dense", "15", "use from_logits: false, or remove the layer's activation \"softmax\" (make the layer linear)"));
    }

    [Fact]
    public Task A_positional_softmax_with_a_constructed_loss_in_a_local_is_LG0001()
    {
        const string source = Usings + """
            static class Trading
            {
                static void Build()
                {
                    var model = keras.Sequential(new List<ILayer>
                    {
                        keras.layers.Dense(32, activation: keras.activations.Relu),
                        {|#1:keras.layers.Dense(3, "softmax")|},
                    });
                    var loss = {|#0:new CategoricalCrossentropy(from_logits: true)|};
                    model.compile(keras.optimizers.Adam(), loss);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("CategoricalCrossentropy", "the model's output", "keras.layers.Dense", "16", "use from_logits: false, or remove the layer's activation \"softmax\" (make the layer linear)"));
    }

    [Fact]
    public Task A_sigmoid_activation_property_and_a_softmax_layer_are_activations_too()
    {
        const string source = Usings + """
            static class Heads
            {
                static void Build()
                {
                    var binary = keras.Sequential({|#1:keras.layers.Dense(1, keras.activations.Sigmoid)|});
                    binary.compile(keras.optimizers.Adam(), {|#0:keras.losses.BinaryCrossentropy(from_logits: true)|});
                    var multi = keras.Sequential(keras.layers.Dense(10), {|#3:keras.layers.Softmax(-1)|});
                    multi.compile(keras.optimizers.Adam(), {|#2:keras.losses.CategoricalCrossentropy(from_logits: true)|});
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SigmoidIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("BinaryCrossentropy", "the model's output", "keras.layers.Dense", "13", "use from_logits: false, or remove the layer's activation \"sigmoid\" (make the layer linear)"),
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(2).WithLocation(3)
                .WithArguments("CategoricalCrossentropy", "the model's output", "keras.layers.Softmax", "15", "use from_logits: false, or remove the softmax from the model"));
    }

    [Fact]
    public Task A_linear_head_compiled_with_from_logits_false_is_LG0007()
    {
        const string source = Usings + """
            static class Linear
            {
                static void Build()
                {
                    var model = keras.Sequential({|#1:keras.layers.Dense(10)|});
                    model.compile(keras.optimizers.Adam(), {|#0:keras.losses.SparseCategoricalCrossentropy()|});
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(0).WithLocation(1)
                .WithArguments("SparseCategoricalCrossentropy", "probabilities", "the model's output", "raw logits", "keras.layers.Dense", "13", "use from_logits: true"));
    }

    [Fact]
    public Task A_one_unit_softmax_dense_layer_in_a_compiled_model_is_LG0004_on_the_activation()
    {
        const string source = Usings + """
            static class Binary
            {
                static void Build()
                {
                    var model = keras.Sequential(keras.layers.Dense(16, activation: "relu"), keras.layers.Dense(1, activation: {|#0:"softmax"|}));
                    model.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy());
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SingleClassSoftmax).WithLocation(0).WithArguments("'Dense' over an axis of size 1"));
    }

    [Fact]
    public Task Labels_that_do_not_match_the_compiled_loss_are_reported_at_fit()
    {
        const string source = Usings + """
            static class Fit
            {
                static void Train(NDArray x, NDArray y)
                {
                    var sparse = keras.Sequential(keras.layers.Dense(10));
                    sparse.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
                    sparse.fit(x, {|#0:{|#1:Tensorflow.Keras.Utils.np_utils.to_categorical(y, 10)|}|}, epochs: 5);

                    var dense = keras.Sequential(keras.layers.Dense(10));
                    dense.compile(keras.optimizers.Adam(), keras.losses.CategoricalCrossentropy(from_logits: true));
                    dense.fit(x, {|#2:{|#3:np.array(new int[] { 0, 2, 1 })|}|});
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.OneHotIntoSparseLoss).WithLocation(0).WithLocation(1)
                .WithArguments("SparseCategoricalCrossentropy", "y_true", "np_utils.to_categorical", "15"),
            Verify.Diagnostic(Descriptors.IndicesIntoCategoricalLoss).WithLocation(2).WithLocation(3)
                .WithArguments("CategoricalCrossentropy", "y_true", "np.array", "19"));
    }

    [Fact]
    public Task Compile_with_a_loss_name_other_than_mse_or_mae_is_LG0009()
    {
        const string source = Usings + """
            static class Strings
            {
                const string Loss = "sparse_categorical_crossentropy";

                static void Build()
                {
                    var model = keras.Sequential(keras.layers.Dense(10));
                    {|#0:model.compile("rmsprop", Loss, new[] { "accuracy" })|};
                    model.compile("rmsprop", "mse", new[] { "mae" });
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.UnrecognisedKerasLossName).WithLocation(0)
                .WithArguments("the loss name \"sparse_categorical_crossentropy\"", "mean squared error"));
    }

    [Fact]
    public Task Correct_Keras_code_is_silent()
    {
        const string source = Usings + """
            static class Correct
            {
                static void Build(NDArray x, NDArray y)
                {
                    var probabilities = keras.Sequential(keras.layers.Dense(10, activation: "softmax"));
                    probabilities.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: false));
                    probabilities.fit(x, y);

                    var logits = keras.Sequential(keras.layers.Dense(10));
                    logits.compile(keras.optimizers.Adam(), keras.losses.CategoricalCrossentropy(from_logits: true));
                    logits.fit(x, Tensorflow.Keras.Utils.np_utils.to_categorical(y, 10));

                    var twoUnits = keras.Sequential(keras.layers.Dense(2, activation: "softmax"));
                    twoUnits.compile(keras.optimizers.Adam(), keras.losses.CategoricalCrossentropy());

                    var serving = keras.Sequential(keras.layers.Dense(10), keras.layers.Softmax(-1));
                    serving.predict(x);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_layer_list_passed_to_another_method_may_have_changed_and_is_no_longer_known()
    {
        const string source = Usings + """
            static class Escapes
            {
                static void AddHead(List<ILayer> layers) => layers.Add(keras.layers.Softmax(-1));

                static void Build()
                {
                    var layers = new List<ILayer>();
                    layers.Add(keras.layers.Dense(10));
                    AddHead(layers);
                    var model = keras.Sequential(layers);
                    model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy());
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_softmax_dense_layer_made_by_a_LayersApi_in_a_local_is_the_models_output()
    {
        const string source = TensorFlowUsings.Keras + """
            static class Mnist
            {
                static void Train(Tensors images)
                {
                    var layers = new LayersApi();
                    var hidden = layers.Dense(64, activation: keras.activations.Relu).Apply(images);
                    var model = keras.Model(images, {|#1:layers.Dense(10, activation: "softmax")|}.Apply(hidden), name: "mnist");
                    model.compile(loss: {|#0:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|}, optimizer: keras.optimizers.Adam(), metrics: new[] { "accuracy" });
                }
            }
            """;
        var expected = Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1).WithArguments(
            "SparseCategoricalCrossentropy", "the model's output", "keras.layers.Dense", "16", "use from_logits: false, or remove the layer's activation \"softmax\" (make the layer linear)");
        return Verify.AnalyzerAsync(source, expected);
    }

    [Fact]
    public Task Layers_made_by_a_protected_LayersApi_field_of_a_base_class_are_keras_layers()
    {
        const string source = TensorFlowUsings.Keras + """
            public abstract class Example
            {
                protected LayersApi layers = new LayersApi();

                public IModel Model;
            }

            public class LeNet : Example
            {
                public void BuildModel()
                {
                    var inputs = keras.Input(shape: 784);
                    var outputs = layers.Dense(10, activation: keras.activations.Softmax).Apply(inputs);
                    Model = keras.Model(inputs, outputs);
                    Model.compile(loss: {|#0:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|}, optimizer: keras.optimizers.Adam(), metrics: new[] { "accuracy" });
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_layer_made_by_an_inline_new_LayersApi_is_a_keras_layer()
    {
        const string source = TensorFlowUsings.Keras + """
            sealed class Inline
            {
                public void Compile(Tensors inputs)
                {
                    var model = keras.Model(inputs, new LayersApi().Dense(10, "softmax").Apply(inputs));
                    model.compile(keras.optimizers.Adam(), {|#0:keras.losses.CategoricalCrossentropy(from_logits: true)|});

                    var stacked = keras.Sequential(new LayersApi().Dense(10), new LayersApi().Softmax(-1));
                    stacked.compile(keras.optimizers.Adam(), {|#1:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|});
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss), Finding.At(Descriptors.SoftmaxIntoLogitsLoss, 1));
    }
}
