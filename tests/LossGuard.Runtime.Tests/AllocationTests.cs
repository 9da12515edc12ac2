using System;
using Xunit;

namespace LossGuard.Runtime.Tests;

public sealed class AllocationTests
{
    [Fact]
    public void Span_overloads_allocate_nothing_for_short_and_long_rows()
    {
        float[] logits = Reference.RandomLogits(new Random(10), 64);
        int[] labels = { 0, 1, 2, 3, 4, 5, 6, 7 };
        float[] targets = new float[64];
        float[] gradient = new float[64];
        float[] rows = new float[8];
        float[] destination = new float[64];

        void Run()
        {
            Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, 8, gradient, Reduction.None, rowLosses: rows);
            Losses.SoftmaxCrossEntropyWithLogits(logits, targets, 8, gradient, labelSmoothing: 0.1f);
            Losses.SigmoidCrossEntropyWithLogits(logits, targets, gradient);
            Losses.SparseCategoricalCrossEntropy(logits, labels, 8);
            Losses.NegativeLogLikelihood(logits, labels, 8);
            Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels.AsSpan(0, 1), 64, gradient, labelSmoothing: 0.2f);
            Losses.SoftmaxCrossEntropyWithLogits(logits, targets, 64, gradient);
            Losses.AdditiveAngularMarginCrossEntropy(logits, labels, 8, gradient);
            Activations.Softmax(logits, destination, 8);
            Activations.LogSigmoid(logits, destination);
        }

        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
