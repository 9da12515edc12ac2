namespace LossGuard.TorchSharp.Tests.RuntimeFixes;

/// <summary>
/// The LossGuard.Runtime activation rewrites (LG0003 log of a softmax buffer, LG0004 one-class softmax, LG0007 NLL of
/// probabilities, LG0010 TensorPrimitives.SoftMax), applied by the code fixes and run in process.
/// </summary>
public sealed class RuntimeActivationFixTests(ITestOutputHelper output)
{
    private const int Classes = 3;

    [Fact]
    public async Task LG0003_LogSoftmax_into_the_log_buffer_stays_finite_where_the_log_of_the_softmax_is_minus_infinity()
    {
        var pair = await FixedPair<Func<float[], float[]>>.CreateAsync(
            Snippets.Runtime("""
                public static float[] LogProbabilities(float[] z)
                {
                    var p = new float[z.Length];
                    var d = new float[z.Length];
                    Activations.Softmax(z, p, 3);
                    TensorPrimitives.Log(p, d);
                    return d;
                }
                """),
            "LG0003",
            "Activations.LogSoftmax(z, d, 3);",
            "LogProbabilities");
        float[] logits = Inputs.Logits(41, 4 * Classes);
        Close.Equal(Formula.RowLogSoftmax(logits, Classes), pair.Fixed(logits));
        Close.Equal(Formula.RowLogSoftmax(logits, Classes), pair.Original(logits), 1e-4);

        foreach (float magnitude in new[] { 100f, 1e4f })
        {
            float[] large = Inputs.ConfidentlyWrong([0, 1, 2, 0], Classes, magnitude);
            float[] original = pair.Original(large);
            float[] fixedValues = pair.Fixed(large);
            output.WriteLine($"±{magnitude}: smallest log-probability intended {Formula.RowLogSoftmax(large, Classes).Min()}, original {original.Min()}, fixed {fixedValues.Min()}");
            Close.Equal(Formula.RowLogSoftmax(large, Classes), fixedValues);
            Assert.Contains(float.NegativeInfinity, original);
        }
    }

    [Fact]
    public async Task LG0007_LogSoftmax_makes_the_negative_log_likelihood_the_cross_entropy()
    {
        var pair = await FixedPair<Func<float[], int[], float>>.CreateAsync(
            Snippets.Runtime("public static float Loss(float[] z, int[] y) => Losses.NegativeLogLikelihood(Activations.Softmax(z, 3), y, 3);"),
            "LG0007",
            "Losses.NegativeLogLikelihood(Activations.LogSoftmax(z, 3), y, 3)");
        long[] labels = Inputs.Labels(42, 5, Classes);
        int[] indices = labels.Select(label => (int)label).ToArray();
        foreach (float magnitude in new[] { 0f, 1e4f })
        {
            float[] logits = magnitude == 0 ? Inputs.Logits(43, 5 * Classes) : Inputs.ConfidentlyWrong(labels, Classes, magnitude);
            float original = pair.Original(logits, indices);
            output.WriteLine($"±{magnitude}: intended {Formula.CrossEntropy(logits, labels, Classes)}, original {original}, fixed {pair.Fixed(logits, indices)}");
            Close.Equal(Formula.CrossEntropy(logits, labels, Classes), pair.Fixed(logits, indices));
            Assert.InRange(original, -1f, 0f);
        }
    }

    [Fact]
    public async Task LG0004_Sigmoid_replaces_a_one_class_softmax_that_is_always_one()
    {
        var pair = await FixedPair<Func<float[], float[]>>.CreateAsync(
            Snippets.Runtime("public static float[] Predict(float[] z) => Activations.Softmax(z, classes: 1);"),
            "LG0004",
            "Activations.Sigmoid(z)",
            "Predict");
        float[] logits = Inputs.Logits(44, 8);
        Close.Equal(logits.Select(z => Formula.Sigmoid(z)).ToArray(), pair.Fixed(logits));
        Assert.All(pair.Original(logits), p => Assert.Equal(1f, p));
    }

    [Fact]
    public async Task LG0010_the_max_subtracted_softmax_is_finite_where_TensorPrimitives_SoftMax_gives_NaN()
    {
        var pair = await FixedPair<Func<float[], float[]>>.CreateAsync(
            Snippets.Runtime("""
                public static float[] Probabilities(float[] x)
                {
                    var d = new float[x.Length];
                    TensorPrimitives.SoftMax(x, d);
                    return d;
                }
                """),
            "LG0010",
            "Activations.Softmax(x, d, x.Length)",
            "Probabilities");
        float[] logits = Inputs.Logits(45, 6);
        Close.Equal(Formula.RowSoftmax(logits, logits.Length), pair.Fixed(logits));
        Close.Equal(Formula.RowSoftmax(logits, logits.Length), pair.Original(logits), 1e-4);

        foreach (float[] large in new[] { new[] { 100f, 0f, -3f }, new[] { -200f, -201f, -205f }, new[] { 1e4f, -1e4f, 0f } })
        {
            float[] original = pair.Original(large);
            float[] fixedValues = pair.Fixed(large);
            output.WriteLine($"[{string.Join(", ", large)}]: original [{string.Join(", ", original)}], fixed [{string.Join(", ", fixedValues)}]");
            Close.Equal(Formula.RowSoftmax(large, large.Length), fixedValues);
            Assert.Contains(original, float.IsNaN);
        }
    }
}
