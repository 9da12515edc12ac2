using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using F = TorchSharp.torch.nn.functional;

namespace LossGuard.TorchSharp.Tests.TorchSharpFixes;

/// <summary>
/// LG0003 / LG0007, TorchSharp: a probability-space loss given sigmoid output or raw logits becomes the with-logits loss
/// of the logits (<c>binary_cross_entropy_with_logits</c>, <c>cross_entropy</c>).
/// </summary>
public sealed class WithLogitsLossTests(ITestOutputHelper output)
{
    private const int Length = 12;

    [Fact]
    public async Task LG0003_binary_cross_entropy_of_a_sigmoid_becomes_binary_cross_entropy_with_logits()
    {
        var pair = await FixedPair<Func<Tensor, Tensor, Tensor>>.CreateAsync(
            Snippets.Torch("public static Tensor Loss(Tensor x, Tensor t) => F.binary_cross_entropy(F.sigmoid(x), t);"),
            "LG0003",
            "F.binary_cross_entropy_with_logits(x, t)");
        CheckSigmoidLoss(pair.Original, pair.Fixed);
    }

    [Fact]
    public async Task LG0003_BCELoss_on_a_sigmoid_is_reported_without_a_fix_and_the_documented_BCEWithLogitsLoss_is_exact()
    {
        // Loss modules are not rewritten (docs/rules/LG0003.md): the rule page's fixed form is checked as written there.
        string source = Snippets.Torch("public static Tensor Loss(Tensor x, Tensor t) => BCELoss().forward(F.sigmoid(x), t);");
        Assert.Equal(0, await LossGuardFix.CountAsync(source, "LG0003"));
        NativeTorch.Require();
        CheckSigmoidLoss((x, t) => BCELoss().forward(F.sigmoid(x), t), (x, t) => BCEWithLogitsLoss().forward(x, t));
    }

    [Fact]
    public async Task LG0007_nll_loss_of_a_linear_layers_logits_becomes_cross_entropy()
    {
        const int Rows = 5, Features = 3, Classes = 4;
        var pair = await FixedPair<Func<Tensor, Tensor, Tensor>>.CreateAsync(
            Snippets.Torch($$"""
                public static Tensor Loss(Tensor h, Tensor y)
                {
                    manual_seed(11);
                    var head = Linear({{Features}}, {{Classes}});
                    return F.nll_loss(head.forward(h), y);
                }
                """),
            "LG0007",
            "F.cross_entropy(head.forward(h), y)");
        long[] labels = Inputs.Labels(7, Rows, Classes);
        float[] features = Inputs.Logits(8, Rows * Features);

        // The same layer as the snippet's (same seed), to know the logits it computes.
        NativeTorch.Require();
        manual_seed(11);
        using var head = Linear(Features, Classes);
        using var logitTensor = head.forward(tensor(features, [Rows, Features]));
        float[] logits = logitTensor.data<float>().ToArray();

        var original = Evaluated.Of(pair.Original, features, [Rows, Features], Evaluated.Indices(labels));
        var fixedLoss = Evaluated.Of(pair.Fixed, features, [Rows, Features], Evaluated.Indices(labels));
        output.WriteLine($"intended {Formula.CrossEntropy(logits, labels, Classes)}, original {original.Loss}, fixed {fixedLoss.Loss}");
        Close.Equal(Formula.CrossEntropy(logits, labels, Classes), fixedLoss.Loss);
        Close.Different(Formula.CrossEntropy(logits, labels, Classes), original.Loss);

        // nll_loss of logits is -mean(z[label]): unbounded below, so scaling the inputs up drives it to -inf.
        float[] scaled = Array.ConvertAll(features, v => v * 1e4f);
        var originalLarge = Evaluated.Of(pair.Original, scaled, [Rows, Features], Evaluated.Indices(labels));
        var fixedLarge = Evaluated.Of(pair.Fixed, scaled, [Rows, Features], Evaluated.Indices(labels));
        output.WriteLine($"inputs x 1e4: original {originalLarge.Loss}, fixed {fixedLarge.Loss}");
        Assert.True(originalLarge.Loss < -100, $"nll_loss of large logits should run off below zero, got {originalLarge.Loss}");
        Assert.True(fixedLarge.Loss >= 0 && double.IsFinite(fixedLarge.Loss) && fixedLarge.GradientIsFinite);
    }

    /// <summary>
    /// The fixed loss equals the sigmoid cross-entropy formula with its gradient; with confidently wrong logits of ±100
    /// and ±1e4 it grows with the logits while the probability-space original is clamped (log at -100) and has no gradient.
    /// </summary>
    private void CheckSigmoidLoss(Func<Tensor, Tensor, Tensor> original, Func<Tensor, Tensor, Tensor> @fixed)
    {
        long[] shape = [Length];
        float[] logits = Inputs.Logits(9, Length);
        float[] targets = Inputs.Targets(10, Length);
        var fixedLoss = Evaluated.Of(@fixed, logits, shape, Evaluated.Floats(targets, shape));
        Close.Equal(Formula.SigmoidCrossEntropy(logits, targets), fixedLoss.Loss);
        Close.Equal(Formula.SigmoidCrossEntropyGradient(logits, targets), fixedLoss.Gradient);

        foreach (float magnitude in new[] { 100f, 1e4f })
        {
            var (large, wrong) = Inputs.ConfidentlyWrongBinary(Length, magnitude);
            var originalLarge = Evaluated.Of(original, large, shape, Evaluated.Floats(wrong, shape));
            var fixedLarge = Evaluated.Of(@fixed, large, shape, Evaluated.Floats(wrong, shape));
            output.WriteLine($"±{magnitude}: intended {Formula.SigmoidCrossEntropy(large, wrong)}, original {originalLarge.Loss} (largest gradient {originalLarge.LargestGradient}), fixed {fixedLarge.Loss} (largest gradient {fixedLarge.LargestGradient})");

            Close.Equal(magnitude, fixedLarge.Loss);
            Close.Equal(Formula.SigmoidCrossEntropyGradient(large, wrong), fixedLarge.Gradient);
            Assert.True(originalLarge.Loss <= 100.0, $"binary_cross_entropy clamps its log at -100, got {originalLarge.Loss}");
            Assert.True(originalLarge.GradientVanished, $"the saturated sigmoid's gradient should vanish, largest {originalLarge.LargestGradient}");
        }
    }
}
