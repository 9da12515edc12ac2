namespace LossGuard.TorchSharp.Tests.RuntimeFixes;

/// <summary>
/// The LossGuard.Runtime loss rewrites (LG0001, LG0002, LG0003, LG0004, LG0007), applied by the code fixes and run in
/// process: the fixed call computes the intended loss and its gradient, also where the original is stuck or clipped.
/// </summary>
public sealed class RuntimeLossFixTests(ITestOutputHelper output)
{
    private const int Rows = 6;
    private const int Classes = 3;

    [Fact]
    public async Task LG0001_sparse_cross_entropy_of_the_logits_replaces_the_double_softmax()
    {
        var pair = await FixedPair<Func<float[], int[], float[], float>>.CreateAsync(
            Snippets.Runtime("public static float Loss(float[] z, int[] y, float[] gradient) => Losses.SparseSoftmaxCrossEntropyWithLogits(Activations.Softmax(z, 3), y, 3, gradient);"),
            "LG0001",
            "Losses.SparseSoftmaxCrossEntropyWithLogits(z, y, 3, gradient)");
        CheckCrossEntropy(
            (logits, labels, gradient) => pair.Original(logits, labels, gradient),
            (logits, labels, gradient) => pair.Fixed(logits, labels, gradient),
            original => Close.Equal(Math.Log(Math.E + Classes - 1), original),
            wrongForOrdinaryLogits: true);
    }

    [Fact]
    public async Task LG0003_softmax_cross_entropy_of_the_logits_replaces_categorical_cross_entropy_of_a_softmax()
    {
        var pair = await FixedPair<Func<float[], float[], float>>.CreateAsync(
            Snippets.Runtime("public static float Loss(float[] z, float[] y) => Losses.CategoricalCrossEntropy(Activations.Softmax(z, 3), y, 3);"),
            "LG0003",
            "Losses.SoftmaxCrossEntropyWithLogits(z, y, 3)");
        CheckCrossEntropy(
            (logits, labels, _) => pair.Original(logits, Labels.OneHot(labels, Classes)),
            (logits, labels, _) => pair.Fixed(logits, Labels.OneHot(labels, Classes)),
            original => Assert.True(original < 17, $"probabilities clipped at 1e-7 cap the loss at -log(1e-7) = 16.1, got {original}"),
            wrongForOrdinaryLogits: false,
            checkGradient: false);
    }

    [Theory]
    [InlineData("LG0002", "public static float Loss(float[] z, float[] t) => Losses.SigmoidCrossEntropyWithLogits(Activations.Sigmoid(z), t);", true)]
    [InlineData("LG0003", "public static float Loss(float[] z, float[] t) => Losses.BinaryCrossEntropy(Activations.Sigmoid(z), t);", false)]
    [InlineData("LG0004", "public static float Loss(float[] z, float[] t) => Losses.SoftmaxCrossEntropyWithLogits(z, t, 1);", true)]
    public async Task The_sigmoid_cross_entropy_of_the_logits_replaces_a_loss_of_the_wrong_values(string rule, string member, bool wrongForOrdinaryLogits)
    {
        const string rewritten = "Losses.SigmoidCrossEntropyWithLogits(z, t)";
        var pair = await FixedPair<Func<float[], float[], float>>.CreateAsync(Snippets.Runtime(member), rule, rewritten);
        const int Length = 10;
        float[] logits = Inputs.Logits(31, Length);
        float[] targets = Inputs.Targets(32, Length).Select(t => MathF.Round(t)).ToArray();
        Close.Equal(Formula.SigmoidCrossEntropy(logits, targets), pair.Fixed(logits, targets));
        if (wrongForOrdinaryLogits)
        {
            Close.Different(Formula.SigmoidCrossEntropy(logits, targets), pair.Original(logits, targets));
        }
        else
        {
            // Only inaccurate for ordinary logits: the composition fails with large ones.
            Close.Equal(Formula.SigmoidCrossEntropy(logits, targets), pair.Original(logits, targets), 1e-4);
        }

        foreach (float magnitude in new[] { 100f, 1e4f })
        {
            var (large, wrong) = Inputs.ConfidentlyWrongBinary(Length, magnitude);
            float original = pair.Original(large, wrong);
            float fixedLoss = pair.Fixed(large, wrong);
            output.WriteLine($"{rule} ±{magnitude}: intended {Formula.SigmoidCrossEntropy(large, wrong)}, original {original}, fixed {fixedLoss}");
            Close.Equal(magnitude, fixedLoss);
            Assert.True(original < 17, $"the original loss should be stuck or clipped far below {magnitude}, got {original}");
        }
    }

    [Fact]
    public async Task LG0007_binary_cross_entropy_of_log_sigmoid_output_is_reported_without_a_fix()
    {
        // docs/rules/LG0007.md: log-probabilities into a probability loss have no single right rewrite.
        string source = Snippets.Runtime("public static float Loss(float[] z, float[] t) => Losses.BinaryCrossEntropy(Activations.LogSigmoid(z), t);");
        Assert.Equal(0, await LossGuardFix.CountAsync(source, "LG0007"));
    }

    /// <summary>
    /// The fixed loss (and, where the call gives one, its gradient) against the cross-entropy formula, on random logits
    /// and on confidently wrong logits of ±100 and ±1e4, where <paramref name="originalStuck"/> checks the original.
    /// </summary>
    private void CheckCrossEntropy(
        Func<float[], int[], float[], float> original, Func<float[], int[], float[], float> @fixed, Action<double> originalStuck, bool wrongForOrdinaryLogits, bool checkGradient = true)
    {
        long[] labels = Inputs.Labels(33, Rows, Classes);
        int[] indices = labels.Select(label => (int)label).ToArray();
        foreach (float magnitude in new[] { 0f, 100f, 1e4f })
        {
            float[] logits = magnitude == 0 ? Inputs.Logits(34, Rows * Classes) : Inputs.ConfidentlyWrong(labels, Classes, magnitude);
            float[] gradient = new float[logits.Length];
            float fixedLoss = @fixed(logits, indices, gradient);
            float originalLoss = original(logits, indices, new float[logits.Length]);
            output.WriteLine($"±{magnitude}: intended {Formula.CrossEntropy(logits, labels, Classes)}, original {originalLoss}, fixed {fixedLoss}");

            Close.Equal(Formula.CrossEntropy(logits, labels, Classes), fixedLoss);
            if (checkGradient)
            {
                Close.Equal(Formula.CrossEntropyGradient(logits, labels, Classes), gradient);
            }

            if (magnitude == 0 && wrongForOrdinaryLogits)
            {
                Close.Different(Formula.CrossEntropy(logits, labels, Classes), originalLoss);
            }
            else if (magnitude == 0)
            {
                Close.Equal(Formula.CrossEntropy(logits, labels, Classes), originalLoss, 1e-4);
            }
            else
            {
                originalStuck(originalLoss);
            }
        }
    }
}
