using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Softmax cross-entropy for whole blocks of 16 rows of two classes (AVX-512), in closed form: with d = z1 - z0,
/// log(e^z0 + e^z1) = max(z0, z1) + log1p(e), e = e^-|d|, and the softmax is (1 - sigmoid(d), sigmoid(d)), so a row
/// costs one exp, one log1p and one division, against the max, exp and fold passes of <see cref="FoldedSparseRows"/>.
/// A block's pairs are split into a vector of first and one of second classes, and the gradient merged back, by permutes.
/// The logits are finite (the caller's group check); the gradient, e * factor - offset - slope * target, is the one of
/// <see cref="FoldedGradient"/>.
/// </summary>
internal static unsafe class BinaryRows
{
    /// <summary>Rows with class indices: lse - z_label = softplus(z_other - z_label), exact for a confident row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sparse(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, Span<float> gradient, bool writeGradient, Span<float> losses,
        float keep, float spread, float scale)
    {
        var zero = Float512.Broadcast(0f);
        var minusOffset = Float512.Broadcast(-scale * spread);
        var slope = Float512.Broadcast(scale * keep);
        fixed (float* z = logits)
        fixed (int* y = labels)
        fixed (float* g = gradient)
        {
            for (int first = 0; first < labels.Length; first += BlockRows.Count)
            {
                Split(z + (2 * first), out var z0, out var z1);
                var second = Vector512.Equals(Vector512.Load(y + first), Vector512<int>.One).AsSingle();
                var labelLogit = Vector512.ConditionalSelect(second, z1, z0);
                var d = Float512.Of(Vector512.ConditionalSelect(second, z0, z1) - labelLogit);
                var e = VectorMath.ExpNonPositive(zero - Float512.Abs(d));
                var loss = Float512.Max(d, zero) + VectorMath.LogOnePlusUnit(e);
                if (spread != 0)
                {
                    loss = RowBlocks<Float512>.Smoothed(loss, Float512.Of(labelLogit), Float512.Of(z0 + z1), 2, keep, spread);
                }

                loss.Store(losses, first);
                if (writeGradient)
                {
                    Softmax(d, e, Float512.Broadcast(scale), out var mine, out var other);
                    var atLabel = mine + minusOffset - slope;
                    other += minusOffset;
                    Merge(
                        Vector512.ConditionalSelect(second, other.Lanes, atLabel.Lanes),
                        Vector512.ConditionalSelect(second, atLabel.Lanes, other.Lanes),
                        g + (2 * first));
                }
            }
        }
    }

    /// <summary>Rows with target distributions: (max + log1p(e)) mass - the sum of z times the smoothed targets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dense(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, Span<float> gradient, bool writeGradient, Span<float> losses,
        float keep, float spread, float scale)
    {
        var zero = Float512.Broadcast(0f);
        var keepVector = Float512.Broadcast(keep);
        var spreadVector = Float512.Broadcast(spread);
        var spreadMass = Float512.Broadcast(2 * spread);
        var minusOffset = Float512.Broadcast(-scale * spread);
        var minusSlope = Float512.Broadcast(-scale * keep);
        fixed (float* z = logits)
        fixed (float* t = targets)
        fixed (float* g = gradient)
        {
            for (int first = 0; first < losses.Length; first += BlockRows.Count)
            {
                Split(z + (2 * first), out var z0Lanes, out var z1Lanes);
                Split(t + (2 * first), out var t0Lanes, out var t1Lanes);
                Float512 z0 = Float512.Of(z0Lanes), z1 = Float512.Of(z1Lanes), t0 = Float512.Of(t0Lanes), t1 = Float512.Of(t1Lanes);
                var d = z1 - z0;
                var e = VectorMath.ExpNonPositive(zero - Float512.Abs(d));
                var lse = Float512.Max(z0, z1) + VectorMath.LogOnePlusUnit(e);
                var mass = Float512.MultiplyAdd(keepVector, t0 + t1, spreadMass);
                var weighted = keepVector * Float512.MultiplyAdd(t1, z1, t0 * z0);
                weighted = spread == 0 ? weighted : Float512.MultiplyAdd(spreadVector, z0 + z1, weighted);
                ((lse * mass) - weighted).Store(losses, first);
                if (writeGradient)
                {
                    Softmax(d, e, Float512.Broadcast(scale) * mass, out var firstClass, out var second);
                    Merge(
                        Float512.MultiplyAdd(t0, minusSlope, firstClass + minusOffset).Lanes,
                        Float512.MultiplyAdd(t1, minusSlope, second + minusOffset).Lanes,
                        g + (2 * first));
                }
            }
        }
    }

    /// <summary>
    /// factor times the softmax of a row whose logits differ by d (e = e^-|d|): <paramref name="of"/> for the logit d
    /// above the other, <paramref name="ofOther"/> for the other, each a sigmoid of d, never 1 - a sigmoid.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Softmax(Float512 d, Float512 e, Float512 factor, out Float512 ofOther, out Float512 of)
    {
        var share = factor / (Float512.Broadcast(1f) + e);
        of = Float512.SelectBySign(d, share, share * e);
        ofOther = Float512.SelectBySign(d, share * e, share);
    }

    /// <summary>The first and the second elements of 16 pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Split(float* pairs, out Vector512<float> firsts, out Vector512<float> seconds)
    {
        var evens = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        var a = Vector512.Load(pairs);
        var b = Vector512.Load(pairs + 16);
        firsts = Avx512F.PermuteVar16x32x2(a, evens, b);
        seconds = Avx512F.PermuteVar16x32x2(a, evens + Vector512<int>.One, b);
    }

    /// <summary>16 pairs back from their first and second elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Merge(Vector512<float> firsts, Vector512<float> seconds, float* pairs)
    {
        var low = Vector512.Create(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
        Avx512F.PermuteVar16x32x2(firsts, low, seconds).Store(pairs);
        Avx512F.PermuteVar16x32x2(firsts, low + Vector512.Create(8), seconds).Store(pairs + 16);
    }
}
