using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace LossGuard.Internal.Simd;

/// <summary>
/// One row of a softmax, in float vectors of one width with a scalar tail. Sums are taken in float vectors over
/// blocks of <see cref="Block"/> elements and added up in double, so that a row of 256k classes stays accurate.
/// </summary>
internal static class RowKernels<TVec>
    where TVec : struct, IFloatVector<TVec>
{
    private const int Block = 4096;

    /// <summary>
    /// The largest value, as .NET's vector maximum gives it (<see cref="IeeeMax"/>; from .NET 9 a NaN is chosen, which
    /// costs several instructions a vector at 256 bits): here by the hardware's max, one instruction, with a check that
    /// every value is finite (x - x is then 0) beside it; a row with a NaN or an infinity takes <see cref="IeeeMax"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Max(ReadOnlySpan<float> row)
    {
        int i = 0;
        float max = float.NegativeInfinity;
        if (row.Length >= TVec.Count)
        {
            var a = TVec.Load(row, 0);
            var b = a;
            var finite = a - a;
            var finite2 = finite;
            for (i = TVec.Count; i <= row.Length - (2 * TVec.Count); i += 2 * TVec.Count)
            {
                var x = TVec.Load(row, i);
                var y = TVec.Load(row, i + TVec.Count);
                a = TVec.MaxOrRight(x, a);
                b = TVec.MaxOrRight(y, b);
                finite += x - x;
                finite2 += y - y;
            }

            if (i <= row.Length - TVec.Count)
            {
                var x = TVec.Load(row, i);
                a = TVec.MaxOrRight(x, a);
                finite += x - x;
                i += TVec.Count;
            }

            if ((finite + finite2).Sum() != 0)
            {
                return IeeeMax(row);
            }

            max = TVec.MaxOrRight(a, b).MaxAcross();
        }

        for (; i < row.Length; i++)
        {
            max = MathF.Max(max, row[i]);
        }

        return max;
    }

    /// <summary>The largest value by .NET's vector maximum (NaN chosen), for rows with a NaN or an infinity.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float IeeeMax(ReadOnlySpan<float> row)
    {
        var a = TVec.Load(row, 0);
        int i = TVec.Count;
        for (; i <= row.Length - TVec.Count; i += TVec.Count)
        {
            a = TVec.Max(a, TVec.Load(row, i));
        }

        float max = a.MaxAcross();
        for (; i < row.Length; i++)
        {
            max = MathF.Max(max, row[i]);
        }

        return max;
    }

    /// <summary>
    /// A dense row's first pass: the largest value of <paramref name="row"/> (as <see cref="Max"/>: the hardware's max,
    /// and <see cref="Max"/> itself when a value is not finite) and, from the same
    /// reads, the sums of <paramref name="targets"/>, of the row times the targets and, when <paramref name="sumRow"/>, of
    /// the row (float vectors over blocks of <see cref="Block"/> added up in double, as <see cref="Sum"/>), two vectors
    /// a step with their own maxima and sums. <paramref name="rowSum"/> is 0 unless <paramref name="sumRow"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float MaxAndTargetSums(
        ReadOnlySpan<float> row, ReadOnlySpan<float> targets, bool sumRow, out double targetSum, out double productSum, out double rowSum)
    {
        var low = TVec.Broadcast(float.NegativeInfinity);
        var low2 = low;
        float max = float.NegativeInfinity;
        targetSum = 0;
        productSum = 0;
        rowSum = 0;
        int i = 0;
        for (int blockEnd = Math.Min(Block, row.Length); i < row.Length; blockEnd = Math.Min(blockEnd + Block, row.Length))
        {
            var t = TVec.Broadcast(0f);
            var t2 = t;
            var p = t;
            var p2 = t;
            var z = t;
            var z2 = t;
            for (; i <= blockEnd - (2 * TVec.Count); i += 2 * TVec.Count)
            {
                var x = TVec.Load(row, i);
                var x2 = TVec.Load(row, i + TVec.Count);
                var w = TVec.Load(targets, i);
                var w2 = TVec.Load(targets, i + TVec.Count);
                low = TVec.MaxOrRight(x, low);
                low2 = TVec.MaxOrRight(x2, low2);
                t += w;
                t2 += w2;
                p = TVec.MultiplyAdd(x, w, p);
                p2 = TVec.MultiplyAdd(x2, w2, p2);
                if (sumRow)
                {
                    z += x;
                    z2 += x2;
                }
            }

            if (i <= blockEnd - TVec.Count)
            {
                var x = TVec.Load(row, i);
                var w = TVec.Load(targets, i);
                low = TVec.MaxOrRight(x, low);
                t += w;
                p = TVec.MultiplyAdd(x, w, p);
                z += x;
                i += TVec.Count;
            }

            float tailTargets = 0;
            float tailProducts = 0;
            float tailRow = 0;
            for (; i < blockEnd; i++)
            {
                max = MathF.Max(max, row[i]);
                tailTargets += targets[i];
                tailProducts += row[i] * targets[i];
                tailRow += row[i];
            }

            targetSum += (t + t2).Sum() + tailTargets;
            productSum += (p + p2).Sum() + tailProducts;
            rowSum += sumRow ? (z + z2).Sum() + tailRow : 0;
        }

        // A NaN or infinite logit makes the products' sum NaN or infinite (x * t, with x - x beside it in no sum, would
        // cost a vector a step): then the row's maximum as the max pass takes it.
        return row.Length < TVec.Count ? max
            : double.IsFinite(productSum) ? MathF.Max(TVec.MaxOrRight(low, low2).MaxAcross(), max)
            : Max(row);
    }

    /// <summary>
    /// The largest and the smallest value in one pass (for the spread of a group); NaN when any value is NaN or
    /// infinite (x - x is then NaN, and NaN survives the sum of those).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float MaxAndMin(ReadOnlySpan<float> values, out float min)
    {
        int i = 0;
        float max = float.NegativeInfinity;
        min = float.PositiveInfinity;
        float check = 0;
        if (values.Length >= TVec.Count)
        {
            var zero = TVec.Broadcast(0f);
            var high = TVec.Load(values, 0);
            var negatedLow = zero - high;
            var finite = high - high;
            var high2 = high;
            var negatedLow2 = negatedLow;
            var finite2 = finite;
            for (i = TVec.Count; i <= values.Length - (2 * TVec.Count); i += 2 * TVec.Count)
            {
                var x = TVec.Load(values, i);
                var y = TVec.Load(values, i + TVec.Count);
                high = TVec.MaxOrRight(x, high);
                negatedLow = TVec.MaxOrRight(zero - x, negatedLow);
                finite += x - x;
                high2 = TVec.MaxOrRight(y, high2);
                negatedLow2 = TVec.MaxOrRight(zero - y, negatedLow2);
                finite2 += y - y;
            }

            if (i <= values.Length - TVec.Count)
            {
                var x = TVec.Load(values, i);
                high = TVec.MaxOrRight(x, high);
                negatedLow = TVec.MaxOrRight(zero - x, negatedLow);
                finite += x - x;
                i += TVec.Count;
            }

            max = TVec.MaxOrRight(high, high2).MaxAcross();
            min = -TVec.MaxOrRight(negatedLow, negatedLow2).MaxAcross();
            check = (finite + finite2).Sum();
        }

        for (; i < values.Length; i++)
        {
            max = MathF.Max(max, values[i]);
            min = MathF.Min(min, values[i]);
            check += values[i] - values[i];
        }

        return check == 0 ? max : float.NaN;
    }

    /// <summary>
    /// The sum of e^(x - max) over the row; with a destination, each e^(x - max) is also written there (the
    /// destination may be the row itself). With <paramref name="next"/> (the next row, pinned), each cache line of it
    /// is prefetched as the same line of this row is done, so that its first pass finds it in cache while this one
    /// computes; <paramref name="nextDestination"/> likewise (the next row's gradient, which the next exp pass writes).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe double SumExp(
        ReadOnlySpan<float> row, float max, Span<float> destination, ReadOnlySpan<float> next = default, ReadOnlySpan<float> nextDestination = default)
    {
        bool write = !destination.IsEmpty;
        float* ahead = Sse.IsSupported && next.Length >= row.Length ? (float*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(next)) : null;
        float* aheadOut = ahead != null && nextDestination.Length >= row.Length ? (float*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(nextDestination)) : null;
        var shift = TVec.Broadcast(max);
        double total = 0;
        int i = 0;
        for (int blockEnd = Math.Min(Block, row.Length); i < row.Length; blockEnd = Math.Min(blockEnd + Block, row.Length))
        {
            var a = TVec.Broadcast(0f);
            var b = TVec.Broadcast(0f);
            for (; i <= blockEnd - (2 * TVec.Count); i += 2 * TVec.Count)
            {
                if (ahead != null)
                {
                    // One prefetch per 64-byte line: two of them per step at 512 bits, one at 256.
                    Sse.Prefetch0(ahead + i);
                    Sse.Prefetch0(ahead + i + TVec.Count);
                    if (aheadOut != null)
                    {
                        Sse.Prefetch0(aheadOut + i);
                        Sse.Prefetch0(aheadOut + i + TVec.Count);
                    }
                }

                var e0 = VectorMath.ExpNonPositive(TVec.Load(row, i) - shift);
                var e1 = VectorMath.ExpNonPositive(TVec.Load(row, i + TVec.Count) - shift);
                if (write)
                {
                    e0.Store(destination, i);
                    e1.Store(destination, i + TVec.Count);
                }

                a += e0;
                b += e1;
            }

            if (i <= blockEnd - TVec.Count)
            {
                var e = VectorMath.ExpNonPositive(TVec.Load(row, i) - shift);
                if (write)
                {
                    e.Store(destination, i);
                }

                a += e;
                i += TVec.Count;
            }

            float tail = 0;
            for (; i < blockEnd; i++)
            {
                float e = MathF.Exp(row[i] - max);
                if (write)
                {
                    destination[i] = e;
                }

                tail += e;
            }

            total += (a + b).Sum() + tail;
        }

        return total;
    }

    /// <summary>destination = e^(x - max), four vectors at a time (no sum; the destination may be the row itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Exp(ReadOnlySpan<float> row, float max, Span<float> destination)
    {
        var shift = TVec.Broadcast(max);
        int i = 0;
        for (; i <= row.Length - (4 * TVec.Count); i += 4 * TVec.Count)
        {
            var e0 = VectorMath.ExpNonPositive(TVec.Load(row, i) - shift);
            var e1 = VectorMath.ExpNonPositive(TVec.Load(row, i + TVec.Count) - shift);
            var e2 = VectorMath.ExpNonPositive(TVec.Load(row, i + (2 * TVec.Count)) - shift);
            var e3 = VectorMath.ExpNonPositive(TVec.Load(row, i + (3 * TVec.Count)) - shift);
            e0.Store(destination, i);
            e1.Store(destination, i + TVec.Count);
            e2.Store(destination, i + (2 * TVec.Count));
            e3.Store(destination, i + (3 * TVec.Count));
        }

        for (; i <= row.Length - TVec.Count; i += TVec.Count)
        {
            VectorMath.ExpNonPositive(TVec.Load(row, i) - shift).Store(destination, i);
        }

        for (; i < row.Length; i++)
        {
            destination[i] = MathF.Exp(row[i] - max);
        }
    }

    /// <summary>values = log(values), for positive normal floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LogInPlace(Span<float> values)
    {
        int i = 0;
        for (; i <= values.Length - TVec.Count; i += TVec.Count)
        {
            VectorMath.LogPositive(TVec.Load(values, i)).Store(values, i);
        }

        for (; i < values.Length; i++)
        {
            values[i] = MathF.Log(values[i]);
        }
    }

    /// <summary>values = log(1 + values), for values of at least 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LogOnePlusInPlace(Span<float> values)
    {
        int i = 0;
        for (; i <= values.Length - TVec.Count; i += TVec.Count)
        {
            VectorMath.LogOnePlus(TVec.Load(values, i)).Store(values, i);
        }

        for (; i < values.Length; i++)
        {
            values[i] = (float)RowMath.LogOnePlus(values[i]);
        }
    }

    /// <summary>The sum of the row, or of its products with <paramref name="other"/> when that is given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Sum(ReadOnlySpan<float> row, ReadOnlySpan<float> other)
    {
        bool product = !other.IsEmpty;
        double total = 0;
        int i = 0;
        for (int blockEnd = Math.Min(Block, row.Length); i < row.Length; blockEnd = Math.Min(blockEnd + Block, row.Length))
        {
            var a = TVec.Broadcast(0f);
            for (; i <= blockEnd - TVec.Count; i += TVec.Count)
            {
                var x = TVec.Load(row, i);
                a = product ? TVec.MultiplyAdd(x, TVec.Load(other, i), a) : a + x;
            }

            float tail = 0;
            for (; i < blockEnd; i++)
            {
                tail += product ? row[i] * other[i] : row[i];
            }

            total += a.Sum() + tail;
        }

        return total;
    }

    /// <summary>values = values * scale - (offset + slope * targets), the targets term only when they are given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScaleAndShift(Span<float> values, float scale, float offset, ReadOnlySpan<float> targets, float slope)
    {
        bool withTargets = !targets.IsEmpty;
        var s = TVec.Broadcast(scale);
        var o = TVec.Broadcast(-offset);
        var k = TVec.Broadcast(-slope);
        int i = 0;
        for (; i <= values.Length - TVec.Count; i += TVec.Count)
        {
            var shifted = withTargets ? TVec.MultiplyAdd(TVec.Load(targets, i), k, o) : o;
            TVec.MultiplyAdd(TVec.Load(values, i), s, shifted).Store(values, i);
        }

        for (; i < values.Length; i++)
        {
            values[i] = (values[i] * scale) - offset - (withTargets ? slope * targets[i] : 0f);
        }
    }
}
