using System;

namespace LossGuard.Runtime.Benchmarks;

/// <summary>What is measured, with the bytes an ideal kernel moves per logit (for the bandwidth share).</summary>
public sealed record Measure(string Name, int BytesPerLogit, Func<Shape, float> LossGuard)
{
    public static Measure[] All { get; } =
    {
        new("sparse CE forward", 4, s => Losses.SparseSoftmaxCrossEntropyWithLogits(s.Logits, s.Labels, s.Classes)),
        new("sparse CE forward+gradient", 8, s => Losses.SparseSoftmaxCrossEntropyWithLogits(s.Logits, s.Labels, s.Classes, s.Gradient)),
        new("dense CE forward+gradient", 12, s => Losses.SoftmaxCrossEntropyWithLogits(s.Logits, s.Targets, s.Classes, s.Gradient)),
        new("label smoothing 0.1 forward+gradient", 8, s => Losses.SparseSoftmaxCrossEntropyWithLogits(s.Logits, s.Labels, s.Classes, s.Gradient, labelSmoothing: 0.1f)),
        new("sigmoid CE forward+gradient", 12, s => Losses.SigmoidCrossEntropyWithLogits(s.Logits, s.Targets, s.Gradient)),
    };

    public override string ToString() => Name;
}
