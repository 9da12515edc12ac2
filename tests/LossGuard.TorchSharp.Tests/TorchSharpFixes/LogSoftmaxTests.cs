using static TorchSharp.torch;

namespace LossGuard.TorchSharp.Tests.TorchSharpFixes;

/// <summary>
/// LG0003 (<c>log(softmax(x))</c>) and LG0007 (<c>nll_loss(softmax(x))</c>), TorchSharp: the fix writes
/// <c>log_softmax</c>, and <c>nll_loss</c> of it is the cross-entropy of the logits.
/// </summary>
public sealed class LogSoftmaxTests(ITestOutputHelper output)
{
    private const int Rows = 6;
    private const int Classes = 4;

    [Theory]
    [InlineData("public static Tensor Loss(Tensor x, Tensor y) => F.nll_loss(log(F.softmax(x, dim: 1)), y);", "F.log_softmax(x, dim: 1)")]
    [InlineData("public static Tensor Loss(Tensor x, Tensor y) => F.nll_loss(F.softmax(x, 1).log(), y);", "F.log_softmax(x, 1)")]
    [InlineData("public static Tensor Loss(Tensor x, Tensor y) => F.nll_loss(x.softmax(1).log(), y);", "x.log_softmax(1)")]
    [InlineData("""
        public static Tensor Loss(Tensor x, Tensor y)
        {
            var probabilities = F.softmax(x, 1);
            var logProbabilities = probabilities.log();
            return F.nll_loss(logProbabilities, y);
        }
        """, "var logProbabilities = F.log_softmax(x, 1);")]
    public async Task LG0003_log_softmax_is_the_cross_entropy_and_stays_finite_where_log_of_softmax_is_infinite(string member, string rewritten)
    {
        var pair = await FixedPair<Func<Tensor, Tensor, Tensor>>.CreateAsync(Snippets.Torch(member), "LG0003", rewritten);
        var original = Check(pair, (loss, gradient) =>
        {
            Assert.True(double.IsPositiveInfinity(loss), $"log of an underflowed softmax should make the loss +inf, got {loss}");
            Assert.False(Array.TrueForAll(gradient, float.IsFinite), "the gradient through log(0) should hold NaN");
        });

        // With ordinary logits the composition is only inaccurate, not wrong: both agree with the formula.
        Close.Equal(Formula.CrossEntropy(Inputs.Logits(5, Rows * Classes), Inputs.Labels(6, Rows, Classes), Classes), original.Loss, 1e-5);
    }

    [Fact]
    public async Task LG0007_nll_loss_of_log_softmax_is_the_cross_entropy_where_nll_loss_of_softmax_is_not()
    {
        var pair = await FixedPair<Func<Tensor, Tensor, Tensor>>.CreateAsync(
            Snippets.Torch("public static Tensor Loss(Tensor x, Tensor y) => F.nll_loss(F.softmax(x, 1), y);"),
            "LG0007",
            "F.nll_loss(F.log_softmax(x, 1), y)");
        var original = Check(pair, (loss, gradient) =>
        {
            // -p[label] lies in [-1, 0]; a confidently wrong row gives p[label] = 0 and no gradient at all.
            Assert.Equal(0.0, loss);
            Assert.True(Array.TrueForAll(gradient, v => Math.Abs(v) < 1e-30), "the gradient through a saturated softmax should vanish");
        });

        Close.Different(Formula.CrossEntropy(Inputs.Logits(5, Rows * Classes), Inputs.Labels(6, Rows, Classes), Classes), original.Loss);
        Assert.InRange(original.Loss, -1.0, 0.0);
    }

    /// <summary>
    /// Checks the fixed code against the cross-entropy formula on random logits and on confidently wrong logits of ±100
    /// and ±1e4, where <paramref name="originalFails"/> asserts how the original breaks (loss, gradient). Returns the
    /// original's result on the random logits.
    /// </summary>
    private Evaluated Check(FixedPair<Func<Tensor, Tensor, Tensor>> pair, Action<double, float[]> originalFails)
    {
        long[] labels = Inputs.Labels(6, Rows, Classes);
        long[] shape = [Rows, Classes];
        float[] logits = Inputs.Logits(5, Rows * Classes);
        var fixedLoss = Evaluated.Of(pair.Fixed, logits, shape, Evaluated.Indices(labels));
        Close.Equal(Formula.CrossEntropy(logits, labels, Classes), fixedLoss.Loss);
        Close.Equal(Formula.CrossEntropyGradient(logits, labels, Classes), fixedLoss.Gradient);

        foreach (float magnitude in new[] { 100f, 1e4f })
        {
            float[] large = Inputs.ConfidentlyWrong(labels, Classes, magnitude);
            var original = Evaluated.Of(pair.Original, large, shape, Evaluated.Indices(labels));
            var fixedLarge = Evaluated.Of(pair.Fixed, large, shape, Evaluated.Indices(labels));
            output.WriteLine($"±{magnitude}: intended {Formula.CrossEntropy(large, labels, Classes)}, original {original.Loss} (gradient finite: {original.GradientIsFinite}, largest {original.LargestGradient}), fixed {fixedLarge.Loss} (largest gradient {fixedLarge.LargestGradient})");

            Close.Equal(2.0 * magnitude, fixedLarge.Loss);
            Close.Equal(Formula.CrossEntropyGradient(large, labels, Classes), fixedLarge.Gradient);
            originalFails(original.Loss, original.Gradient);
        }

        return Evaluated.Of(pair.Original, logits, shape, Evaluated.Indices(labels));
    }
}
