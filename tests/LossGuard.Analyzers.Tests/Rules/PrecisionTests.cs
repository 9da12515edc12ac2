using System.Threading.Tasks;
using Xunit;
using static LossGuard.Analyzers.Tests.Flow.FlowProbe;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.Rules;

/// <summary>Correct code that a careless analysis would flag, and names that lie.</summary>
public sealed class PrecisionTests
{
    [Fact]
    public Task Names_never_matter_a_softmax_named_logits_is_still_softmax_output()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    var logits = {|#1:Activations.Softmax(z, 4)|};
                    var probabilities = z;
                    return Losses.SoftmaxCrossEntropyWithLogits(probabilities, y, 4) + Losses.SoftmaxCrossEntropyWithLogits({|#0:logits|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(7, "logits"));
    }

    [Fact]
    public Task Sigmoid_for_thresholds_and_softmax_for_metrics_beside_losses_on_the_logits_are_silent()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static (float Loss, int Hits) Evaluate(float[] z, float[] targets, float[] scores, int[] labels)
                {
                    var hits = 0;
                    var s = Activations.Sigmoid(z);
                    for (var i = 0; i < s.Length; i++)
                    {
                        hits += (s[i] > 0.5f) == (targets[i] > 0.5f) ? 1 : 0;
                    }

                    var p = Activations.Softmax(scores, 4);
                    var predicted = Labels.ArgMax(p, 4);
                    for (var i = 0; i < labels.Length; i++)
                    {
                        hits += predicted[i] == labels[i] ? 1 : 0;
                    }

                    var loss = Losses.SigmoidCrossEntropyWithLogits(z, targets) + Losses.SparseSoftmaxCrossEntropyWithLogits(scores, labels, 4);
                    return (loss, hits);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Softmax_as_attention_weights_feeding_other_arithmetic_is_silent()
    {
        const string source = """
            using System.Numerics.Tensors;
            using LossGuard;

            static class Attention
            {
                static float Loss(float[] scores, float[] values, float[] z, float[] y)
                {
                    var weights = Activations.Softmax(scores, scores.Length);
                    var context = TensorPrimitives.Dot(weights, values);
                    var logits = new float[z.Length];
                    TensorPrimitives.Multiply(z, context, logits);
                    return Losses.SoftmaxCrossEntropyWithLogits(logits, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
