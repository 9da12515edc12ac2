using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.TensorFlow;

/// <summary>
/// LG0003 on the log of a Keras layer's own activation (<c>Dense(1, activation: "sigmoid")</c>, applied in a
/// Sequential, a functional model or through a layer variable): the message names the activation and says to make
/// the layer linear and use the fused form on its logits. No code fix (the layer is made elsewhere). The log of a
/// <c>keras.layers.Softmax</c> layer names the fused form.
/// </summary>
public sealed class LayerActivationLogTests
{
    private const string Usings = TensorFlowUsings.Eager;

    private const string OnSigmoidLogits =
        "remove the layer's activation \"sigmoid\" (make the layer linear) and use the fused 'tf.nn.sigmoid_cross_entropy_with_logits' on its logits";

    private const string OnSoftmaxLogits =
        "remove the layer's activation \"softmax\" (make the layer linear) and use the fused 'tf.nn.softmax_cross_entropy_with_logits' on its logits";

    private static DiagnosticResult Unstable(int log, int layer, string applied, int line, string remedy, string origin = "keras.layers.Dense") =>
        Verify.Diagnostic(Descriptors.UnstableComposition).WithLocation(log).WithLocation(layer)
            .WithArguments(applied, origin, line.ToString(System.Globalization.CultureInfo.InvariantCulture), remedy);

    [Fact]
    public Task A_functional_discriminator_built_in_another_method_and_logged_in_a_clipping_helper_is_LG0003_on_both_logs()
    {
        // The SciSharp MnistGAN shape: a hand-written binary cross-entropy on the output of a sigmoid Dense layer.
        const string source = Usings + """
            class Gan
            {
                IModel Discriminator()
                {
                    var image = keras.Input(shape: 784);
                    var x = keras.layers.Dense(784).Apply(image);
                    x = {|#1:keras.layers.Dense(1, activation: "sigmoid")|}.Apply(x);
                    return keras.Model(image, x);
                }

                Tensor Step(Tensor images, Tensor ones)
                {
                    var d = Discriminator();
                    var real = d.Apply(images);
                    return BinaryCrossentropy(real, ones);
                }

                private Tensor BinaryCrossentropy(Tensor x, Tensor y)
                {
                    x = tf.clip_by_value(x, 1e-6f, 1.0f - 1e-6f);
                    var z = y * {|#0:tf.log(x)|} + (1 - y) * {|#2:tf.log(1 - x)|};
                    return -tf.reduce_sum(z);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Unstable(0, 1, "tf.log", 13, OnSigmoidLogits), Unstable(2, 1, "tf.log", 13, OnSigmoidLogits));
    }

    [Fact]
    public Task The_log_of_a_Sequential_ending_in_a_sigmoid_layer_is_LG0003()
    {
        const string source = Usings + """
            static class Step
            {
                static Tensor Loss(Tensor h, Tensor y)
                {
                    var model = keras.Sequential(keras.layers.Dense(64, activation: "relu"), {|#1:keras.layers.Dense(1, activation: "sigmoid")|});
                    var p = model.Apply(h);
                    return -tf.reduce_sum(y * {|#0:tf.math.log(p)|});
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Unstable(0, 1, "tf.math.log", 11, OnSigmoidLogits));
    }

    [Fact]
    public Task The_log_of_a_softmax_layer_variable_applied_is_LG0003_also_with_the_activation_given_as_an_object_or_a_local()
    {
        const string source = Usings + """
            static class Step
            {
                static Tensor Loss(Tensor h, Tensor y)
                {
                    var head = {|#1:keras.layers.Dense(10, activation: "softmax")|};
                    var other = {|#3:keras.layers.Dense(10, keras.activations.Softmax)|};
                    var name = "softmax";
                    var third = {|#5:keras.layers.Dense(10, activation: name)|};
                    return -tf.reduce_sum(y * {|#0:tf.log(head.Apply(h))|}) - tf.reduce_sum(y * {|#2:tf.log(other.Apply(h))|})
                        - tf.reduce_sum(y * {|#4:tf.log(third.Apply(h))|});
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Unstable(0, 1, "tf.log", 11, OnSoftmaxLogits),
            Unstable(2, 3, "tf.log", 12, OnSoftmaxLogits),
            Unstable(4, 5, "tf.log", 14, OnSoftmaxLogits));
    }

    [Fact]
    public Task The_log_of_a_Keras_Softmax_layer_is_LG0003_with_the_fused_form()
    {
        const string source = Usings + """
            static class Step
            {
                static Tensor Loss(Tensor h, Tensor y)
                {
                    Tensor p = {|#1:keras.layers.Softmax(-1)|}.Apply(keras.layers.Dense(10).Apply(h));
                    return -tf.reduce_sum(y * {|#0:tf.log(p)|});
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Unstable(0, 1, "tf.log", 11, "use the fused 'tf.nn.softmax_cross_entropy_with_logits'", "keras.layers.Softmax"));
    }

    [Fact]
    public Task Look_alikes_are_silent_linear_layers_the_fused_loss_unknown_and_reassigned_activations()
    {
        const string source = Usings + """
            static class Step
            {
                static Tensor Loss(Tensor h, Tensor y, string configured, bool binary, Activation given)
                {
                    var linear = keras.layers.Dense(1).Apply(h);
                    var named = keras.layers.Dense(1, activation: "linear").Apply(h);
                    var byObject = keras.layers.Dense(1, keras.activations.Linear).Apply(h);
                    var fused = tf.nn.sigmoid_cross_entropy_with_logits(labels: y, logits: keras.layers.Dense(1).Apply(h));
                    var unknown = keras.layers.Dense(1, activation: configured).Apply(h);
                    var passed = keras.layers.Dense(1, activation: given).Apply(h);
                    var chosen = keras.layers.Dense(1, activation: binary ? "sigmoid" : "linear").Apply(h);

                    var activation = "sigmoid";
                    activation = "linear";
                    var reassigned = keras.layers.Dense(1, activation: activation).Apply(h);

                    var layer = keras.layers.Dense(1, activation: "sigmoid");
                    layer = keras.layers.Dense(1);
                    var replaced = layer.Apply(h);

                    var model = keras.Sequential(keras.layers.Dense(1, activation: "sigmoid"));
                    model = keras.Sequential(keras.layers.Dense(1));
                    var rebuilt = model.Apply(h);

                    return tf.log(linear) + tf.log(named) + tf.log(byObject) + fused + tf.log(unknown) + tf.log(passed) + tf.log(chosen)
                        + tf.log(reassigned) + tf.log(replaced) + tf.math.log(rebuilt);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
