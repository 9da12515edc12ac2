using System;
using System.Globalization;

namespace LossGuard.Internal;

/// <summary>Argument checks shared by every public entry point; each names the offending parameter.</summary>
internal static class Guard
{
    public static void PositiveClasses(int classes)
    {
        if (classes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "The number of classes must be positive.");
        }
    }

    public static int Rows(int length, int classes, string paramName)
    {
        PositiveClasses(classes);
        if (length % classes != 0)
        {
            throw new ArgumentException(
                Format("{0} has {1}, which is not a multiple of the number of classes ({2}).", Span(paramName), Elements(length), classes),
                paramName);
        }

        return length / classes;
    }

    public static void SameLength(int expected, int actual, string paramName, string expectedWhat)
    {
        if (actual != expected)
        {
            throw new ArgumentException(
                Format("{0} has {1}, but {2} expected ({3}).", Span(paramName), Elements(actual), CountIsOrAre(expected), expectedWhat),
                paramName);
        }
    }

    public static void Destination(int required, int actual, string paramName)
    {
        if (actual < required)
        {
            throw new ArgumentException(
                Format("{0} has {1}, but at least {2} needed.", Span(paramName), Elements(actual), CountIsOrAre(required)),
                paramName);
        }
    }

    /// <summary>An optional output span: empty means "not wanted", otherwise it must be long enough.</summary>
    public static bool OptionalDestination(int required, int actual, string paramName)
    {
        if (actual == 0 && required != 0)
        {
            return false;
        }

        Destination(required, actual, paramName);
        return true;
    }

    public static bool OptionalWeights(int classes, int actual, string paramName)
    {
        if (actual == 0)
        {
            return false;
        }

        SameLength(classes, actual, paramName, "one weight per class");
        return true;
    }

    public static void RowLossesForReduction(Reduction reduction, int rows, int actual)
    {
        if (reduction is < Reduction.Mean or > Reduction.None)
        {
            throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "Unknown reduction.");
        }

        if (reduction == Reduction.None && actual < rows)
        {
            throw new ArgumentException(
                Format("Reduction.None writes one loss per row: the span rowLosses has {0}, but {1} needed.", Elements(actual), CountIsOrAre(rows)),
                "rowLosses");
        }
    }

    public static void LabelSmoothing(double labelSmoothing)
    {
        if (!(labelSmoothing >= 0.0 && labelSmoothing <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "Label smoothing must be in [0, 1].");
        }
    }

    /// <summary>Throws for a label outside [0, classes) that is not the ignore index; returns how many are outside.</summary>
    public static int ClassIndices(ReadOnlySpan<int> labels, int classes, int? ignoreIndex, string paramName)
    {
        // Rows before the first label outside [0, classes) need no look.
        int outside = 0;
        for (int row = labels.IndexOfAnyExceptInRange(0, classes - 1); row >= 0 && row < labels.Length; row++)
        {
            int label = labels[row];
            if ((uint)label < (uint)classes)
            {
                continue;
            }

            outside++;
            if (label != ignoreIndex)
            {
                throw new ArgumentOutOfRangeException(
                    paramName,
                    label,
                    Format("The label {0}[{1}] = {2} is not a class index in [0, {3}){4}.",
                        paramName, row, label, classes,
                        ignoreIndex is int ignored ? Format(" nor the ignore index ({0})", ignored) : string.Empty));
            }
        }

        return outside;
    }

    private static string Span(string paramName) => "The span " + paramName;

    private static string Elements(int count) => count == 1 ? "1 element" : Format("{0} elements", count);

    private static string CountIsOrAre(int count) => count == 1 ? "1 is" : Format("{0} are", count);

    private static string Format(string format, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, format, args);
}
