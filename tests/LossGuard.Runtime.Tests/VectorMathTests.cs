using System;
using System.Runtime.Intrinsics;
using LossGuard.Internal.Simd;
using Xunit;

namespace LossGuard.Runtime.Tests;

/// <summary>The kernels' own exp at both vector widths against Math.Exp: its bound in ulps and its special values.</summary>
public sealed class VectorMathTests
{
    /// <summary>The smallest normal float: e^x below it is 0.</summary>
    private const double SmallestNormal = 1.1754943508222875e-38;

    [Fact]
    public void Exp_of_non_positive_floats_is_within_0_7_ulp_at_both_widths()
    {
        Assert.True(WorstUlps<Float256>() <= 0.7);
        if (Vector512.IsHardwareAccelerated)
        {
            Assert.True(WorstUlps<Float512>() <= 0.7);
        }
    }

    [Fact]
    public void Exp_gives_one_at_zero_zero_below_the_normals_and_for_minus_infinity_and_keeps_NaN()
    {
        Check<Float256>();
        if (Vector512.IsHardwareAccelerated)
        {
            Check<Float512>();
        }

        static void Check<TVec>()
            where TVec : struct, IFloatVector<TVec>
        {
            Assert.Equal(1f, Exp<TVec>(0f));
            Assert.Equal(1f, Exp<TVec>(-0f));
            Assert.Equal(0f, Exp<TVec>(float.NegativeInfinity));
            Assert.Equal(0f, Exp<TVec>(-87.34f));
            Assert.Equal(0f, Exp<TVec>(-104f));
            Assert.Equal(0f, Exp<TVec>(-1e30f));
            Assert.True(float.IsNaN(Exp<TVec>(float.NaN)));
        }
    }

    /// <summary>The largest error in ulps over every 257th float from 0 down to the last normal result (about 4 million).</summary>
    private static double WorstUlps<TVec>()
        where TVec : struct, IFloatVector<TVec>
    {
        uint first = BitConverter.SingleToUInt32Bits(-0f);
        uint last = BitConverter.SingleToUInt32Bits(-87.33f);
        var x = new float[TVec.Count];
        var y = new float[TVec.Count];
        double worst = 0;
        for (uint bits = first; bits <= last; bits += (uint)(257 * TVec.Count))
        {
            for (int lane = 0; lane < TVec.Count; lane++)
            {
                x[lane] = BitConverter.UInt32BitsToSingle(Math.Min(last, bits + (uint)(257 * lane)));
            }

            VectorMath.ExpNonPositive(TVec.Load(x, 0)).Store(y, 0);
            for (int lane = 0; lane < TVec.Count; lane++)
            {
                double exact = Math.Exp(x[lane]);
                Assert.True(exact >= SmallestNormal);
                worst = Math.Max(worst, Math.Abs(y[lane] - exact) / Math.ScaleB(1, Math.ILogB(exact) - 23));
            }
        }

        return worst;
    }

    private static float Exp<TVec>(float x)
        where TVec : struct, IFloatVector<TVec>
    {
        var y = new float[TVec.Count];
        VectorMath.ExpNonPositive(TVec.Broadcast(x)).Store(y, 0);
        return y[0];
    }
}
