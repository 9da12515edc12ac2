using System;
using System.Linq;
using CsCheck;
using Xunit;

namespace LossGuard.Runtime.Tests;

/// <summary>Laws every input must obey, over random shapes and logits (CsCheck shrinks a failure to a small example).</summary>
public sealed class PropertyTests
{
    private static readonly Gen<(int Rows, int Classes, float[] Logits, int[] Labels)> Batches =
        from rows in Gen.Int[1, 12]
        from classes in Gen.Int[1, 70]
        from logits in Gen.Float[-60f, 60f].Array[rows * classes]
        from labels in Gen.Int[0, classes - 1].Array[rows]
        select (rows, classes, logits, labels);

    [Fact]
    public void Softmax_rows_sum_to_one() =>
        Batches.Sample(batch =>
        {
            float[] p = Activations.Softmax(batch.Logits, batch.Classes);
            for (int row = 0; row < batch.Rows; row++)
            {
                Assert.Equal(1.0, p.Skip(row * batch.Classes).Take(batch.Classes).Sum(v => (double)v), 1e-5);
            }
        });

    [Fact]
    public void Losses_are_not_negative_and_one_hot_gradient_rows_sum_to_zero() =>
        Batches.Sample(batch =>
        {
            var gradient = new float[batch.Logits.Length];
            var rows = new float[batch.Rows];
            Losses.SparseSoftmaxCrossEntropyWithLogits(batch.Logits, batch.Labels, batch.Classes, gradient, Reduction.None, labelSmoothing: 0.1f, rowLosses: rows);
            Assert.All(rows, loss => Assert.True(loss >= 0, $"row loss {loss}"));
            for (int row = 0; row < batch.Rows; row++)
            {
                Assert.Equal(0.0, gradient.Skip(row * batch.Classes).Take(batch.Classes).Sum(v => (double)v), 1e-5);
            }
        });

    [Fact]
    public void Adding_a_constant_to_a_row_changes_neither_loss_nor_gradient() =>
        Batches.Select(Gen.Float[-1000f, 1000f]).Sample((batch, shift) =>
        {
            float[] shifted = batch.Logits.Select(v => v + shift).ToArray();
            var gradient = new float[batch.Logits.Length];
            var shiftedGradient = new float[batch.Logits.Length];
            float loss = Losses.SparseSoftmaxCrossEntropyWithLogits(batch.Logits, batch.Labels, batch.Classes, gradient);
            float shiftedLoss = Losses.SparseSoftmaxCrossEntropyWithLogits(shifted, batch.Labels, batch.Classes, shiftedGradient);

            // float rounding of x + shift moves each logit by up to |shift| * 2^-24: the tolerance follows.
            double slack = 1e-4 + (Math.Abs(shift) * 2e-7 * 4);
            Assert.Equal(loss, shiftedLoss, slack * Math.Max(1, Math.Abs(loss)));
            for (int i = 0; i < gradient.Length; i++)
            {
                Assert.Equal(gradient[i], shiftedGradient[i], slack);
            }
        });

    [Fact]
    public void Sigmoid_loss_is_not_negative_and_its_gradient_is_bounded() =>
        Gen.Float[-100f, 100f].Array[1, 200].Select(Gen.Float[0f, 1f]).Sample((logits, target) =>
        {
            float[] targets = Enumerable.Repeat(target, logits.Length).ToArray();
            var gradient = new float[logits.Length];
            float loss = Losses.SigmoidCrossEntropyWithLogits(logits, targets, gradient, Reduction.Sum);
            Assert.True(loss >= -1e-4f * logits.Length, $"loss {loss}");
            Assert.All(gradient, g => Assert.InRange(g, -1f, 1f));
        });
}
