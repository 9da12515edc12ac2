using System;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using LossGuard.Internal.Simd;
using Xunit;

namespace LossGuard.Runtime.Tests;

/// <summary>
/// The per-row sums the AVX2 short rows read as columns (<see cref="EightRowColumns"/>) against the gathers they replace
/// and the float64 reference, and a long row's max pass (<see cref="RowKernels{TVec}.Max"/>) and a dense long row's
/// first pass (<see cref="RowKernels{TVec}.MaxAndTargetSums"/>) at both vector widths, with NaN and infinite values.
/// </summary>
public sealed class RowSumKernelTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    public unsafe void Eight_rows_read_as_columns_sum_to_the_bit_as_the_gathers(int classes)
    {
        if (!Avx2.IsSupported)
        {
            return;
        }

        // Three blocks of 8 rows, the last one partial (5 rows: gathered), values of very different sizes so that the
        // order of the additions shows in the bits.
        const int rows = 21;
        var random = new Random(classes);
        float[] values = Enumerable.Range(0, rows * classes).Select(_ => (float)(random.NextDouble() * Math.Pow(10, random.Next(-6, 6)))).ToArray();
        float[] weights = Reference.RandomLogits(random, rows * classes, 1);
        fixed (float* v = values)
        fixed (float* w = weights)
        {
            var source = new ReadOnlySpan<float>(v, values.Length);
            var weightSource = new ReadOnlySpan<float>(w, weights.Length);
            for (int first = 0; first < rows; first += 8)
            {
                int lanes = Math.Min(8, rows - first);
                var sums = Lanes(Float256.RowSums(source, first, classes, lanes));
                var products = Lanes(Float256.ProductAndWeightSums(source, weightSource, first, classes, lanes, out var weightSums));
                Assert.Equal(Lanes(GatheredRows<Float256>.Sum(source, first, classes, lanes)), sums);
                Assert.Equal(Lanes(GatheredRows<Float256>.ProductAndWeightSums(source, weightSource, first, classes, lanes, out var gatheredWeights)), products);
                Assert.Equal(Lanes(gatheredWeights), Lanes(weightSums));
                for (int lane = 0; lane < lanes; lane++)
                {
                    double[] row = Reference.Row(values, first + lane, classes);
                    double[] weightRow = Reference.Row(weights, first + lane, classes);
                    Assert.Equal(row.Sum(), sums[lane], 1e-6 * row.Sum());
                    Assert.Equal(row.Zip(weightRow, (x, y) => x * y).Sum(), products[lane], 1e-6 * row.Sum());
                    Assert.Equal(weightRow.Sum(), Lanes(weightSums)[lane], 1e-5 * classes);
                }
            }
        }
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    [InlineData(17, true)]
    [InlineData(33, false)]
    [InlineData(33, true)]
    [InlineData(1003, true)]
    [InlineData(4096 + 40, false)]
    [InlineData(8192 + 17, true)]
    public void A_dense_rows_first_pass_gives_its_max_and_sums_at_both_widths(int length, bool sumRow)
    {
        var random = new Random(length);
        float[] row = Reference.RandomLogits(random, length, 20);
        float[] targets = Enumerable.Range(0, length).Select(_ => random.NextSingle()).ToArray();
        double expectedTargets = targets.Sum(t => (double)t);
        double expectedProducts = row.Zip(targets, (z, t) => (double)z * t).Sum();
        double expectedRow = row.Sum(z => (double)z);
        double magnitude = row.Sum(z => Math.Abs((double)z));

        Check<Float256>();
        if (Vector512.IsHardwareAccelerated)
        {
            Check<Float512>();
        }

        void Check<TVec>()
            where TVec : struct, IFloatVector<TVec>
        {
            float max = RowKernels<TVec>.MaxAndTargetSums(row, targets, sumRow, out double targetSum, out double productSum, out double rowSum);
            Assert.Equal(row.Max(), max);
            Assert.Equal(expectedTargets, targetSum, 1e-6 * length);
            Assert.Equal(expectedProducts, productSum, 1e-6 * magnitude);
            Assert.Equal(sumRow ? expectedRow : 0, rowSum, 1e-6 * magnitude);
        }
    }

    [Fact]
    public void A_dense_rows_first_pass_takes_the_max_passs_maximum_with_infinite_and_NaN_logits()
    {
        float[] targets = Enumerable.Repeat(0.5f, 40).ToArray();
        foreach (int at in new[] { 0, 17, 39 })
        {
            foreach (float special in new[] { float.PositiveInfinity, float.NegativeInfinity, float.NaN })
            {
                float[] row = Enumerable.Range(0, 40).Select(i => (float)i).ToArray();
                row[at] = special;
                Assert.Equal(RowKernels<Float256>.Max(row), RowKernels<Float256>.MaxAndTargetSums(row, targets, true, out _, out _, out _));
            }
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(40)]
    [InlineData(1003)]
    public void The_max_pass_gives_the_vector_maximum_of_dotnet_with_NaN_and_infinite_values_at_both_widths(int length)
    {
        var random = new Random(length);
        Check<Float256>();
        if (Vector512.IsHardwareAccelerated)
        {
            Check<Float512>();
        }

        void Check<TVec>()
            where TVec : struct, IFloatVector<TVec>
        {
            float[] row = Reference.RandomLogits(random, length, 50);
            Assert.Equal(row.Max(), RowKernels<TVec>.Max(row));

            // In the first vector, in the middle, in the scalar tail; alone and together.
            foreach (int[] at in new[] { new[] { 0 }, new[] { length / 2 }, new[] { length - 1 }, new[] { 0, length - 1 } })
            {
                foreach (float first in new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity })
                {
                    foreach (float second in new[] { float.NaN, float.PositiveInfinity })
                    {
                        float[] special = (float[])row.Clone();
                        special[at[0]] = first;
                        special[at[^1]] = at.Length > 1 ? second : first;
                        float expected = special.Aggregate(float.NegativeInfinity, MathF.Max);
                        Assert.Equal(expected, RowKernels<TVec>.Max(special));
                        Assert.Equal(expected, RowKernels<TVec>.MaxAndTargetSums(special, row, false, out _, out _, out _));
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(300)]
    [InlineData(1003)]
    public void A_long_row_with_a_NaN_beside_an_infinity_gives_NaN(int classes)
    {
        float[] logits = Reference.RandomLogits(new Random(classes), 2 * classes);
        logits[5] = float.NaN;
        logits[classes - 1] = float.PositiveInfinity;
        logits[classes + 2] = float.NaN;
        logits[classes + 9] = float.PositiveInfinity;
        float[] targets = Enumerable.Range(0, 2 * classes).Select(i => i % classes == 3 ? 1f : 0f).ToArray();
        var sparseLosses = new float[2];
        var denseLosses = new float[2];
        var gradient = new float[logits.Length];
        Losses.SparseSoftmaxCrossEntropyWithLogits(logits, new[] { 3, 3 }, classes, gradient, Reduction.None, rowLosses: sparseLosses);
        Assert.All(sparseLosses, loss => Assert.True(float.IsNaN(loss)));
        Assert.All(gradient, g => Assert.True(float.IsNaN(g)));
        Losses.SoftmaxCrossEntropyWithLogits(logits, targets, classes, gradient, Reduction.None, rowLosses: denseLosses);
        Assert.All(denseLosses, loss => Assert.True(float.IsNaN(loss)));
        Assert.All(gradient, g => Assert.True(float.IsNaN(g)));
    }

    private static float[] Lanes(Float256 value)
    {
        var lanes = new float[Float256.Count];
        value.Store(lanes, 0);
        return lanes;
    }
}
