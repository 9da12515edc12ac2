using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LossGuard.Internal.Simd;

/// <summary>Float exp (within 0.7 ulp) and log1p (about 1 ulp) for the ranges the kernels need, without widening to double.</summary>
internal static class VectorMath
{
    private const float Log2E = 1.44269504088896341f;

    // ln 2 split in two so that n * Ln2High is exact for the n that occur (Cody-Waite reduction).
    private const float Ln2High = 0.693359375f;
    private const float Ln2Low = -2.12194440e-4f;

    // Below this, e^x is under the smallest normal float: the result is 0 (flushing the subnormals changes no sum).
    private const float Underflow = -87.33654f;

    // 1.5 * 2^19: floats from 2^19 to 2^20 lie 1/16 apart.
    private const float Sixteenths = 786432f;

    /// <summary>2^(j / 16) for j = 0..15, rounded to float.</summary>
    private static Vector512<float> Powers
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(PowerValues));
    }

    /// <summary>The relative rounding errors of <see cref="Powers"/>: (float - exact) / exact; e^-error undoes them.</summary>
    private static Vector512<float> PowerErrors
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(PowerErrorValues));
    }

    // Read from the assembly's data as one vector each (16 constants in the IL of every caller overran the JIT's inlining
    // budget of the medium rows' block, whose log then called its vector operators one by one).
    private static ReadOnlySpan<float> PowerValues =>
    [
        1f, 1.0442737f, 1.0905077f, 1.1387886f, 1.1892071f, 1.2418578f, 1.2968396f, 1.3542556f,
        1.4142135f, 1.4768262f, 1.5422108f, 1.6104903f, 1.6817929f, 1.7562522f, 1.8340081f, 1.9152066f,
    ];

    private static ReadOnlySpan<float> PowerErrorValues =>
    [
        0f, -4.6285468E-08f, 1.19921575E-08f, -4.729782E-08f, -3.193418E-08f, -3.6210572E-08f, 3.0990723E-08f, 7.475213E-09f,
        -1.7114271E-08f, 3.0476834E-08f, -5.233334E-09f, -6.1075918E-09f, 1.4719606E-08f, 5.258795E-09f, 6.1282597E-09f, -5.1406093E-09f,
    ];

    /// <summary>
    /// e^x for x &lt;= 0 (the shifted logits of a softmax, -|x| of a sigmoid), within 0.7 ulp; NaN stays NaN, -inf and
    /// x below the smallest normal's log give 0. x = (m / 16) ln2 + r with m whole and |r| &lt;= ln2 / 32 (Cody-Waite):
    /// e^x = 2^floor(m / 16) * 2^(j / 16) * e^r, j = m mod 16, 2^(j / 16) from a table of 16 floats whose rounding error
    /// is taken out of r, e^r by its series to r^3 (the first term left out is under 0.1 ulp).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec ExpNonPositive<TVec>(TVec x)
        where TVec : struct, IFloatVector<TVec>
    {
        // Adding Sixteenths rounds x log2e to a multiple of 1/16 (the float's spacing there), m / 16, and leaves m mod 16
        // in the low four bits of the sum's pattern: the table's index.
        var sum = TVec.MultiplyAdd(x, TVec.Broadcast(Log2E), TVec.Broadcast(Sixteenths));
        var n = sum - TVec.Broadcast(Sixteenths);
        var r = TVec.MultiplyAdd(n, TVec.Broadcast(-Ln2High), x);
        r = TVec.MultiplyAdd(n, TVec.Broadcast(-Ln2Low), r) - TVec.LookUp16(sum, PowerErrors);
        var power = TVec.LookUp16(sum, Powers);
        var series = TVec.MultiplyAdd(TVec.MultiplyAdd(TVec.Broadcast(1f / 6f), r, TVec.Broadcast(0.5f)), r, TVec.Broadcast(1f));
        var scaled = TVec.ScaleByPowerOfTwo(TVec.MultiplyAdd(power * r, series, power), n);

        // n < -126 only where x < Underflow, whose lanes the select below replaces.
        return TVec.WhereBelow(x, TVec.Broadcast(Underflow), TVec.Broadcast(0f), scaled);
    }

    /// <summary>
    /// log(1 + e) for e in [0, 1] (the softplus of a sigmoid loss): 2 atanh(s) with s = e / (2 + e) in [0, 1/3], odd
    /// series to s^13; exact in relative terms for tiny e, where 1 + e would round to 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec LogOnePlusUnit<TVec>(TVec e)
        where TVec : struct, IFloatVector<TVec>
    {
        var s = e / (TVec.Broadcast(2f) + e);
        var s2 = s * s;
        var p = TVec.Broadcast(2f / 13f);
        p = TVec.MultiplyAdd(p, s2, TVec.Broadcast(2f / 11f));
        p = TVec.MultiplyAdd(p, s2, TVec.Broadcast(2f / 9f));
        p = TVec.MultiplyAdd(p, s2, TVec.Broadcast(2f / 7f));
        p = TVec.MultiplyAdd(p, s2, TVec.Broadcast(2f / 5f));
        p = TVec.MultiplyAdd(p, s2, TVec.Broadcast(2f / 3f));
        p = TVec.MultiplyAdd(p, s2, TVec.Broadcast(2f));
        return p * s;
    }

    /// <summary>The natural log of positive normal floats (row sums of exponentials, at least 1): k ln2 + log1p(m - 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec LogPositive<TVec>(TVec x)
        where TVec : struct, IFloatVector<TVec>
    {
        var mantissa = TVec.SplitExponent(x, out var exponent);
        return TVec.MultiplyAdd(exponent, TVec.Broadcast(0.693147180559945309f), LogOnePlusUnit(mantissa - TVec.Broadcast(1f)));
    }

    /// <summary>
    /// log(1 + x) for x &gt;= 0: the series below 1, where 1 + x would lose x's digits; log(1 + x) above, as
    /// <see cref="LogPositive"/> takes it. Each lane's series argument is chosen first, so the series runs once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec LogOnePlus<TVec>(TVec x)
        where TVec : struct, IFloatVector<TVec>
    {
        var one = TVec.Broadcast(1f);
        var mantissa = TVec.SplitExponent(one + x, out var exponent);
        var zero = TVec.Broadcast(0f);
        var argument = TVec.WhereBelow(x, one, x, mantissa - one);
        return TVec.MultiplyAdd(TVec.WhereBelow(x, one, zero, exponent), TVec.Broadcast(0.693147180559945309f), LogOnePlusUnit(argument));
    }
}
