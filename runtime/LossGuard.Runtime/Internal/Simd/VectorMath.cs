using System.Runtime.CompilerServices;

namespace LossGuard.Internal.Simd;

/// <summary>Float exp and log1p for the ranges the kernels need, about 1 ulp, without widening to double.</summary>
internal static class VectorMath
{
    private const float Log2E = 1.44269504088896341f;

    // ln 2 split in two so that n * Ln2High is exact for the n that occur (Cody-Waite reduction).
    private const float Ln2High = 0.693359375f;
    private const float Ln2Low = -2.12194440e-4f;

    // Below this, e^x is under the smallest normal float: the result is 0 (flushing the subnormals changes no sum).
    private const float Underflow = -87.33654f;

    /// <summary>
    /// e^x for x &lt;= 0 (the shifted logits of a softmax, -|x| of a sigmoid); NaN stays NaN, -inf gives 0. Reduction to
    /// r in [-ln2/2, ln2/2] with x = n ln2 + r, a degree-7 polynomial for e^r, then the exponent field gets n.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec ExpNonPositive<TVec>(TVec x)
        where TVec : struct, IFloatVector<TVec>
    {
        var n = TVec.Floor(TVec.MultiplyAdd(x, TVec.Broadcast(Log2E), TVec.Broadcast(0.5f)));
        var r = TVec.MultiplyAdd(n, TVec.Broadcast(-Ln2High), x);
        r = TVec.MultiplyAdd(n, TVec.Broadcast(-Ln2Low), r);
        var p = TVec.Broadcast(1.9875691500e-4f);
        p = TVec.MultiplyAdd(p, r, TVec.Broadcast(1.3981999507e-3f));
        p = TVec.MultiplyAdd(p, r, TVec.Broadcast(8.3334519073e-3f));
        p = TVec.MultiplyAdd(p, r, TVec.Broadcast(4.1665795894e-2f));
        p = TVec.MultiplyAdd(p, r, TVec.Broadcast(1.6666665459e-1f));
        p = TVec.MultiplyAdd(p, r, TVec.Broadcast(5.0000001201e-1f));
        p = TVec.MultiplyAdd(p * r, r, r) + TVec.Broadcast(1f);
        // n < -126 only where x < Underflow, whose lanes the select below replaces.
        var scaled = TVec.ScaleByPowerOfTwo(p, n);
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
