using System;
using System.Numerics;
using LossGuard.Internal.Simd;

namespace LossGuard.Internal;

/// <summary>
/// Softmax cross-entropy on raw logits, per row: loss = sum_c w_c t_c (lse - z_c) and
/// d loss / d z_j = p_j sum_c w_c t_c - w_j t_j, with t the (smoothed) target distribution.
/// The gradient row is written after the row's loss is known, so it may alias the logits.
/// </summary>
internal static class SoftmaxCrossEntropyKernel
{
    public static T Dense<T>(
        ReadOnlySpan<T> logits, ReadOnlySpan<T> labels, int classes, Span<T> gradient, Reduction reduction,
        ReadOnlySpan<T> classWeights, double labelSmoothing, Span<T> rowLosses)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = Guard.Rows(logits.Length, classes, nameof(logits));
        Guard.SameLength(logits.Length, labels.Length, nameof(labels), "one label per logit");
        bool weighted = Guard.OptionalWeights(classes, classWeights.Length, nameof(classWeights));
        bool withGradient = Guard.OptionalDestination(logits.Length, gradient.Length, nameof(gradient));
        Guard.LabelSmoothing(labelSmoothing);
        Guard.RowLossesForReduction(reduction, rows, rowLosses.Length);

        var reducer = new Reducer(reduction, rows);
        double scale = reducer.GradientScale;
        if (typeof(T) == typeof(float) && !weighted)
        {
            return reducer.Finish<T>(FloatSoftmaxCrossEntropy.Dense(
                Floats.Of(logits), Floats.Of(labels), classes, Floats.Of(gradient), Floats.Of(rowLosses), scale, labelSmoothing));
        }

        double keep = 1.0 - labelSmoothing;
        double spread = labelSmoothing / classes;
        double sum = 0.0;

        for (int row = 0; row < rows; row++)
        {
            var logitRow = logits.Slice(row * classes, classes);
            using var view = new LimitRow<T>(logitRow, RowMath.Max(logitRow));
            ReadOnlySpan<T> z = view.Row;
            ReadOnlySpan<T> t = labels.Slice(row * classes, classes);
            double lse = RowMath.LogSumExp(z, view.Max);

            double targetMass = 0.0;
            double loss = 0.0;
            for (int c = 0; c < classes; c++)
            {
                double wt = Weight(classWeights, weighted, c) * (keep * double.CreateTruncating(t[c]) + spread);
                targetMass += wt;
                loss += wt * (lse - double.CreateTruncating(z[c]));
            }

            sum += loss;
            Reducer.Store(rowLosses, row, loss);

            if (withGradient)
            {
                Span<T> g = gradient.Slice(row * classes, classes);
                for (int c = 0; c < classes; c++)
                {
                    double p = Math.Exp(double.CreateTruncating(z[c]) - lse);
                    double wt = Weight(classWeights, weighted, c) * (keep * double.CreateTruncating(t[c]) + spread);
                    g[c] = T.CreateTruncating(scale * (p * targetMass - wt));
                }
            }
        }

        return reducer.Finish<T>(sum);
    }

    public static T Sparse<T>(
        ReadOnlySpan<T> logits, ReadOnlySpan<int> labels, int classes, Span<T> gradient, Reduction reduction,
        ReadOnlySpan<T> classWeights, double labelSmoothing, int ignoreIndex, Span<T> rowLosses)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = Guard.Rows(logits.Length, classes, nameof(logits));
        Guard.SameLength(rows, labels.Length, nameof(labels), "one class index per row");
        int outside = Guard.ClassIndices(labels, classes, ignoreIndex, nameof(labels));
        bool weighted = Guard.OptionalWeights(classes, classWeights.Length, nameof(classWeights));
        bool withGradient = Guard.OptionalDestination(logits.Length, gradient.Length, nameof(gradient));
        Guard.LabelSmoothing(labelSmoothing);
        Guard.RowLossesForReduction(reduction, rows, rowLosses.Length);

        double weightOfAllClasses = weighted ? Sum(classWeights) : classes;

        // An ignore index outside [0, classes) is every label the check found outside: no scan for it.
        int ignoredRows = (uint)ignoreIndex < (uint)classes ? labels.Count(ignoreIndex) : outside;
        double counted = weighted ? WeightOfCountedRows(labels, classWeights, ignoreIndex) : rows - ignoredRows;

        var reducer = new Reducer(reduction, counted);
        double scale = reducer.GradientScale;
        if (typeof(T) == typeof(float) && !weighted)
        {
            return reducer.Finish<T>(FloatSoftmaxCrossEntropy.Sparse(
                Floats.Of(logits), labels, classes, Floats.Of(gradient), Floats.Of(rowLosses), scale, labelSmoothing, ignoreIndex, ignoredRows > 0));
        }

        double keep = 1.0 - labelSmoothing;
        double spread = labelSmoothing / classes;
        double sum = 0.0;

        for (int row = 0; row < rows; row++)
        {
            var logitRow = logits.Slice(row * classes, classes);
            int label = labels[row];
            if (label == ignoreIndex)
            {
                Reducer.Store(rowLosses, row, 0.0);
                if (withGradient)
                {
                    gradient.Slice(row * classes, classes).Clear();
                }

                continue;
            }

            using var view = new LimitRow<T>(logitRow, RowMath.Max(logitRow));
            ReadOnlySpan<T> z = view.Row;
            double lse = RowMath.LogSumExp(z, view.Max);
            double labelWeight = Weight(classWeights, weighted, label);
            double loss = keep * labelWeight * (lse - double.CreateTruncating(z[label]));
            if (spread != 0.0)
            {
                double smoothing = 0.0;
                for (int c = 0; c < classes; c++)
                {
                    smoothing += Weight(classWeights, weighted, c) * (lse - double.CreateTruncating(z[c]));
                }

                loss += spread * smoothing;
            }

            sum += loss;
            Reducer.Store(rowLosses, row, loss);

            if (withGradient)
            {
                double probabilityFactor = keep * labelWeight + spread * weightOfAllClasses;
                Span<T> g = gradient.Slice(row * classes, classes);
                for (int c = 0; c < classes; c++)
                {
                    double p = Math.Exp(double.CreateTruncating(z[c]) - lse);
                    double target = spread * Weight(classWeights, weighted, c) + (c == label ? keep * labelWeight : 0.0);
                    g[c] = T.CreateTruncating(scale * (p * probabilityFactor - target));
                }
            }
        }

        return reducer.Finish<T>(sum);
    }

    private static double WeightOfCountedRows<T>(ReadOnlySpan<int> labels, ReadOnlySpan<T> classWeights, int ignoreIndex)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double total = 0.0;
        foreach (int label in labels)
        {
            if (label != ignoreIndex)
            {
                total += double.CreateTruncating(classWeights[label]);
            }
        }

        return total;
    }

    private static double Sum<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double total = 0.0;
        foreach (T value in values)
        {
            total += double.CreateTruncating(value);
        }

        return total;
    }

    private static double Weight<T>(ReadOnlySpan<T> classWeights, bool weighted, int c)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        weighted ? double.CreateTruncating(classWeights[c]) : 1.0;
}
