using System;
using System.Linq;
using Xunit;

namespace LossGuard.Runtime.Tests;

public sealed class OtherLossTests
{
    [Fact]
    public void Sigmoid_loss_and_gradient_match_the_reference_including_the_positive_weight()
    {
        float[] logits = { -3f, -0.5f, 0f, 0.7f, 4f };
        float[] targets = { 0f, 1f, 0.5f, 1f, 0f };
        float[] gradient = new float[logits.Length];

        float loss = Losses.SigmoidCrossEntropyWithLogits(logits, targets, gradient, positiveWeight: 2f);

        double expected = logits.Zip(targets, (x, t) => Reference.SigmoidLoss(x, t, 2.0)).Average();
        Assert.Equal(expected, loss, 5);
        for (int i = 0; i < logits.Length; i++)
        {
            double p = 1 / (1 + Math.Exp(-logits[i]));
            double analytic = (-(2.0 * targets[i]) * (1 - p) + (1 - targets[i]) * p) / logits.Length;
            Assert.Equal(analytic, gradient[i], 5);
        }
    }

    [Fact]
    public void Sigmoid_loss_of_huge_logits_is_finite_and_exact()
    {
        float loss = Losses.SigmoidCrossEntropyWithLogits(new[] { 1e30f, -1e30f }, new[] { 0f, 0f }, reduction: Reduction.Sum);

        Assert.Equal(1e30f, loss);
    }

    [Fact]
    public void Probability_space_losses_clip_like_Keras()
    {
        float bce = Losses.BinaryCrossEntropy(new[] { 0f, 1f }, new[] { 1f, 1f }, Reduction.Sum);
        float sparse = Losses.SparseCategoricalCrossEntropy(new[] { 0f, 1f }, new[] { 0 }, 2);

        Assert.Equal(-Math.Log(1e-7), bce, 3);
        Assert.Equal(-Math.Log(1e-7), sparse, 3);
    }

    [Fact]
    public void Categorical_loss_of_the_softmax_equals_the_fused_loss_for_moderate_logits()
    {
        var random = new Random(8);
        float[] logits = Reference.RandomLogits(random, 12);
        float[] labels = Labels.OneHot(new[] { 0, 2, 3 }, 4);

        float fused = Losses.SoftmaxCrossEntropyWithLogits(logits, labels, 4);
        float composed = Losses.CategoricalCrossEntropy(Activations.Softmax(logits, 4), labels, 4);

        Assert.Equal(fused, composed, 4);
    }

    [Fact]
    public void Negative_log_likelihood_of_the_log_softmax_equals_the_sparse_fused_loss()
    {
        var random = new Random(9);
        float[] logits = Reference.RandomLogits(random, 12);
        int[] labels = { 1, 0, 3 };

        Assert.Equal(
            Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, 4),
            Losses.NegativeLogLikelihood(Activations.LogSoftmax(logits, 4), labels, 4),
            5);
    }
}
