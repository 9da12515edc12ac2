using System;
using System.Runtime.CompilerServices;

namespace LossGuard.Internal.Simd;

/// <summary>Row sums of a block of short rows, one row per lane, by gathering the rows' classes column by column.</summary>
internal static class GatheredRows<TVec>
    where TVec : struct, IFloatVector<TVec>
{
    /// <summary>See <see cref="IFloatVector{TSelf}.RowSums"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Sum(ReadOnlySpan<float> source, int first, int classes, int lanes)
    {
        var zero = TVec.Broadcast(0f);
        var sum = zero;
        for (int c = 0; c < classes; c++)
        {
            sum += TVec.GatherColumn(source, (first * classes) + c, classes, lanes, zero);
        }

        return sum;
    }

    /// <summary>See <see cref="IFloatVector{TSelf}.ProductAndWeightSums"/>: each weight is gathered once for both sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec ProductAndWeightSums(ReadOnlySpan<float> source, ReadOnlySpan<float> weights, int first, int classes, int lanes, out TVec weightSums)
    {
        var zero = TVec.Broadcast(0f);
        var products = zero;
        weightSums = zero;
        for (int c = 0; c < classes; c++)
        {
            var weight = TVec.GatherColumn(weights, (first * classes) + c, classes, lanes, zero);
            products = TVec.MultiplyAdd(TVec.GatherColumn(source, (first * classes) + c, classes, lanes, zero), weight, products);
            weightSums += weight;
        }

        return products;
    }
}
