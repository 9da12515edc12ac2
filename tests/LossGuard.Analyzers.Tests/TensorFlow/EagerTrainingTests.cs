using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.TensorFlow;

/// <summary>
/// Eager TensorFlow.NET training code: model methods and loss helpers, subclassed models whose <c>Call</c> reads the
/// <c>bool?</c> training flag in any of its usual forms, and activations named through <c>GetActivationFromName</c>.
/// </summary>
public sealed class EagerTrainingTests
{
    private const string Usings = TensorFlowUsings.Eager;

    [Fact]
    public Task A_softmax_returned_by_a_model_method_and_logged_in_a_cross_entropy_helper_is_LG0003()
    {
        const string source = Usings + """
            sealed class NeuralNetwork
            {
                private readonly Tensor h1;
                private readonly Tensor output;

                public NeuralNetwork(Tensor h1, Tensor output) => (this.h1, this.output) = (h1, output);

                Tensor neural_net(Tensor x)
                {
                    var layer = tf.nn.relu(tf.matmul(x, h1));
                    return tf.nn.softmax(tf.matmul(layer, output));
                }

                static Tensor cross_entropy(Tensor y_pred, Tensor y_true)
                {
                    y_true = tf.one_hot(y_true, depth: 10);
                    y_pred = tf.clip_by_value(y_pred, 1e-9f, 1.0f);
                    return tf.reduce_mean(-tf.reduce_sum(y_true * {|#0:tf.math.log(y_pred)|}));
                }

                public Tensor Train(Tensor x, Tensor labels, int steps)
                {
                    Tensor loss = null!;
                    for (var step = 1; step <= steps; step++)
                    {
                        var pred = neural_net(x);
                        loss = cross_entropy(pred, labels);
                    }

                    return loss;
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Infrastructure.Finding.At(Descriptors.UnstableComposition));
    }

    [Theory]
    [InlineData("return training == true ? x : {|#1:tf.nn.softmax(x)|};")]
    [InlineData("if (!training.Value) { x = {|#1:tf.nn.softmax(x)|}; } return x;")]
    [InlineData("if (!(training ?? false)) { x = {|#1:tf.nn.softmax(x)|}; } return x;")]
    [InlineData("if (training == false) { x = {|#1:tf.nn.softmax(x)|}; } return x;")]
    [InlineData("if (!(training.HasValue && training.Value)) { x = {|#1:tf.nn.softmax(x)|}; } return x;")]
    [InlineData("if (training is false) { x = {|#1:tf.nn.softmax(x)|}; } return x;")]
    [InlineData("if (training is not true) { x = {|#1:tf.nn.softmax(x)|}; } return x;")]
    public Task A_Call_that_applies_softmax_unless_training_is_LG0001_when_applied_without_the_flag(string body)
    {
        var source = ConvNet(body) + """

            static class Program
            {
                static Tensor Step(Tensor x, Tensor y)
                {
                    var model = new ConvNet();
                    var train = tf.nn.sparse_softmax_cross_entropy_with_logits(labels: y, logits: model.Apply(x, training: true));
                    var evaluate = tf.nn.sparse_softmax_cross_entropy_with_logits(labels: y, logits: {|#0:model.Apply(x)|});
                    return train + evaluate;
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("tf.nn.sparse_softmax_cross_entropy_with_logits", "'model.Apply(x)'", "tf.nn.softmax", "16", "pass the logits"));
    }

    [Fact]
    public Task A_training_flag_not_known_where_the_model_is_applied_is_silent()
    {
        var source = ConvNet("if (!training.Value || training is false) { x = tf.nn.softmax(x); } return x;") + """

            public static class Program
            {
                public static Tensor Step(Tensor x, Tensor y, bool? training) =>
                    tf.nn.sparse_softmax_cross_entropy_with_logits(labels: y, logits: new ConvNet().Apply(x, training: training));
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task An_activation_named_through_GetActivationFromName_is_that_activation()
    {
        const string source = Usings + """
            static class Build
            {
                static void Run()
                {
                    var model = keras.Sequential(keras.layers.Dense(64, keras.activations.GetActivationFromName("relu")));
                    model.add({|#1:keras.layers.Dense(10, keras.activations.GetActivationFromName("softmax"))|});
                    model.compile(keras.optimizers.Adam(), {|#0:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|});

                    var logits = keras.Sequential(keras.layers.Dense(10, activation: keras.activations.GetActivationFromName("linear")));
                    logits.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("SparseCategoricalCrossentropy", "the model's output", "keras.layers.Dense", "12", "use from_logits: false, or remove the layer's activation \"softmax\" (make the layer linear)"));
    }

    /// <summary>A subclassed model whose <c>Call</c> applies a linear layer, then <paramref name="body"/> (one line, line 16 of the source).</summary>
    private static string ConvNet(string body) => Usings + $$"""
        sealed class ConvNet : Model
        {
            private readonly ILayer fc = keras.layers.Dense(10);

            public ConvNet() : base(new ModelArgs()) { }

            protected override Tensors Call(Tensors inputs, Tensors state = null!, bool? training = null, Tensorflow.Common.Types.IOptionalArgs? optional_args = null)
            {
                Tensor x = fc.Apply(inputs);
                {{body}}
            }
        }
        """;
}
