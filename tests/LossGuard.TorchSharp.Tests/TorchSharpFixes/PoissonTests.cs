using static TorchSharp.torch;

namespace LossGuard.TorchSharp.Tests.TorchSharpFixes;

/// <summary>
/// LG0007 on a Poisson NLL whose input does not match <c>log_input</c>: the fixed code computes the Poisson negative
/// log-likelihood of the model's rates (mean of rate - count * log rate, without the Stirling term), the original does not.
/// </summary>
public sealed class PoissonTests(ITestOutputHelper output)
{
    private const int Length = 24;

    [Fact]
    public async Task LG0007_exp_rates_read_as_log_rates_become_the_exponent()
    {
        var pair = await FixedPair<Func<Tensor, Tensor, Tensor>>.CreateAsync(
            Snippets.Torch("public static Tensor Loss(Tensor z, Tensor counts) => F.poisson_nll_loss(exp(z), counts);"), "LG0007", "F.poisson_nll_loss(z, counts)");
        var (expected, original) = FixedIsTheLikelihood(pair, 41, Math.Exp, eps: 0);
        Close.Different(expected, original);

        // At the true rates the likelihood is at its optimum: the fixed loss's gradient vanishes, the original's does not.
        float[] atTruth = Counts(42).Select(count => (float)Math.Log(count + 1)).ToArray();
        float[] truth = atTruth.Select(z => (float)Math.Exp(z)).ToArray();
        var (_, fixedGradient) = Run(pair.Fixed, atTruth, truth);
        var (_, originalGradient) = Run(pair.Original, atTruth, truth);
        output.WriteLine($"at the true rates: largest gradient original {originalGradient:G4}, fixed {fixedGradient:G4}");
        Assert.True(fixedGradient < 1e-5, $"fixed gradient {fixedGradient} at the optimum");
        Assert.True(originalGradient > 0.1, $"original gradient {originalGradient} at the optimum");
    }

    [Fact]
    public async Task LG0007_softplus_rates_under_the_default_log_input_get_log_input_false()
    {
        var pair = await FixedPair<Func<Tensor, Tensor, Tensor>>.CreateAsync(
            Snippets.Torch("public static Tensor Loss(Tensor z, Tensor counts) => F.poisson_nll_loss(F.softplus(z), counts);"), "LG0007", "log_input: false");
        var (expected, original) = FixedIsTheLikelihood(pair, 43, z => Math.Log(1 + Math.Exp(z)), eps: 1e-8);
        Close.Different(expected, original);
    }

    [Fact]
    public async Task LG0007_a_raw_output_read_as_rates_gets_log_input_true()
    {
        // A one-input linear layer with weight 1: its output is its input, half of it negative.
        var pair = await FixedPair<Func<Tensor, Tensor, Tensor>>.CreateAsync(
            Snippets.Torch("public static Tensor Loss(Tensor h, Tensor counts) => F.poisson_nll_loss(F.linear(h.unsqueeze(1), eye(1)).squeeze(1), counts, log_input: false);"),
            "LG0007",
            "log_input: true");
        var (_, original) = FixedIsTheLikelihood(pair, 45, Math.Exp, eps: 0);
        Assert.True(double.IsNaN(original), $"the log of negative rates should be NaN, got {original}");
    }

    /// <summary>
    /// Both forms on seeded model outputs and counts: the fixed one must be the Poisson likelihood of the rates the
    /// model means (<paramref name="rate"/> of each output); returns that likelihood and what the original computes.
    /// </summary>
    private (double Expected, double Original) FixedIsTheLikelihood(FixedPair<Func<Tensor, Tensor, Tensor>> pair, int seed, Func<double, double> rate, double eps)
    {
        float[] outputs = Inputs.Logits(seed, Length);
        float[] counts = Counts(seed + 1);
        double expected = Likelihood(outputs.Select(z => rate(z)).ToArray(), counts, eps);
        var (original, _) = Run(pair.Original, outputs, counts);
        var (fixedLoss, _) = Run(pair.Fixed, outputs, counts);
        output.WriteLine($"Poisson NLL {expected:F6}: original {original:F6}, fixed {fixedLoss:F6}");
        Close.Equal(expected, fixedLoss);
        return (expected, original);
    }

    /// <summary>Counts 0..9, as float (the loss's target type).</summary>
    private static float[] Counts(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Length).Select(_ => (float)random.Next(10)).ToArray();
    }

    /// <summary>Mean of rate - count * log(rate + eps): TorchSharp's poisson_nll_loss with full: false and mean reduction.</summary>
    private static double Likelihood(double[] rates, float[] counts, double eps) =>
        Enumerable.Range(0, rates.Length).Average(i => rates[i] - (counts[i] * Math.Log(rates[i] + eps)));

    private static (double Loss, double Gradient) Run(Func<Tensor, Tensor, Tensor> loss, float[] input, float[] counts)
    {
        NativeTorch.Require();
        using var scope = NewDisposeScope();
        var variable = tensor(input).requires_grad_(true);
        var value = loss(variable, tensor(counts));
        value.backward();
        return (value.item<float>(), variable.grad!.abs().max().item<float>());
    }
}
