using System;
using System.Linq;
using System.Runtime.Intrinsics;
using LossGuard.Internal.Simd;
using Xunit;

namespace LossGuard.Runtime.Tests;

/// <summary>
/// The two-class closed form at both vector widths (forced through <see cref="ShortRows{TVec}"/>: AVX2's 8-row blocks
/// and AVX-512's 16-row blocks, the gradient written over the logits) and the medium rows' folded maxima, against the
/// float64 reference.
/// </summary>
public sealed class NarrowAndFoldedKernelTests
{
    /// <summary>One AVX2 block; blocks and a tail, with and without smoothing; a whole group.</summary>
    public static TheoryData<int, double> Groups() => new() { { 8, 0.0 }, { 67, 0.0 }, { 67, 0.2 }, { 256, 0.1 } };

    [Theory]
    [MemberData(nameof(Groups))]
    public void Two_class_rows_in_closed_form_at_both_widths_with_the_gradient_over_the_logits(int rows, double labelSmoothing)
    {
        var random = new Random(rows);
        float[] logits = Reference.RandomLogits(random, 2 * rows, 9);
        int[] labels = Enumerable.Range(0, rows).Select(_ => random.Next(2)).ToArray();
        float[] targets = Enumerable.Range(0, rows).SelectMany(_ => Pair(random.NextSingle())).ToArray();

        Check<Float256>();
        if (Vector512.IsHardwareAccelerated)
        {
            Check<Float512>();
        }

        void Check<TVec>()
            where TVec : struct, IFloatVector<TVec>
        {
            foreach (bool sparse in new[] { true, false })
            {
                float[] gradient = (float[])logits.Clone();
                var rowLosses = new float[rows];
                double total = Group<TVec>(gradient, sparse ? labels : null, sparse ? null : targets, rowLosses, labelSmoothing);
                double expectedTotal = 0;
                for (int row = 0; row < rows; row++)
                {
                    double[] z = Reference.Row(logits, row, 2);
                    double[] t = sparse ? Reference.OneHot(labels[row], 2) : Reference.Row(targets, row, 2);
                    double[] smoothed = t.Select(v => ((1 - labelSmoothing) * v) + (labelSmoothing / 2)).ToArray();
                    double expected = Reference.DenseRowLoss(z, smoothed);
                    expectedTotal += expected;
                    Assert.Equal(expected, rowLosses[row], 4e-5 * Math.Max(1, expected));
                    double[] p = Reference.Softmax(z);
                    for (int c = 0; c < 2; c++)
                    {
                        Assert.Equal((p[c] * smoothed.Sum()) - smoothed[c], gradient[(2 * row) + c], 2e-6);
                    }
                }

                Assert.Equal(expectedTotal, total, 1e-4 * Math.Max(1, expectedTotal));
            }
        }
    }

    [Fact]
    public unsafe void Folded_maxima_are_each_vectors_largest_lane()
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            return;
        }

        var random = new Random(16);
        float[] vectors = Reference.RandomLogits(random, 256, 1e6);
        vectors[(3 * 16) + 15] = 1e30f;
        vectors[(9 * 16) + 0] = -0.0f;
        float[] actual = new float[16];
        fixed (float* v = vectors)
        {
            FoldedMaxima.Of16(v).CopyTo(actual);
        }

        for (int r = 0; r < 16; r++)
        {
            Assert.Equal(vectors.AsSpan(16 * r, 16).ToArray().Max(), actual[r]);
        }
    }

    private static float[] Pair(float first) => new[] { first, 1 - first };

    /// <summary>One group of two-class rows on pinned buffers, the gradient written over <paramref name="logits"/>.</summary>
    private static unsafe double Group<TVec>(float[] logits, int[]? labels, float[]? targets, float[] rowLosses, double labelSmoothing)
        where TVec : struct, IFloatVector<TVec>
    {
        fixed (float* z = logits)
        fixed (int* y = labels)
        fixed (float* t = targets)
        {
            var kernel = new SoftmaxCrossEntropyRows<TVec>(2, labelSmoothing, 1);
            var all = new Span<float>(z, logits.Length);
            return ShortRows<TVec>.Group(
                all,
                labels is null ? default : new ReadOnlySpan<int>(y, labels.Length),
                targets is null ? default : new ReadOnlySpan<float>(t, targets.Length),
                2,
                all,
                writeGradient: true,
                rowLosses,
                kernel,
                labelSmoothing,
                1,
                Losses.DefaultIgnoreIndex);
        }
    }
}
