using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.TensorFlow;

/// <summary>
/// Code written against TensorFlow.NET's real API surface (np.array's <c>data</c> parameter and params form,
/// <c>NDArray</c> being a tensor, fit's full overloads, the other Keras losses) is followed as the API model says.
/// </summary>
public sealed class RealApiSurfaceTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using Tensorflow;
        using Tensorflow.Keras.Utils;
        using Tensorflow.NumPy;
        using static Tensorflow.Binding;
        using static Tensorflow.KerasApi;

        """;

    [Fact]
    public Task Labels_made_by_np_array_in_its_params_form_or_from_an_int_array_are_class_indices()
    {
        const string source = Usings + """
            static class Step
            {
                static Tensor Loss(Tensor logits, int[] classes)
                {
                    var listed = {|#1:np.array(0, 2, 1)|};
                    var copied = {|#3:np.array(classes)|};
                    return tf.nn.softmax_cross_entropy_with_logits(labels: {|#0:listed|}, logits: logits)
                        + tf.nn.softmax_cross_entropy_with_logits_v2({|#2:copied|}, logits);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.IndicesIntoCategoricalLoss).WithLocation(0).WithLocation(1)
                .WithArguments("tf.nn.softmax_cross_entropy_with_logits", "labels", "np.array", "11"),
            Verify.Diagnostic(Descriptors.IndicesIntoCategoricalLoss).WithLocation(2).WithLocation(3)
                .WithArguments("tf.nn.softmax_cross_entropy_with_logits_v2", "labels", "np.array", "12"));
    }

    [Fact]
    public Task Float_arrays_through_np_array_are_not_class_indices()
    {
        const string source = Usings + """
            static class Step
            {
                static Tensor Loss(Tensor logits, float[] distribution)
                {
                    var listed = np.array(0f, 1f, 0f);
                    return tf.nn.softmax_cross_entropy_with_logits(labels: listed, logits: logits)
                        + tf.nn.softmax_cross_entropy_with_logits(labels: np.array(distribution), logits: logits);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Eager_logistic_regression_over_variables_is_LG0003_on_the_log()
    {
        const string source = Usings + """
            static class LogisticRegression
            {
                static Tensor Cost(Tensor x, Tensor y)
                {
                    var W = tf.Variable(tf.zeros((784, 10)), name: "weight");
                    var b = tf.Variable(tf.zeros(10), name: "bias");
                    var pred = {|#1:tf.nn.softmax(tf.matmul(x, W) + b)|};
                    return tf.reduce_mean(-tf.reduce_sum(y * {|#0:tf.math.log(pred)|}, reduction_indices: 1));
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.UnstableComposition).WithLocation(0).WithLocation(1)
                .WithArguments("tf.math.log", "tf.nn.softmax", "13", "use the fused 'tf.nn.softmax_cross_entropy_with_logits'"));
    }

    [Fact]
    public Task Fit_with_the_real_overloads_options_reads_its_labels()
    {
        const string source = Usings + """
            static class Train
            {
                static void Run(NDArray x, NDArray y, NDArray xVal, NDArray yVal)
                {
                    var model = keras.Sequential(keras.layers.Dense(10));
                    model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
                    model.fit(x, {|#0:{|#1:np_utils.to_categorical(y, 10)|}|}, batch_size: 32, epochs: 5, validation_data: (xVal, yVal), shuffle: true);
                    model.fit(x, y, batch_size: 32, epochs: 5, validation_split: 0.1f);
                    model.evaluate(xVal, yVal, verbose: 0);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.OneHotIntoSparseLoss).WithLocation(0).WithLocation(1)
                .WithArguments("SparseCategoricalCrossentropy", "y_true", "np_utils.to_categorical", "13"));
    }

    [Fact]
    public Task A_sigmoid_head_compiled_with_focal_loss_from_logits_is_LG0002_and_from_probabilities_is_silent()
    {
        const string source = Usings + """
            static class Focal
            {
                static void Build()
                {
                    var model = keras.Sequential(keras.layers.Dense(64, activation: "relu"), {|#1:keras.layers.Dense(1, activation: "sigmoid")|});
                    model.compile(keras.optimizers.Adam(), {|#0:keras.losses.SigmoidFocalCrossEntropy(from_logits: true)|});
                    var probabilities = keras.Sequential(keras.layers.Dense(1, activation: "sigmoid"));
                    probabilities.compile(keras.optimizers.Adam(), new Tensorflow.Keras.Losses.SigmoidFocalCrossEntropy());
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SigmoidIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("SigmoidFocalCrossEntropy", "the model's output", "keras.layers.Dense", "11", "use from_logits: false, or remove the layer's activation \"sigmoid\" (make the layer linear)"));
    }

    [Fact]
    public Task Regression_losses_are_not_classification_losses()
    {
        const string source = Usings + """
            static class Regression
            {
                static void Build(NDArray x, NDArray y)
                {
                    var model = keras.Sequential(keras.layers.Dense(10, activation: "softmax"));
                    model.compile(keras.optimizers.Adam(), keras.losses.Huber());
                    model.compile(keras.optimizers.Adam(), keras.losses.MeanAbsoluteError());
                    model.compile(keras.optimizers.Adam(), new Tensorflow.Keras.Losses.LogCosh());
                    model.fit(x, np_utils.to_categorical(y, 10));
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
