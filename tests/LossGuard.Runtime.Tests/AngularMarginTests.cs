using System;
using System.Linq;
using Xunit;

namespace LossGuard.Runtime.Tests;

/// <summary>ArcFace: the loss against the paper's definition, its gradient against finite differences, its branches and bad input.</summary>
public sealed class AngularMarginTests
{
    private const double Margin = 0.5;
    private const double Scale = 30;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Loss_matches_the_definition_on_each_branch(bool easyMargin)
    {
        // Targets at theta = 0.3 (margin applies), theta = 2.0 (past pi/2: easy margin stops) and theta = 2.9 (past pi - m).
        double[] cosines = { Math.Cos(0.3), 0.2, -0.1, 0.4, Math.Cos(2.0), 0.1, 0.3, -0.2, Math.Cos(2.9) };
        int[] labels = { 0, 1, 2 };
        var rows = new double[3];

        double sum = Losses.AdditiveAngularMarginCrossEntropy(cosines, labels, 3, default, Reduction.None, Margin, Scale, easyMargin, rowLosses: rows);

        for (int row = 0; row < 3; row++)
        {
            double[] z = cosines.Skip(row * 3).Take(3).Select(c => Scale * c).ToArray();
            double theta = Math.Acos(cosines[(row * 3) + labels[row]]);
            double target = easyMargin
                ? (Math.Cos(theta) > 0 ? Math.Cos(theta + Margin) : Math.Cos(theta))
                : (theta + Margin < Math.PI ? Math.Cos(theta + Margin) : Math.Cos(theta) - (Math.Sin(Math.PI - Margin) * Margin));
            z[labels[row]] = Scale * target;
            Assert.Equal(Reference.DenseRowLoss(z, Reference.OneHot(labels[row], 3)), rows[row], 9);
        }

        Assert.Equal(rows.Sum(), sum, 9);
    }

    [Fact]
    public void Gradient_matches_finite_differences_and_float_matches_double()
    {
        var random = new Random(4);
        double[] cosines = Enumerable.Range(0, 4 * 6).Select(_ => (random.NextDouble() * 1.6) - 0.8).ToArray();
        int[] labels = { 1, 5, 0, 3 };
        var gradient = new double[cosines.Length];
        Losses.AdditiveAngularMarginCrossEntropy(cosines, labels, 6, gradient, margin: Margin, scale: Scale);

        Reference.AssertGradient(c => Losses.AdditiveAngularMarginCrossEntropy(c, labels, 6, margin: Margin, scale: Scale), cosines, gradient);

        float[] floats = cosines.Select(c => (float)c).ToArray();
        var floatGradient = new float[floats.Length];
        float floatLoss = Losses.AdditiveAngularMarginCrossEntropy(floats, labels, 6, floatGradient, margin: (float)Margin, scale: (float)Scale);
        Assert.Equal(Losses.AdditiveAngularMarginCrossEntropy(cosines, labels, 6, margin: Margin, scale: Scale), floatLoss, 4);
        for (int i = 0; i < gradient.Length; i++)
        {
            Assert.Equal(gradient[i], floatGradient[i], 4);
        }
    }

    [Fact]
    public void A_zero_margin_is_the_scaled_softmax_cross_entropy_and_ignored_rows_count_for_nothing()
    {
        float[] cosines = { 0.9f, 0.1f, -0.3f, 0.2f, 0.5f, 0.7f };
        var gradient = new float[6];
        float arc = Losses.AdditiveAngularMarginCrossEntropy(cosines, new[] { 0, Losses.DefaultIgnoreIndex }, 3, gradient, margin: 0, scale: 10);
        float plain = Losses.SparseSoftmaxCrossEntropyWithLogits(cosines.Take(3).Select(c => c * 10).ToArray(), new[] { 0 }, 3);

        Assert.Equal(plain, arc, 5);
        Assert.Equal(new float[3], gradient.Skip(3));
    }

    [Fact]
    public void Cosines_of_exactly_one_keep_a_finite_gradient()
    {
        var gradient = new float[2];
        float loss = Losses.AdditiveAngularMarginCrossEntropy(new[] { 1f, 0f }, new[] { 0 }, 2, gradient);
        Assert.True(float.IsFinite(loss));
        Assert.All(gradient, g => Assert.True(float.IsFinite(g)));
    }

    [Fact]
    public void Bad_margin_scale_and_labels_are_named()
    {
        float[] cosines = { 0.1f, 0.2f };
        Assert.Equal("margin", Assert.Throws<ArgumentOutOfRangeException>(() => Losses.AdditiveAngularMarginCrossEntropy(cosines, new[] { 0 }, 2, margin: 2f)).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => Losses.AdditiveAngularMarginCrossEntropy(cosines, new[] { 0 }, 2, scale: 0f)).ParamName);
        var labels = Assert.Throws<ArgumentOutOfRangeException>(() => Losses.AdditiveAngularMarginCrossEntropy(cosines, new[] { 2 }, 2));
        Assert.Equal("labels", labels.ParamName);
        Assert.Contains("labels[0] = 2", labels.Message, StringComparison.Ordinal);
    }
}
