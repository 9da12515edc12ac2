using static TorchSharp.torch;

namespace LossGuard.TorchSharp.Tests.TorchSharpFixes;

/// <summary>LG0001 / LG0002, TorchSharp: the fix passes the logits to the with-logits loss instead of the activation's output.</summary>
public sealed class PassLogitsTests(ITestOutputHelper output)
{
    private const int Rows = 8;
    private const int Classes = 5;

    [Theory]
    [InlineData("public static Tensor Loss(Tensor x, Tensor y) => F.cross_entropy(F.softmax(x, 1), y);")]
    [InlineData("public static Tensor Loss(Tensor x, Tensor y) => CrossEntropyLoss().forward(x.softmax(1), y);")]
    public async Task LG0001_cross_entropy_of_the_logits_replaces_the_double_softmax(string member)
    {
        var pair = await FixedPair<Func<Tensor, Tensor, Tensor>>.CreateAsync(Snippets.Torch(member), "LG0001", "(x, y)");
        long[] labels = Inputs.Labels(1, Rows, Classes);
        long[] shape = [Rows, Classes];

        float[] logits = Inputs.Logits(2, Rows * Classes);
        var original = Evaluated.Of(pair.Original, logits, shape, Evaluated.Indices(labels));
        var fixedLoss = Evaluated.Of(pair.Fixed, logits, shape, Evaluated.Indices(labels));
        Close.Equal(Formula.CrossEntropy(logits, labels, Classes), fixedLoss.Loss);
        Close.Equal(Formula.CrossEntropyGradient(logits, labels, Classes), fixedLoss.Gradient);
        Close.Different(Formula.CrossEntropy(logits, labels, Classes), original.Loss);

        foreach (float magnitude in new[] { 100f, 1e4f })
        {
            float[] large = Inputs.ConfidentlyWrong(labels, Classes, magnitude);
            original = Evaluated.Of(pair.Original, large, shape, Evaluated.Indices(labels));
            fixedLoss = Evaluated.Of(pair.Fixed, large, shape, Evaluated.Indices(labels));
            output.WriteLine($"±{magnitude}: intended {Formula.CrossEntropy(large, labels, Classes)}, original {original.Loss} (largest gradient {original.LargestGradient}), fixed {fixedLoss.Loss} (largest gradient {fixedLoss.LargestGradient})");

            Close.Equal(2.0 * magnitude, fixedLoss.Loss);
            Close.Equal(Formula.CrossEntropyGradient(large, labels, Classes), fixedLoss.Gradient);
            // The first softmax saturates to one-hot rows: the second sees [0, 1, 0, ...] whatever the magnitude.
            Close.Equal(Math.Log(Math.E + Classes - 1), original.Loss);
            Assert.True(original.GradientVanished, $"the double softmax's gradient should vanish, largest {original.LargestGradient}");
        }
    }

    [Fact]
    public async Task LG0002_sigmoid_cross_entropy_of_the_logits_replaces_the_double_sigmoid()
    {
        var pair = await FixedPair<Func<Tensor, Tensor, Tensor>>.CreateAsync(
            Snippets.Torch("public static Tensor Loss(Tensor x, Tensor t) => F.binary_cross_entropy_with_logits(sigmoid(x), t);"),
            "LG0002",
            "binary_cross_entropy_with_logits(x, t)");
        const int Length = 16;
        long[] shape = [Length];

        float[] logits = Inputs.Logits(3, Length);
        float[] targets = Inputs.Targets(4, Length);
        var original = Evaluated.Of(pair.Original, logits, shape, Evaluated.Floats(targets, shape));
        var fixedLoss = Evaluated.Of(pair.Fixed, logits, shape, Evaluated.Floats(targets, shape));
        Close.Equal(Formula.SigmoidCrossEntropy(logits, targets), fixedLoss.Loss);
        Close.Equal(Formula.SigmoidCrossEntropyGradient(logits, targets), fixedLoss.Gradient);
        Close.Different(Formula.SigmoidCrossEntropy(logits, targets), original.Loss);

        foreach (float magnitude in new[] { 100f, 1e4f })
        {
            var (large, wrong) = Inputs.ConfidentlyWrongBinary(Length, magnitude);
            original = Evaluated.Of(pair.Original, large, shape, Evaluated.Floats(wrong, shape));
            fixedLoss = Evaluated.Of(pair.Fixed, large, shape, Evaluated.Floats(wrong, shape));
            output.WriteLine($"±{magnitude}: intended {Formula.SigmoidCrossEntropy(large, wrong)}, original {original.Loss} (largest gradient {original.LargestGradient}), fixed {fixedLoss.Loss} (largest gradient {fixedLoss.LargestGradient})");

            Close.Equal(magnitude, fixedLoss.Loss);
            Close.Equal(Formula.SigmoidCrossEntropyGradient(large, wrong), fixedLoss.Gradient);
            // sigmoid(sigmoid(x)) only spans [0.5, 0.73]: the loss stays below log(1 + e) whatever the logits.
            Assert.True(original.Loss < Math.Log(1 + Math.E), $"the double sigmoid's loss {original.Loss} should stay below log(1 + e)");
            Assert.True(original.GradientVanished, $"the double sigmoid's gradient should vanish, largest {original.LargestGradient}");
        }
    }
}
