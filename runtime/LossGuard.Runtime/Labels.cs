using System;
using LossGuard.Internal;

namespace LossGuard;

/// <summary>Conversions between class indices and one-hot rows.</summary>
public static class Labels
{
    /// <summary>One-hot rows <c>[indices, classes]</c> for the given class indices.</summary>
    /// <param name="classIndices">One class index per row, in [0, classes).</param>
    /// <param name="classes">Classes per row.</param>
    /// <returns>A new <c>[indices, classes]</c> array.</returns>
    public static float[] OneHot(ReadOnlySpan<int> classIndices, int classes)
    {
        var result = ActivationKernel.Allocate<float>(checked(classIndices.Length * Math.Max(classes, 0)));
        OneHot(classIndices, result, classes);
        return result;
    }

    /// <summary>One-hot rows into <paramref name="destination"/> (cleared first).</summary>
    /// <param name="classIndices">One class index per row, in [0, classes).</param>
    /// <param name="destination">Receives the rows; at least <c>classIndices.Length * classes</c> elements.</param>
    /// <param name="classes">Classes per row.</param>
    public static void OneHot(ReadOnlySpan<int> classIndices, Span<float> destination, int classes)
    {
        Guard.PositiveClasses(classes);
        Guard.ClassIndices(classIndices, classes, ignoreIndex: null, nameof(classIndices));
        int length = checked(classIndices.Length * classes);
        Guard.Destination(length, destination.Length, nameof(destination));
        destination.Slice(0, length).Clear();
        for (int row = 0; row < classIndices.Length; row++)
        {
            destination[row * classes + classIndices[row]] = 1f;
        }
    }

    /// <summary>The index of each row's largest score (the first one on ties; a row holding NaN gives the NaN's index).</summary>
    /// <param name="scores">Scores, probabilities or logits, <c>[rows, classes]</c>.</param>
    /// <param name="classes">Classes per row.</param>
    /// <returns>One class index per row.</returns>
    public static int[] ArgMax(ReadOnlySpan<float> scores, int classes)
    {
        int rows = Guard.Rows(scores.Length, classes, nameof(scores));
        var result = ActivationKernel.Allocate<int>(rows);
        for (int row = 0; row < rows; row++)
        {
            ReadOnlySpan<float> s = scores.Slice(row * classes, classes);
            int best = 0;
            for (int c = 1; c < classes && !float.IsNaN(s[best]); c++)
            {
                if (s[c] > s[best] || float.IsNaN(s[c]))
                {
                    best = c;
                }
            }

            result[row] = best;
        }

        return result;
    }
}
