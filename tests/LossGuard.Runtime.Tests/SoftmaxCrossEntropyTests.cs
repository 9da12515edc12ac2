using System;
using System.Linq;
using Xunit;

namespace LossGuard.Runtime.Tests;

public sealed class SoftmaxCrossEntropyTests
{
    private const int Rows = 7;
    private const int Classes = 5;

    [Fact]
    public void Sparse_loss_matches_the_float64_reference()
    {
        var random = new Random(1);
        float[] logits = Reference.RandomLogits(random, Rows * Classes);
        int[] labels = Enumerable.Range(0, Rows).Select(_ => random.Next(Classes)).ToArray();

        float loss = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, Classes);

        double expected = Enumerable.Range(0, Rows)
            .Average(r => Reference.DenseRowLoss(Reference.Row(logits, r, Classes), Reference.OneHot(labels[r], Classes)));
        Assert.Equal(expected, loss, 5);
    }

    [Fact]
    public void Gradient_matches_central_finite_differences_of_the_double_loss()
    {
        var random = new Random(2);
        double[] logits = Reference.RandomLogits(random, Rows * Classes).Select(v => (double)v).ToArray();
        double[] labels = Enumerable.Range(0, Rows * Classes).Select(_ => random.NextDouble()).ToArray();
        double[] weights = { 0.5, 1, 2, 1, 0.25 };
        double[] gradient = new double[logits.Length];

        Losses.SoftmaxCrossEntropyWithLogits(logits, labels, Classes, gradient, classWeights: weights, labelSmoothing: 0.1);

        Reference.AssertGradient(
            z => Losses.SoftmaxCrossEntropyWithLogits(z, labels, Classes, classWeights: weights, labelSmoothing: 0.1),
            logits,
            gradient);
    }

    [Fact]
    public void Sparse_gradient_matches_finite_differences_with_weights_smoothing_and_an_ignored_row()
    {
        var random = new Random(3);
        double[] logits = Reference.RandomLogits(random, Rows * Classes).Select(v => (double)v).ToArray();
        int[] labels = { 0, 4, -100, 2, 1, 3, 3 };
        double[] weights = { 1, 2, 3, 0.5, 1 };
        double[] gradient = new double[logits.Length];
        double Loss(double[] z, double[]? g) =>
            Losses.SparseSoftmaxCrossEntropyWithLogits(z, labels, Classes, g ?? Span<double>.Empty, classWeights: weights, labelSmoothing: 0.2);

        Loss(logits, gradient);

        Reference.AssertGradient(z => Loss(z, null), logits, gradient);

        Assert.All(gradient.Skip(2 * Classes).Take(Classes), g => Assert.Equal(0.0, g));
    }

    [Fact]
    public void Weighted_mean_divides_by_the_weights_of_the_non_ignored_rows_like_PyTorch()
    {
        float[] logits = { 1, 2, 3, 3, 2, 1, 0, 0, 0 };
        int[] labels = { 2, -100, 0 };
        float[] weights = { 4, 1, 2 };

        float loss = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, 3, classWeights: weights);

        double row0 = 2 * Reference.DenseRowLoss(new double[] { 1, 2, 3 }, Reference.OneHot(2, 3));
        double row2 = 4 * Reference.DenseRowLoss(new double[] { 0, 0, 0 }, Reference.OneHot(0, 3));
        Assert.Equal((row0 + row2) / (2 + 4), loss, 5);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(10, 3)]
    [InlineData(10, -100)]
    [InlineData(100, 0)]
    public void The_mean_counts_the_rows_not_ignored_whether_the_ignore_index_is_a_class_or_not(int classes, int ignoreIndex)
    {
        const int rows = 600;
        var random = new Random(classes);
        float[] logits = Reference.RandomLogits(random, rows * classes);
        int[] labels = Enumerable.Range(0, rows).Select(row => row % 7 == 0 ? ignoreIndex : random.Next(classes)).ToArray();
        bool[] ignored = labels.Select(label => label == ignoreIndex).ToArray();
        var gradient = new float[logits.Length];

        float loss = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, classes, gradient, ignoreIndex: ignoreIndex);

        double expected = Enumerable.Range(0, rows).Where(row => !ignored[row])
            .Average(row => Reference.DenseRowLoss(Reference.Row(logits, row, classes), Reference.OneHot(labels[row], classes)));
        Assert.Equal(expected, loss, 1e-5);
        Assert.All(Enumerable.Range(0, rows).Where(row => ignored[row]), row => Assert.All(gradient.AsSpan(row * classes, classes).ToArray(), g => Assert.Equal(0f, g)));
    }

    [Fact]
    public void Sparse_with_label_smoothing_equals_dense_with_the_smoothed_one_hot_targets()
    {
        var random = new Random(4);
        float[] logits = Reference.RandomLogits(random, Rows * Classes);
        int[] labels = Enumerable.Range(0, Rows).Select(_ => random.Next(Classes)).ToArray();

        float sparse = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, Classes, labelSmoothing: 0.3f);
        float dense = Losses.SoftmaxCrossEntropyWithLogits(logits, Labels.OneHot(labels, Classes), Classes, labelSmoothing: 0.3f);

        Assert.Equal(dense, sparse, 5);
    }

    [Fact]
    public void Gradient_may_overwrite_the_logits_and_rows_of_a_one_hot_gradient_sum_to_zero()
    {
        var random = new Random(5);
        float[] logits = Reference.RandomLogits(random, Rows * Classes);
        int[] labels = Enumerable.Range(0, Rows).Select(_ => random.Next(Classes)).ToArray();
        float[] separate = new float[logits.Length];
        float lossSeparate = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, Classes, separate);

        float lossInPlace = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, Classes, gradient: logits);

        Assert.Equal(lossSeparate, lossInPlace);
        Assert.Equal(separate, logits);
        for (int r = 0; r < Rows; r++)
        {
            Assert.Equal(0.0, separate.Skip(r * Classes).Take(Classes).Sum(v => (double)v), 6);
        }
    }

    [Fact]
    public void Reductions_relate_as_sum_mean_and_per_row_losses()
    {
        var random = new Random(6);
        float[] logits = Reference.RandomLogits(random, Rows * Classes);
        int[] labels = Enumerable.Range(0, Rows).Select(_ => random.Next(Classes)).ToArray();
        float[] rowLosses = new float[Rows];

        float mean = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, Classes);
        float sum = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, Classes, reduction: Reduction.Sum);
        float total = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, Classes, reduction: Reduction.None, rowLosses: rowLosses);

        Assert.Equal(sum / Rows, mean, 5);
        Assert.Equal(sum, total, 5);
        Assert.Equal(sum, rowLosses.Sum(), 4);
        Assert.All(rowLosses, l => Assert.True(l >= 0));
    }

    [Theory]
    [InlineData(1e30f)]
    [InlineData(-1e30f)]
    [InlineData(100f)]
    public void Huge_logits_give_finite_exact_losses(float scale)
    {
        float[] logits = { scale, 0, -scale / 2 };
        float[] gradient = new float[3];

        float loss = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, new[] { 1 }, 3, gradient);

        double expected = Math.Max(Math.Max(scale, 0), -scale / 2.0);
        Assert.True(float.IsFinite(loss));
        Assert.Equal(expected, loss, 3);
        Assert.All(gradient, g => Assert.True(float.IsFinite(g)));
    }

    [Fact]
    public void Shifting_every_logit_of_a_row_changes_nothing()
    {
        var random = new Random(7);
        float[] logits = Reference.RandomLogits(random, Classes);
        float[] shifted = logits.Select(v => v + 50f).ToArray();

        Assert.Equal(
            Losses.SparseSoftmaxCrossEntropyWithLogits(logits, new[] { 3 }, Classes),
            Losses.SparseSoftmaxCrossEntropyWithLogits(shifted, new[] { 3 }, Classes),
            4);
    }

    [Fact]
    public void NaN_logits_propagate()
    {
        float loss = Losses.SparseSoftmaxCrossEntropyWithLogits(new[] { 1f, float.NaN }, new[] { 0 }, 2);

        Assert.True(float.IsNaN(loss));
    }
}
