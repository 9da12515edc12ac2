using System;
using System.Numerics;

namespace LossGuard.Internal;

/// <summary>Row-wise softmax family and elementwise sigmoid family; destination may alias the input.</summary>
internal static class ActivationKernel
{
    public static void Softmax<T>(ReadOnlySpan<T> logits, Span<T> destination, int classes, bool logarithm)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = Guard.Rows(logits.Length, classes, nameof(logits));
        Guard.Destination(logits.Length, destination.Length, nameof(destination));
        for (int row = 0; row < rows; row++)
        {
            var logitRow = logits.Slice(row * classes, classes);
            using var view = new LimitRow<T>(logitRow, RowMath.Max(logitRow));
            ReadOnlySpan<T> z = view.Row;
            Span<T> output = destination.Slice(row * classes, classes);
            double lse = RowMath.LogSumExp(z, view.Max);
            for (int c = 0; c < classes; c++)
            {
                double shifted = double.CreateTruncating(z[c]) - lse;
                output[c] = T.CreateTruncating(logarithm ? shifted : Math.Exp(shifted));
            }
        }
    }

    public static void Sigmoid<T>(ReadOnlySpan<T> logits, Span<T> destination, bool logarithm)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.Destination(logits.Length, destination.Length, nameof(destination));
        for (int i = 0; i < logits.Length; i++)
        {
            double x = double.CreateTruncating(logits[i]);
            destination[i] = T.CreateTruncating(logarithm ? -RowMath.Softplus(-x) : RowMath.Sigmoid(x));
        }
    }

    public static T[] Allocate<T>(int length) => length == 0 ? Array.Empty<T>() : new T[length];
}
