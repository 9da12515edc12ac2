using System;
using System.Numerics;

namespace LossGuard.Internal;

/// <summary>
/// Additive angular margin softmax cross-entropy (ArcFace) on cosine logits: the target class's cos(theta) becomes
/// cos(theta + m), every logit is multiplied by the scale s, then softmax cross-entropy. Past theta = pi - m,
/// where cos(theta + m) would stop decreasing, the target logit is cos(theta) - m sin(m) instead (the usual
/// threshold), or with the easy margin the margin applies only while cos(theta) > 0. The gradient is d loss / d cos.
/// </summary>
internal static class AngularMarginKernel
{
    // d cos(theta + m) / d cos(theta) = cos m + sin m cos / sin: sin(theta) is kept at least this far from 0.
    private const double MinimumSine = 1e-7;

    public static T Compute<T>(
        ReadOnlySpan<T> cosines, ReadOnlySpan<int> labels, int classes, Span<T> gradient, Reduction reduction,
        double margin, double scale, bool easyMargin, int ignoreIndex, Span<T> rowLosses)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = Guard.Rows(cosines.Length, classes, nameof(cosines));
        Guard.SameLength(rows, labels.Length, nameof(labels), "one class index per row");
        Guard.ClassIndices(labels, classes, ignoreIndex, nameof(labels));
        bool withGradient = Guard.OptionalDestination(cosines.Length, gradient.Length, nameof(gradient));
        Guard.RowLossesForReduction(reduction, rows, rowLosses.Length);
        if (!(margin >= 0.0 && margin < Math.PI / 2))
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "The margin must be in [0, pi/2) radians.");
        }

        if (!(scale > 0.0) || double.IsInfinity(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be finite and positive.");
        }

        int counted = 0;
        foreach (int label in labels)
        {
            counted += label == ignoreIndex ? 0 : 1;
        }

        var reducer = new Reducer(reduction, counted);
        var target = new TargetLogit(margin, easyMargin);
        double sum = 0.0;
        for (int row = 0; row < rows; row++)
        {
            ReadOnlySpan<T> cos = cosines.Slice(row * classes, classes);
            Span<T> g = withGradient ? gradient.Slice(row * classes, classes) : default;
            int label = labels[row];
            if (label == ignoreIndex)
            {
                g.Clear();
                Reducer.Store(rowLosses, row, 0.0);
                continue;
            }

            double targetCosine = Math.Clamp(double.CreateTruncating(cos[label]), -1.0, 1.0);
            double targetLogit = scale * target.Value(targetCosine, out double slope);
            double max = targetLogit;
            for (int c = 0; c < classes; c++)
            {
                max = c == label ? max : Math.Max(max, scale * double.CreateTruncating(cos[c]));
            }

            double total = 0.0;
            for (int c = 0; c < classes; c++)
            {
                total += Math.Exp((c == label ? targetLogit : scale * double.CreateTruncating(cos[c])) - max);
            }

            double lse = max + Math.Log(total);
            double loss = lse - targetLogit;
            sum += loss;
            Reducer.Store(rowLosses, row, loss);
            if (withGradient)
            {
                double factor = reducer.GradientScale * scale;
                for (int c = 0; c < classes; c++)
                {
                    double logit = c == label ? targetLogit : scale * double.CreateTruncating(cos[c]);
                    double probability = Math.Exp(logit - lse);
                    g[c] = T.CreateTruncating(c == label ? factor * (probability - 1.0) * slope : factor * probability);
                }
            }
        }

        return reducer.Finish<T>(sum);
    }

    /// <summary>The target class's logit before scaling, from its cosine, and its derivative.</summary>
    private readonly struct TargetLogit
    {
        private readonly double cosMargin;
        private readonly double sinMargin;
        private readonly double threshold;
        private readonly double penalty;
        private readonly bool easy;

        public TargetLogit(double margin, bool easyMargin)
        {
            cosMargin = Math.Cos(margin);
            sinMargin = Math.Sin(margin);
            threshold = Math.Cos(Math.PI - margin);
            penalty = Math.Sin(Math.PI - margin) * margin;
            easy = easyMargin;
        }

        public double Value(double cosine, out double slope)
        {
            bool withMargin = easy ? cosine > 0.0 : cosine > threshold;
            if (!withMargin)
            {
                slope = 1.0;
                return easy ? cosine : cosine - penalty;
            }

            double sine = Math.Max(Math.Sqrt(Math.Max(0.0, 1.0 - (cosine * cosine))), MinimumSine);
            slope = cosMargin + (sinMargin * cosine / sine);
            return (cosine * cosMargin) - (sine * sinMargin);
        }
    }
}
