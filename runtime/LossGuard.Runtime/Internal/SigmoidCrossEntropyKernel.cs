using System;
using System.Numerics;
using LossGuard.Internal.Simd;

namespace LossGuard.Internal;

/// <summary>
/// Elementwise sigmoid cross-entropy on raw logits with a positive-class weight a:
/// loss = (1 - t) x + (1 + (a - 1) t) softplus(-x), d loss / d x = (1 - t) - (1 + (a - 1) t) sigmoid(-x).
/// </summary>
internal static class SigmoidCrossEntropyKernel
{
    public static T Compute<T>(
        ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, Span<T> gradient, Reduction reduction,
        double positiveWeight, double labelSmoothing, Span<T> rowLosses)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.SameLength(logits.Length, targets.Length, nameof(targets), "one target per logit");
        bool withGradient = Guard.OptionalDestination(logits.Length, gradient.Length, nameof(gradient));
        Guard.LabelSmoothing(labelSmoothing);
        Guard.RowLossesForReduction(reduction, logits.Length, rowLosses.Length);
        if (!(positiveWeight >= 0.0) || double.IsInfinity(positiveWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(positiveWeight), positiveWeight, "The positive-class weight must be finite and non-negative.");
        }

        var reducer = new Reducer(reduction, logits.Length);
        double scale = reducer.GradientScale;
        if (typeof(T) == typeof(float))
        {
            return reducer.Finish<T>(FloatSigmoidCrossEntropy.Compute(
                Floats.Of(logits), Floats.Of(targets), Floats.Of(gradient), Floats.Of(rowLosses), scale, positiveWeight, labelSmoothing));
        }

        double sum = 0.0;
        for (int i = 0; i < logits.Length; i++)
        {
            double x = double.CreateTruncating(logits[i]);
            double t = double.CreateTruncating(targets[i]) * (1.0 - labelSmoothing) + 0.5 * labelSmoothing;
            double loss = RowMath.SigmoidElement(x, t, positiveWeight, out double derivative);
            sum += loss;
            Reducer.Store(rowLosses, i, loss);
            if (withGradient)
            {
                gradient[i] = T.CreateTruncating(scale * derivative);
            }
        }

        return reducer.Finish<T>(sum);
    }
}
