using System;
using System.Linq;
using Xunit;

namespace LossGuard.Runtime.Tests;

/// <summary>
/// Short rows (1 to 40 classes; the folded blocks of 16 rows for 2 to 32 classes a power of two, the row-block path
/// otherwise, one by one for the last rows of a group) through the public API, against the float64 reference.
/// </summary>
public sealed class ShortRowKernelTests
{
    private const int Ignored = -100;

    public static TheoryData<int, int, double> Shapes()
    {
        var data = new TheoryData<int, int, double>();
        // 1 to 40, and the medium rows' blocks of 16 (33 to 256 classes, a partial last vector or none) and past them.
        foreach (int classes in Enumerable.Range(1, 40).Concat(new[] { 48, 100, 128, 129, 256, 257 }))
        {
            // A lone row, a block and one, two groups and a few rows (odd tails everywhere); logits of +-6 and of +-39
            // (a group's spread up to 78, still one shift for the group).
            data.Add(1, classes, 6);
            data.Add(17, classes, 39);
            data.Add(527, classes, 6);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sparse_rows_match_the_reference_with_and_without_smoothing_and_ignored_rows(int rows, int classes, double scale)
    {
        var random = new Random((rows * 41) + classes);
        float[] logits = Reference.RandomLogits(random, rows * classes, scale);

        // Labels at both ends of the row and in between; the second pass ignores every 50th row.
        int[] labels = Enumerable.Range(0, rows).Select(row => row % 3 == 0 ? 0 : row % 3 == 1 ? classes - 1 : random.Next(classes)).ToArray();
        foreach (bool ignore in new[] { false, true })
        {
            int[] used = labels.Select((label, row) => ignore && row % 50 == 7 ? Ignored : label).ToArray();
            foreach (float smoothing in new[] { 0f, 0.1f })
            {
                var gradient = new float[logits.Length];
                var rowLosses = new float[rows];
                float total = Losses.SparseSoftmaxCrossEntropyWithLogits(
                    logits, used, classes, gradient, Reduction.Sum, labelSmoothing: smoothing, ignoreIndex: Ignored, rowLosses: rowLosses);

                double expected = 0;
                for (int row = 0; row < rows; row++)
                {
                    double[] t = used[row] == Ignored
                        ? new double[classes]
                        : Reference.OneHot(used[row], classes).Select(v => ((1 - smoothing) * v) + (smoothing / classes)).ToArray();
                    expected += CheckRow(logits, t, row, classes, gradient, rowLosses[row], ignored: used[row] == Ignored);
                }

                Assert.Equal(expected, total, 2e-5 * Math.Max(1, expected));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Dense_rows_match_the_reference(int rows, int classes, double scale)
    {
        var random = new Random((rows * 43) + classes);
        float[] logits = Reference.RandomLogits(random, rows * classes, scale);
        float[] targets = Enumerable.Range(0, rows).SelectMany(_ => Distribution(random, classes)).ToArray();
        foreach (float smoothing in new[] { 0f, 0.1f })
        {
            var gradient = new float[logits.Length];
            var rowLosses = new float[rows];
            float total = Losses.SoftmaxCrossEntropyWithLogits(logits, targets, classes, gradient, Reduction.Sum, labelSmoothing: smoothing, rowLosses: rowLosses);

            double expected = 0;
            for (int row = 0; row < rows; row++)
            {
                double[] t = Reference.Row(targets, row, classes).Select(v => ((1 - smoothing) * v) + (smoothing / classes)).ToArray();
                expected += CheckRow(logits, t, row, classes, gradient, rowLosses[row], ignored: false);
            }

            Assert.Equal(expected, total, 2e-5 * Math.Max(1, expected));

            // Without a gradient (no exponentials written), the same losses.
            var forwardLosses = new float[rows];
            Assert.Equal(total, Losses.SoftmaxCrossEntropyWithLogits(logits, targets, classes, default, Reduction.Sum, labelSmoothing: smoothing, rowLosses: forwardLosses));
            Assert.Equal(rowLosses, forwardLosses);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(10)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(31)]
    [InlineData(100)]
    [InlineData(128)]
    public void The_gradient_may_overwrite_the_logits(int classes)
    {
        var (logits, labels, targets) = Batch(300, classes, 6);

        var sparseGradient = new float[logits.Length];
        float sparse = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, classes, sparseGradient);
        float[] inPlace = (float[])logits.Clone();
        Assert.Equal(sparse, Losses.SparseSoftmaxCrossEntropyWithLogits(inPlace, labels, classes, inPlace));
        Assert.Equal(sparseGradient, inPlace);

        var denseGradient = new float[logits.Length];
        float dense = Losses.SoftmaxCrossEntropyWithLogits(logits, targets, classes, denseGradient);
        inPlace = (float[])logits.Clone();
        Assert.Equal(dense, Losses.SoftmaxCrossEntropyWithLogits(inPlace, targets, classes, inPlace));
        Assert.Equal(denseGradient, inPlace);
    }

    /// <summary>Whole blocks of 16 rows, a lone row, blocks with a tail, and a row length that is not a power of two.</summary>
    public static TheoryData<int, int> ConfidentShapes() => new() { { 2, 48 }, { 8, 48 }, { 32, 48 }, { 8, 1 }, { 16, 21 }, { 12, 21 } };

    [Theory]
    [MemberData(nameof(ConfidentShapes))]
    public void Confident_rows_keep_their_small_losses_exact(int classes, int rows)
    {
        // The label's logit 30 above the others: loss log(1 + (classes - 1) e^-30), about 1e-13, far below float's step at 1.
        float[] logits = new float[rows * classes];
        int[] labels = Enumerable.Range(0, rows).Select(row => row % classes).ToArray();
        for (int row = 0; row < rows; row++)
        {
            logits[(row * classes) + labels[row]] = 30f;
        }

        var rowLosses = new float[rows];
        Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, classes, new float[logits.Length], Reduction.None, rowLosses: rowLosses);

        double rest = (classes - 1) * Math.Exp(-30);
        double expected = rest - (rest * rest / 2); // log1p(rest): 1 + rest would drop rest's digits
        Assert.All(rowLosses, loss => Assert.Equal(expected, loss, expected * 1e-5));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(10)]
    [InlineData(100)]
    public void Logits_of_1e4_give_the_reference_losses(int classes)
    {
        const int rows = 65;
        var (logits, labels, _) = Batch(rows, classes, 1e4);
        var gradient = new float[logits.Length];
        var rowLosses = new float[rows];
        Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, classes, gradient, Reduction.Sum, rowLosses: rowLosses);
        for (int row = 0; row < rows; row++)
        {
            CheckRow(logits, Reference.OneHot(labels[row], classes), row, classes, gradient, rowLosses[row], ignored: false);
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(12)]
    [InlineData(100)]
    public void Threads_change_no_bit_of_short_rows(int classes)
    {
        var (logits, labels, targets) = Batch(40_003, classes, 5);

        (float Sparse, float Dense, float[] SparseGradient, float[] DenseGradient) Run()
        {
            var sparseGradient = new float[logits.Length];
            var denseGradient = new float[logits.Length];
            return (Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, classes, sparseGradient),
                Losses.SoftmaxCrossEntropyWithLogits(logits, targets, classes, denseGradient), sparseGradient, denseGradient);
        }

        (float Sparse, float Dense, float[] SparseGradient, float[] DenseGradient) single;
        using (Parallelism.Limit(1))
        {
            single = Run();
        }

        var many = Run();
        Assert.Equal(BitConverter.SingleToInt32Bits(single.Sparse), BitConverter.SingleToInt32Bits(many.Sparse));
        Assert.Equal(BitConverter.SingleToInt32Bits(single.Dense), BitConverter.SingleToInt32Bits(many.Dense));
        Assert.Equal(single.SparseGradient, many.SparseGradient);
        Assert.Equal(single.DenseGradient, many.DenseGradient);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(128)]
    public void Medium_rows_with_NaN_or_infinite_logits_keep_the_row_kernels_results(int classes)
    {
        // Blocks of 16 rows: one with a NaN in row 3, one with +inf in row 20, one with the label's logit -inf in row 40.
        const int rows = 48;
        var (logits, labels, _) = Batch(rows, classes, 6);
        logits[(3 * classes) + 7] = float.NaN;
        logits[(20 * classes) + labels[20]] = float.PositiveInfinity;
        logits[(40 * classes) + labels[40]] = float.NegativeInfinity;
        var gradient = new float[logits.Length];
        var rowLosses = new float[rows];
        Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, classes, gradient, Reduction.Sum, rowLosses: rowLosses);

        Assert.True(float.IsNaN(rowLosses[3]));
        Assert.All(gradient.AsSpan(3 * classes, classes).ToArray(), g => Assert.True(float.IsNaN(g)));
        Assert.Equal(0f, rowLosses[20]);
        Assert.All(gradient.AsSpan(20 * classes, classes).ToArray(), g => Assert.Equal(0f, g));
        Assert.Equal(float.PositiveInfinity, rowLosses[40]);
        foreach (int row in Enumerable.Range(0, rows).Where(row => row is not (3 or 20 or 40)))
        {
            CheckRow(logits, Reference.OneHot(labels[row], classes), row, classes, gradient, rowLosses[row], ignored: false);
        }
    }

    /// <summary>Checks one row's loss and gradient (sum reduction: p - t times the target mass); returns the reference loss.</summary>
    private static double CheckRow(float[] logits, double[] t, int row, int classes, float[] gradient, float rowLoss, bool ignored)
    {
        double[] z = Reference.Row(logits, row, classes);
        double loss = ignored ? 0 : Loss(z, t);
        Assert.Equal(loss, rowLoss, 4e-5 * Math.Max(1, loss));
        double[] p = Reference.Softmax(z);
        double mass = t.Sum();
        for (int c = 0; c < classes; c++)
        {
            Assert.Equal((p[c] * mass) - t[c], gradient[(row * classes) + c], 2e-6);
        }

        return loss;
    }

    /// <summary>sum_c t_c (lse - z_c) in float64, with lse = max + log sum e^(z - max): finite for logits of 1e4 too.</summary>
    private static double Loss(double[] z, double[] t)
    {
        double max = z.Max();
        double lse = max + Math.Log(z.Sum(v => Math.Exp(v - max)));
        return z.Select((v, c) => t[c] * (lse - v)).Sum();
    }

    /// <summary>Random logits of +-<paramref name="scale"/>, a label and a target distribution per row, from a seed of the class count.</summary>
    private static (float[] Logits, int[] Labels, float[] Targets) Batch(int rows, int classes, double scale)
    {
        var random = new Random(classes);
        float[] logits = Reference.RandomLogits(random, rows * classes, scale);
        int[] labels = Enumerable.Range(0, rows).Select(_ => random.Next(classes)).ToArray();
        return (logits, labels, Enumerable.Range(0, rows).SelectMany(_ => Distribution(random, classes)).ToArray());
    }

    private static float[] Distribution(Random random, int classes)
    {
        double[] weights = Enumerable.Range(0, classes).Select(_ => random.NextDouble()).ToArray();
        double total = weights.Sum();
        return weights.Select(w => (float)(w / total)).ToArray();
    }
}
