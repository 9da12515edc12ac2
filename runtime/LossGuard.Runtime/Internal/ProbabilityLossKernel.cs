using System;
using System.Numerics;

namespace LossGuard.Internal;

/// <summary>Losses on values that already are probabilities or log-probabilities; probabilities are clipped like Keras.</summary>
internal static class ProbabilityLossKernel
{
    /// <summary>Keras' epsilon: probabilities are clipped to [Epsilon, 1 - Epsilon] before the log.</summary>
    public const double Epsilon = 1e-7;

    public static T Categorical<T>(ReadOnlySpan<T> probabilities, ReadOnlySpan<T> labels, int classes, Reduction reduction, Span<T> rowLosses)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = Guard.Rows(probabilities.Length, classes, nameof(probabilities));
        Guard.SameLength(probabilities.Length, labels.Length, nameof(labels), "one label per probability");
        Guard.RowLossesForReduction(reduction, rows, rowLosses.Length);

        double sum = 0.0;
        for (int row = 0; row < rows; row++)
        {
            ReadOnlySpan<T> p = probabilities.Slice(row * classes, classes);
            ReadOnlySpan<T> t = labels.Slice(row * classes, classes);
            double total = 0.0;
            foreach (T value in p)
            {
                total += double.CreateTruncating(value);
            }

            double loss = 0.0;
            for (int c = 0; c < classes; c++)
            {
                loss -= double.CreateTruncating(t[c]) * Math.Log(Clip(double.CreateTruncating(p[c]) / total));
            }

            sum += loss;
            Reducer.Store(rowLosses, row, loss);
        }

        return new Reducer(reduction, rows).Finish<T>(sum);
    }

    public static T SparseCategorical<T>(ReadOnlySpan<T> probabilities, ReadOnlySpan<int> labels, int classes, Reduction reduction, Span<T> rowLosses)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        PickedRow(probabilities, labels, classes, reduction, rowLosses, nameof(probabilities), static p => -Math.Log(Clip(p)));

    public static T NegativeLogLikelihood<T>(ReadOnlySpan<T> logProbabilities, ReadOnlySpan<int> labels, int classes, Reduction reduction, Span<T> rowLosses)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        PickedRow(logProbabilities, labels, classes, reduction, rowLosses, nameof(logProbabilities), static logP => -logP);

    public static T Binary<T>(ReadOnlySpan<T> probabilities, ReadOnlySpan<T> targets, Reduction reduction, Span<T> rowLosses)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.SameLength(probabilities.Length, targets.Length, nameof(targets), "one target per probability");
        Guard.RowLossesForReduction(reduction, probabilities.Length, rowLosses.Length);

        double sum = 0.0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = Clip(double.CreateTruncating(probabilities[i]));
            double t = double.CreateTruncating(targets[i]);
            double loss = -(t * Math.Log(p) + (1.0 - t) * Math.Log(1.0 - p));
            sum += loss;
            Reducer.Store(rowLosses, i, loss);
        }

        return new Reducer(reduction, probabilities.Length).Finish<T>(sum);
    }

    private static T PickedRow<T>(
        ReadOnlySpan<T> values, ReadOnlySpan<int> labels, int classes, Reduction reduction, Span<T> rowLosses,
        string valuesName, Func<double, double> lossOfPicked)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = Guard.Rows(values.Length, classes, valuesName);
        Guard.SameLength(rows, labels.Length, nameof(labels), "one class index per row");
        Guard.ClassIndices(labels, classes, ignoreIndex: null, nameof(labels));
        Guard.RowLossesForReduction(reduction, rows, rowLosses.Length);

        double sum = 0.0;
        for (int row = 0; row < rows; row++)
        {
            double loss = lossOfPicked(double.CreateTruncating(values[row * classes + labels[row]]));
            sum += loss;
            Reducer.Store(rowLosses, row, loss);
        }

        return new Reducer(reduction, rows).Finish<T>(sum);
    }

    private static double Clip(double p) => Math.Min(Math.Max(p, Epsilon), 1.0 - Epsilon);
}
