using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.Rules;

public sealed class UnstableSoftMaxTests
{
    [Fact]
    public Task TensorPrimitives_SoftMax_on_raw_values_is_LG0010_on_the_call()
    {
        const string source = """
            using System;
            using System.Numerics.Tensors;

            static class Step
            {
                static void Normalise(ReadOnlySpan<float> scores, Span<float> destination) =>
                    {|#0:TensorPrimitives.SoftMax(scores, destination)|};
            }
            """;
        return Verify.AnalyzerAsync(source, Verify.Diagnostic(Descriptors.UnstableTensorPrimitivesSoftMax).WithLocation(0));
    }

    [Fact]
    public Task Values_shifted_by_their_own_maximum_are_silent()
    {
        const string source = """
            using System;
            using System.Numerics.Tensors;

            static class Step
            {
                static void WithPrimitives(float[] scores, float[] destination)
                {
                    var shifted = new float[scores.Length];
                    TensorPrimitives.Subtract(scores, TensorPrimitives.Max(scores), shifted);
                    TensorPrimitives.SoftMax(shifted, destination);
                }

                static void WithALoop(float[] scores, float[] destination)
                {
                    var max = TensorPrimitives.Max(scores);
                    var shifted = new float[scores.Length];
                    for (var i = 0; i < scores.Length; i++)
                    {
                        shifted[i] = scores[i] - max;
                    }

                    TensorPrimitives.SoftMax(shifted, destination);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Values_shifted_by_another_buffers_maximum_are_LG0010()
    {
        const string source = """
            using System;
            using System.Numerics.Tensors;

            static class Step
            {
                static void Normalise(float[] scores, float[] other, float[] destination)
                {
                    var shifted = new float[scores.Length];
                    TensorPrimitives.Subtract(scores, TensorPrimitives.Max(other), shifted);
                    {|#0:TensorPrimitives.SoftMax(shifted, destination)|};
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Verify.Diagnostic(Descriptors.UnstableTensorPrimitivesSoftMax).WithLocation(0));
    }

    [Fact]
    public Task TensorPrimitives_SoftMax_output_into_a_with_logits_loss_is_also_LG0001()
    {
        const string source = """
            using System.Numerics.Tensors;
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    var p = new float[z.Length];
                    {|#1:TensorPrimitives.SoftMax(z, p)|};
                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:p|}, y, z.Length);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.UnstableTensorPrimitivesSoftMax).WithLocation(1),
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("Losses.SoftmaxCrossEntropyWithLogits", "'p'", "TensorPrimitives.SoftMax", "9", "pass the logits"));
    }
}
