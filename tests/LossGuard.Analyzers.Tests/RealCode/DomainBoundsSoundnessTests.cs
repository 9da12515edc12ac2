using System.Threading.Tasks;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// Arithmetic and clipping that move values out of a domain: a raw output clamped at zero or above is no longer logits,
/// and <c>1 + p</c> or <c>2 - p</c> is no longer a probability near zero. Each case must stay silent.
/// </summary>
public sealed class DomainBoundsSoundnessTests
{
    [Fact]
    public Task Poisson_rates_made_positive_by_clamping_a_linear_output_with_log_input_false_are_silent()
    {
        // Correct: clamp(min: 1e-6) / clamp(min: 0) / clamp_min / clip(min:) of a raw output gives non-negative rates, which log_input: false reads; wrongly LG0007 "raw logits" with "set log_input: true" (clamp keeps the Logits domain).
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Counts
            {
                static Tensor Loss(Tensor features, Tensor counts)
                {
                    var head = Linear(16, 1);
                    var rates = head.forward(features).clamp(min: 1e-6);
                    return F.poisson_nll_loss(rates, counts, log_input: false)
                        + F.poisson_nll_loss(clamp(head.forward(features), min: 0.0), counts, log_input: false)
                        + F.poisson_nll_loss(head.forward(features).clamp_min(1e-6), counts, log_input: false)
                        + F.poisson_nll_loss(clamp_min(head.forward(features), 0.0), counts, log_input: false)
                        + F.poisson_nll_loss(head.forward(features).clip(min: 1e-6), counts, log_input: false);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task The_log_of_one_plus_or_two_minus_a_keras_sigmoid_layer_output_is_silent()
    {
        // Correct: log(1 + p) and log(2 - p) lie in [0, log 2] for p in [0, 1] and cannot underflow; wrongly LG0003 "remove the layer's activation" (any constant added or subtracted keeps the probability domain).
        const string source = TensorFlowUsings.Eager + """
            static class Step
            {
                static Tensor Loss(Tensor h, Tensor y)
                {
                    Tensor p = keras.layers.Dense(1, activation: "sigmoid").Apply(h);
                    return tf.reduce_sum(y * tf.log(1.0f + p)) + tf.reduce_sum(tf.log(2.0f - p));
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task The_log_of_one_plus_a_torchsharp_probability_is_silent()
    {
        // Correct: log(1 + softmax) / log(sigmoid + 1) are bounded in [0, log 2]; wrongly LG0003 "use the fused log_softmax / logsigmoid" (a fused form that computes a different function).
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Weights(Tensor z) => (1 + F.softmax(z, 1)).log() + log(F.sigmoid(z) + 1.0);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
