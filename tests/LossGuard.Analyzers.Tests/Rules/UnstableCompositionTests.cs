using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.Rules;

public sealed class UnstableCompositionTests
{
    private static DiagnosticResult Unstable(string applied, string activation, int line, string fused) =>
        Verify.Diagnostic(Descriptors.UnstableComposition).WithLocation(0).WithLocation(1)
            .WithArguments(applied, activation, line.ToString(System.Globalization.CultureInfo.InvariantCulture), "use the fused '" + fused + "'");

    [Fact]
    public Task Log_of_softmax_elements_is_LG0003_on_the_log_call()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int[] y)
                {
                    var p = {|#1:Activations.Softmax(z, 4)|};
                    float loss = 0;
                    for (var i = 0; i < y.Length; i++)
                    {
                        loss -= {|#0:MathF.Log(p[i * 4 + y[i]])|};
                    }

                    return loss / y.Length;
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Unstable("MathF.Log", "Activations.Softmax", 8, "Activations.LogSoftmax"));
    }

    [Fact]
    public Task Clipping_before_the_log_does_not_hide_it()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                const double Epsilon = 1e-7;

                static double Loss(double[] z, int label)
                {
                    var p = {|#1:Activations.Softmax(z, 4)|};
                    var clipped = Math.Clamp(p[label], Epsilon, 1 - Epsilon);
                    return -{|#0:Math.Log(clipped)|};
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Unstable("Math.Log", "Activations.Softmax", 10, "Activations.LogSoftmax"));
    }

    [Fact]
    public Task Log_of_one_minus_sigmoid_with_an_epsilon_is_LG0003()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int i)
                {
                    var s = {|#1:Activations.Sigmoid(z)|};
                    return -{|#0:MathF.Log(1f - s[i] + 1e-6f)|};
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Unstable("MathF.Log", "Activations.Sigmoid", 8, "Activations.LogSigmoid"));
    }

    [Fact]
    public Task Log_over_each_element_of_a_foreach_is_LG0003()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Entropy(float[] z)
                {
                    var p = {|#1:Activations.Softmax(z, 4)|};
                    float h = 0;
                    foreach (var v in p)
                    {
                        h -= v * {|#0:MathF.Log(v)|};
                    }

                    return h;
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Unstable("MathF.Log", "Activations.Softmax", 8, "Activations.LogSoftmax"));
    }

    [Fact]
    public Task TensorPrimitives_Log_of_a_softmax_buffer_is_LG0003()
    {
        const string source = """
            using System;
            using System.Numerics.Tensors;

            static class Step
            {
                static void LogProbabilities(float[] z, float[] destination)
                {
                    var shifted = new float[z.Length];
                    TensorPrimitives.Subtract(z, TensorPrimitives.Max(z), shifted);
                    {|#1:TensorPrimitives.SoftMax(shifted, destination)|};
                    {|#0:TensorPrimitives.Log(destination, destination)|};
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Unstable("TensorPrimitives.Log", "TensorPrimitives.SoftMax", 10, "Activations.LogSoftmax"));
    }

    [Fact]
    public Task A_categorical_loss_given_softmax_output_is_LG0003_on_the_loss_call()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y) =>
                    {|#0:Losses.CategoricalCrossEntropy({|#1:Activations.Softmax(z, 3)|}, y, 3)|};
            }
            """;
        return Verify.AnalyzerAsync(source, Unstable("Losses.CategoricalCrossEntropy", "Activations.Softmax", 6, "Losses.SoftmaxCrossEntropyWithLogits"));
    }

    [Fact]
    public Task Binary_cross_entropy_given_sigmoid_output_is_LG0003()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] t)
                {
                    var p = {|#1:Activations.Sigmoid(z)|};
                    return {|#0:Losses.BinaryCrossEntropy(p, t)|};
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Unstable("Losses.BinaryCrossEntropy", "Activations.Sigmoid", 7, "Losses.SigmoidCrossEntropyWithLogits"));
    }

    [Fact]
    public Task Log_of_probabilities_the_code_did_not_compute_is_silent()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Loss(float[] probabilities, int label, float[] y) =>
                    -MathF.Log(probabilities[label]) + Losses.CategoricalCrossEntropy(probabilities, y, 3);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Log_of_a_softmax_buffer_after_it_was_overwritten_is_silent()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int label)
                {
                    var p = Activations.Softmax(z, 4);
                    Activations.LogSoftmax(z, p, 4);
                    return -p[label] - MathF.Log(MathF.Max(z[label], 1e-6f));
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Theory]
    [InlineData("F.softmax(z, 1).clamp_min(1e-8).log()")]
    [InlineData("log(clamp_min(F.softmax(z, 1), 1e-8))")]
    [InlineData("F.softmax(z, 1).clip(1e-8, 1.0).log()")]
    [InlineData("log(clip(F.softmax(z, 1), 1e-8, 1.0))")]
    [InlineData("F.softmax(z, 1).clamp_max(1.0).log()")]
    public Task A_TorchSharp_softmax_clamped_or_clipped_before_the_log_is_still_reported(string expression)
    {
        var source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Policy
            {
                static Tensor LogProbabilities(Tensor z) => {|#0:EXPRESSION|};
            }
            """.Replace("EXPRESSION", expression, System.StringComparison.Ordinal);
        return Verify.AnalyzerAsync(source, LossGuard.Analyzers.Tests.Infrastructure.Finding.At(Descriptors.UnstableComposition));
    }
}
