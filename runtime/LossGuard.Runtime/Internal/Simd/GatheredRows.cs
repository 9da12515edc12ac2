using System;
using System.Runtime.CompilerServices;

namespace LossGuard.Internal.Simd;

/// <summary>Row sums of a block of short rows, one row per lane, by gathering the rows' classes column by column.</summary>
internal static class GatheredRows<TVec>
    where TVec : struct, IFloatVector<TVec>
{
    /// <summary>See <see cref="IFloatVector{TSelf}.RowSums"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Sum(ReadOnlySpan<float> source, ReadOnlySpan<float> weights, int first, int classes, int lanes)
    {
        var zero = TVec.Broadcast(0f);
        var sum = zero;
        for (int c = 0; c < classes; c++)
        {
            var value = TVec.GatherColumn(source, (first * classes) + c, classes, lanes, zero);
            sum = weights.IsEmpty ? sum + value : TVec.MultiplyAdd(value, TVec.GatherColumn(weights, (first * classes) + c, classes, lanes, zero), sum);
        }

        return sum;
    }
}
