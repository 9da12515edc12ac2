using System;
using System.Linq;
using LossGuard.Internal.Simd;
using Xunit;

namespace LossGuard.Runtime.Tests;

/// <summary>The float kernels (vector widths, short-row groups, long rows, threads) against the float64 reference.</summary>
public sealed class FloatKernelTests
{
    [Theory]
    [InlineData(300, 1)]
    [InlineData(300, 2)]
    [InlineData(300, 7)]
    [InlineData(300, 8)]
    [InlineData(257, 32)]
    [InlineData(100, 33)]
    [InlineData(20, 100)]
    [InlineData(5, 1003)]
    [InlineData(1, 70001)]
    public void Sparse_and_dense_losses_and_gradients_match_the_reference_for_every_row_length(int rows, int classes)
    {
        var random = new Random(rows * classes);
        float[] logits = Reference.RandomLogits(random, rows * classes, 6);
        int[] labels = Enumerable.Range(0, rows).Select(_ => random.Next(classes)).ToArray();
        float[] targets = Enumerable.Range(0, rows).SelectMany(row => Reference.OneHot(labels[row], classes).Select(v => (float)(0.9 * v + 0.1 / classes))).ToArray();
        var sparseGradient = new float[logits.Length];
        var denseGradient = new float[logits.Length];
        var rowLosses = new float[rows];

        float sparse = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, classes, sparseGradient, Reduction.Sum, labelSmoothing: 0.1f, rowLosses: rowLosses);
        float dense = Losses.SoftmaxCrossEntropyWithLogits(logits, targets, classes, denseGradient, Reduction.Sum);

        double expected = 0;
        for (int row = 0; row < rows; row++)
        {
            double[] z = Reference.Row(logits, row, classes);
            double[] t = Reference.Row(targets, row, classes);
            double rowLoss = Reference.DenseRowLoss(z, t);
            expected += rowLoss;
            Assert.Equal(rowLoss, rowLosses[row], 4e-5 * Math.Max(1, rowLoss));
            double[] p = Reference.Softmax(z);
            for (int c = 0; c < classes; c++)
            {
                Assert.Equal(p[c] - t[c], sparseGradient[(row * classes) + c], 2e-6);
                Assert.Equal(p[c] - t[c], denseGradient[(row * classes) + c], 2e-6);
            }
        }

        Assert.Equal(expected, sparse, 2e-5 * Math.Max(1, expected));
        Assert.Equal(expected, dense, 2e-5 * Math.Max(1, expected));
    }

    [Fact]
    public void Threads_change_no_bit_of_the_loss_or_the_gradient()
    {
        const int rows = 4096;
        const int classes = 300;
        var random = new Random(3);
        float[] logits = Reference.RandomLogits(random, rows * classes, 5);
        int[] labels = Enumerable.Range(0, rows).Select(_ => random.Next(classes)).ToArray();
        float[] targets = Reference.RandomLogits(random, rows * classes, 1).Select(Math.Abs).ToArray();

        (float Sparse, float Dense, float Sigmoid, float[] Gradient) Run()
        {
            var gradient = new float[logits.Length];
            float sparse = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, classes, gradient);
            float dense = Losses.SoftmaxCrossEntropyWithLogits(logits, targets, classes);
            float sigmoid = Losses.SigmoidCrossEntropyWithLogits(logits, targets);
            return (sparse, dense, sigmoid, gradient);
        }

        (float Sparse, float Dense, float Sigmoid, float[] Gradient) single;
        using (Parallelism.Limit(1))
        {
            single = Run();
        }

        for (int attempt = 0; attempt < 5; attempt++)
        {
            var threaded = Run();
            Assert.Equal(BitConverter.SingleToInt32Bits(single.Sparse), BitConverter.SingleToInt32Bits(threaded.Sparse));
            Assert.Equal(BitConverter.SingleToInt32Bits(single.Dense), BitConverter.SingleToInt32Bits(threaded.Dense));
            Assert.Equal(BitConverter.SingleToInt32Bits(single.Sigmoid), BitConverter.SingleToInt32Bits(threaded.Sigmoid));
            Assert.True(single.Gradient.AsSpan().SequenceEqual(threaded.Gradient));
        }
    }

    [Fact]
    public void A_mean_over_four_million_rows_is_as_accurate_as_one_row()
    {
        const int rows = 4 * 1024 * 1024;
        float[] logits = new float[rows * 2];
        for (int row = 0; row < rows; row++)
        {
            logits[2 * row] = 0.3f;
            logits[(2 * row) + 1] = -1.7f;
        }

        float mean = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, new int[rows], 2);

        double expected = Reference.DenseRowLoss(new[] { 0.3, -1.7 }, new[] { 1.0, 0.0 });
        Assert.Equal(expected, mean, 1e-6);
    }

    [Fact]
    public void Logits_of_1e30_and_256k_classes_give_exact_finite_results()
    {
        float[] extreme = { 1e30f, -1e30f, 0f };
        var gradient = new float[3];
        float loss = Losses.SparseSoftmaxCrossEntropyWithLogits(extreme, new[] { 1 }, 3, gradient);
        Assert.Equal(2e30f, loss, 1e24f);
        Assert.Equal(new[] { 1f, -1f, 0f }, gradient);

        const int classes = 262144;
        float[] row = new float[classes];
        row[12345] = 20f;
        var rowGradient = new float[classes];
        float rowLoss = Losses.SparseSoftmaxCrossEntropyWithLogits(row, new[] { 12345 }, classes, rowGradient);
        double lse = Math.Log(Math.Exp(20) + (classes - 1));
        Assert.Equal(lse - 20, rowLoss, 1e-5);
        Assert.Equal(Math.Exp(20 - lse) - 1, rowGradient[12345], 1e-6);
        Assert.Equal(Math.Exp(-lse), rowGradient[0], 1e-9);
    }

    [Fact]
    public void Infinite_logits_give_the_limits()
    {
        float inf = float.PositiveInfinity;
        var gradient = new float[3];

        Assert.Equal(MathF.Log(2), Losses.SparseSoftmaxCrossEntropyWithLogits(new[] { inf, 0f, inf }, new[] { 0 }, 3, gradient, Reduction.Sum), 6);
        Assert.Equal(new[] { -0.5f, 0f, 0.5f }, gradient);
        Assert.Equal(inf, Losses.SparseSoftmaxCrossEntropyWithLogits(new[] { inf, 0f, inf }, new[] { 1 }, 3, gradient, Reduction.Sum));
        Assert.Equal(new[] { 0.5f, -1f, 0.5f }, gradient);
        Assert.Equal(MathF.Log(3), Losses.SparseSoftmaxCrossEntropyWithLogits(new[] { -inf, -inf, -inf }, new[] { 2 }, 3, gradient), 6);
        Assert.Equal(inf, Losses.SparseSoftmaxCrossEntropyWithLogits(new[] { -inf, 1f, 2f }, new[] { 0 }, 3));

        var sigmoidGradient = new float[4];
        float[] losses = new float[4];
        Losses.SigmoidCrossEntropyWithLogits(new[] { inf, inf, -inf, -inf }, new[] { 1f, 0f, 0f, 1f }, sigmoidGradient, Reduction.None, rowLosses: losses);
        Assert.Equal(new[] { 0f, inf, 0f, inf }, losses);
        Assert.Equal(new[] { 0f, 1f, 0f, -1f }, sigmoidGradient);
    }

    [Fact]
    public void Double_overloads_weighted_losses_and_softmax_take_the_same_limits()
    {
        double inf = double.PositiveInfinity;
        var gradient = new double[3];
        Assert.Equal(Math.Log(2), Losses.SparseSoftmaxCrossEntropyWithLogits(new[] { inf, 0, inf }, new[] { 0 }, 3, gradient, Reduction.Sum), 12);
        Assert.Equal(new[] { -0.5, 0, 0.5 }, gradient);
        Assert.Equal(Math.Log(3), Losses.SoftmaxCrossEntropyWithLogits(new[] { -inf, -inf, -inf }, new[] { 0.0, 0, 1 }, 3), 12);

        var weightedGradient = new float[3];
        float weighted = Losses.SparseSoftmaxCrossEntropyWithLogits(
            new[] { float.PositiveInfinity, 0f, float.PositiveInfinity }, new[] { 2 }, 3, weightedGradient, Reduction.Sum, new[] { 1f, 1f, 2f });
        Assert.Equal(2 * MathF.Log(2), weighted, 5);
        Assert.Equal(new[] { 1f, 0f, -1f }, weightedGradient);

        Assert.Equal(new[] { 0.5f, 0f, 0.5f }, Activations.Softmax(new[] { float.PositiveInfinity, 1f, float.PositiveInfinity }, 3));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(13)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(32)]
    public void Short_row_groups_agree_with_the_reference_at_both_vector_widths(int classes)
    {
        const int rows = 41;
        var random = new Random(classes);
        float[] logits = Reference.RandomLogits(random, rows * classes, 6);
        int[] labels = Enumerable.Range(0, rows).Select(_ => random.Next(classes)).ToArray();
        float[] targets = Enumerable.Range(0, rows).SelectMany(row => Reference.OneHot(labels[row], classes).Select(v => (float)(0.9 * v + 0.1 / classes))).ToArray();
        double[] expected = Enumerable.Range(0, rows).Select(row => Reference.DenseRowLoss(Reference.Row(logits, row, classes), Reference.Row(targets, row, classes))).ToArray();

        Check<Float256>();
        if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            Check<Float512>();
        }

        void Check<TVec>()
            where TVec : struct, IFloatVector<TVec>
        {
            foreach (bool sparse in new[] { true, false })
            {
                var gradient = new float[logits.Length];
                var rowLosses = new float[rows];
                double total = Group<TVec>(logits, sparse ? labels : null, sparse ? null : targets, classes, gradient, rowLosses, sparse ? 0.1 : 0);
                Assert.Equal(expected.Sum(), total, 1e-4);
                for (int row = 0; row < rows; row++)
                {
                    Assert.Equal(expected[row], rowLosses[row], 4e-5 * Math.Max(1, expected[row]));
                    double[] p = Reference.Softmax(Reference.Row(logits, row, classes));
                    for (int c = 0; c < classes; c++)
                    {
                        Assert.Equal(p[c] - targets[(row * classes) + c], gradient[(row * classes) + c], 2e-6);
                    }
                }
            }
        }
    }

    /// <summary>One short-row group on pinned buffers (the kernels gather from them), summed, with the gradient.</summary>
    private static unsafe double Group<TVec>(float[] logits, int[]? labels, float[]? targets, int classes, float[] gradient, float[] rowLosses, double labelSmoothing)
        where TVec : struct, IFloatVector<TVec>
    {
        fixed (float* z = logits)
        fixed (int* y = labels)
        fixed (float* t = targets)
        fixed (float* g = gradient)
        {
            var kernel = new SoftmaxCrossEntropyRows<TVec>(classes, labelSmoothing, 1);
            return ShortRows<TVec>.Group(
                new ReadOnlySpan<float>(z, logits.Length),
                labels is null ? default : new ReadOnlySpan<int>(y, labels.Length),
                targets is null ? default : new ReadOnlySpan<float>(t, targets.Length),
                classes,
                new Span<float>(g, gradient.Length),
                writeGradient: true,
                rowLosses,
                kernel,
                labelSmoothing,
                1,
                Losses.DefaultIgnoreIndex);
        }
    }

    [Theory]
    [InlineData(256)]
    [InlineData(512)]
    public void Both_vector_widths_agree_with_the_reference(int bits)
    {
        float[] logits = Reference.RandomLogits(new Random(bits), 50 * 77, 8);
        int[] labels = Enumerable.Range(0, 50).Select(row => row % 77).ToArray();
        double expected = Enumerable.Range(0, 50).Sum(row => Reference.DenseRowLoss(Reference.Row(logits, row, 77), Reference.OneHot(labels[row], 77))) / 50;

        double actual = bits == 256
            ? Run<Float256>(logits, labels)
            : System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? Run<Float512>(logits, labels) : expected;

        Assert.Equal(expected, actual, 1e-5);

        static double Run<TVec>(float[] logits, int[] labels)
            where TVec : struct, IFloatVector<TVec>
        {
            var kernel = new SoftmaxCrossEntropyRows<TVec>(77, 0, 1);
            double sum = 0;
            for (int row = 0; row < labels.Length; row++)
            {
                sum += kernel.Sparse(logits.AsSpan(row * 77, 77), labels[row], default);
            }

            return sum / labels.Length;
        }
    }
}
