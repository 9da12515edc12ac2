using System;
using LossGuard.Internal;

namespace LossGuard;

/// <summary>Conversions between class indices and one-hot rows.</summary>
public static class Labels
{
    /// <summary>One-hot rows <c>[indices, classes]</c> for the given class indices.</summary>
    public static float[] OneHot(ReadOnlySpan<int> classIndices, int classes)
    {
        var result = ActivationKernel.Allocate<float>(checked(classIndices.Length * Math.Max(classes, 0)));
        OneHot(classIndices, result, classes);
        return result;
    }

    /// <summary>One-hot rows into <paramref name="destination"/> (cleared first).</summary>
    public static void OneHot(ReadOnlySpan<int> classIndices, Span<float> destination, int classes)
    {
        if (classes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be positive.");
        }

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
