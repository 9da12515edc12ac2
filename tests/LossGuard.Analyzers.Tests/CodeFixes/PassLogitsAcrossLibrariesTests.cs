using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<
    LossGuard.Analyzers.Rules.ValueDomainAnalyzer,
    LossGuard.CodeFixes.LossGuardCodeFixProvider>;

namespace LossGuard.Analyzers.Tests.CodeFixes;

/// <summary>The pass-logits fix on TorchSharp and TensorFlow.NET findings: inline activations are removed, modules and layers never.</summary>
public sealed class PassLogitsAcrossLibrariesTests
{
    [Fact]
    public Task A_TorchSharp_functional_softmax_inside_cross_entropy_is_replaced_by_its_input()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor output, Tensor target) =>
                    F.cross_entropy({|#0:{|#1:F.softmax(output, 1)|}|}, target, label_smoothing: 0.1);
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor output, Tensor target) =>
                    F.cross_entropy(output, target, label_smoothing: 0.1);
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Lg0001("functional.cross_entropy", "F.softmax(output, 1)", "functional.softmax", "7"));
    }

    [Fact]
    public Task A_tf_nn_softmax_passed_by_name_is_replaced_by_its_logits()
    {
        const string source = """
            using Tensorflow;
            using static Tensorflow.Binding;

            static class Step
            {
                static Tensor Loss(Tensor z, Tensor y) =>
                    tf.nn.sparse_softmax_cross_entropy_with_logits(labels: y, logits: {|#0:{|#1:tf.nn.softmax(z)|}|});
            }
            """;
        const string fixedSource = """
            using Tensorflow;
            using static Tensorflow.Binding;

            static class Step
            {
                static Tensor Loss(Tensor z, Tensor y) =>
                    tf.nn.sparse_softmax_cross_entropy_with_logits(labels: y, logits: z);
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Lg0001("tf.nn.sparse_softmax_cross_entropy_with_logits", "tf.nn.softmax(z)", "tf.nn.softmax", "7"));
    }

    [Fact]
    public Task No_fix_removes_a_Softmax_module_or_a_Keras_layer_activation_and_a_Keras_model_s_loss_is_told_from_logits_false()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using static Tensorflow.KerasApi;

            static class Models
            {
                static Tensor Torch(Tensor x, Tensor y)
                {
                    var model = Sequential(Linear(4, 3), {|#1:Softmax(1)|});
                    return CrossEntropyLoss().forward({|#0:model.forward(x)|}, y);
                }

                static void Keras()
                {
                    var model = keras.Sequential({|#3:keras.layers.Dense(10, activation: "softmax")|});
                    model.compile(keras.optimizers.Adam(), {|#2:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|});
                }

                static Tensorflow.Tensor Eager(Tensorflow.Tensor h, Tensorflow.Tensor labels) =>
                    Tensorflow.Binding.tf.nn.sparse_softmax_cross_entropy_with_logits(labels: labels, logits: {|#4:{|#5:keras.layers.Dense(10, activation: "softmax")|}.Apply(h)|});
            }
            """;
        var fixedSource = source
            .Replace("""{|#3:keras.layers.Dense(10, activation: "softmax")|}""", """keras.layers.Dense(10, activation: "softmax")""", System.StringComparison.Ordinal)
            .Replace("{|#2:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|}", "keras.losses.SparseCategoricalCrossentropy(from_logits: false)", System.StringComparison.Ordinal);
        var torch = Lg0001("CrossEntropyLoss.forward", "model.forward(x)", "nn.Softmax", "9");
        var keras = new DiagnosticResult(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(2).WithLocation(3)
            .WithArguments("SparseCategoricalCrossentropy", "the model's output", "keras.layers.Dense", "15", "use from_logits: false, or remove the layer's activation \"softmax\" (make the layer linear)");
        var eager = new DiagnosticResult(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(4).WithLocation(5).WithArguments(
            "tf.nn.sparse_softmax_cross_entropy_with_logits", Messages.LogitsInput("keras.layers.Dense(10, activation: \"softmax\").Apply(h)"), "keras.layers.Dense", "20",
            "pass the logits: remove the layer's activation \"softmax\" (make the layer linear)");
        return Verify.PartialFixAsync(source, fixedSource, new[] { torch, keras, eager }, torch, eager);
    }

    private static DiagnosticResult Lg0001(string loss, string argument, string activation, string line) =>
        new DiagnosticResult(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
            .WithArguments(loss, Messages.LogitsInput(argument), activation, line, Messages.PassTheLogits);
}
