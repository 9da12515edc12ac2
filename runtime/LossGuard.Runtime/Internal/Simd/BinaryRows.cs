using System;
using System.Runtime.CompilerServices;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Softmax cross-entropy for whole blocks of <c>TVec.Count</c> rows of two classes (16 with AVX-512, 8 with AVX2), in
/// closed form: with d = z1 - z0, log(e^z0 + e^z1) = max(z0, z1) + log1p(e), e = e^-|d|, and the softmax is
/// (1 - sigmoid(d), sigmoid(d)), so a row costs one exp, one log1p and one division, against the max, exp and fold passes
/// of <see cref="FoldedSparseRows"/> (AVX-512) or the gathers of <see cref="RowBlocks{TVec}"/> (AVX2). A block's pairs are
/// split into a vector of first and one of second classes, and the gradient merged back, by permutes
/// (<see cref="IFloatVector{TSelf}.SplitPairs"/>). The logits are finite (the caller's group check); the gradient,
/// e * factor - offset - slope * target, is the one of <see cref="FoldedGradient"/>.
/// </summary>
internal static class BinaryRows<TVec>
    where TVec : struct, IFloatVector<TVec>
{
    /// <summary>Rows with class indices: lse - z_label = softplus(z_other - z_label), exact for a confident row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sparse(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, Span<float> gradient, bool writeGradient, Span<float> losses,
        float keep, float spread, float scale)
    {
        var zero = TVec.Broadcast(0f);
        var half = TVec.Broadcast(0.5f);
        var minusOffset = TVec.Broadcast(-scale * spread);
        var slope = TVec.Broadcast(scale * keep);
        for (int first = 0; first < labels.Length; first += TVec.Count)
        {
            TVec.SplitPairs(logits, 2 * first, out var z0, out var z1);

            // Label 0 is below one half, label 1 is not.
            var label = TVec.LoadIntegers(labels, first);
            var labelLogit = TVec.WhereBelow(label, half, z0, z1);
            var d = TVec.WhereBelow(label, half, z1, z0) - labelLogit;
            var e = VectorMath.ExpNonPositive(zero - TVec.Abs(d));
            var loss = TVec.Max(d, zero) + VectorMath.LogOnePlusUnit(e);
            if (spread != 0)
            {
                loss = RowBlocks<TVec>.Smoothed(loss, labelLogit, z0 + z1, 2, keep, spread);
            }

            loss.Store(losses, first);
            if (writeGradient)
            {
                Softmax(d, e, TVec.Broadcast(scale), out var mine, out var other);
                var atLabel = mine + minusOffset - slope;
                other += minusOffset;
                TVec.MergePairs(TVec.WhereBelow(label, half, atLabel, other), TVec.WhereBelow(label, half, other, atLabel), gradient, 2 * first);
            }
        }
    }

    /// <summary>Rows with target distributions: (max + log1p(e)) mass - the sum of z times the smoothed targets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dense(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, Span<float> gradient, bool writeGradient, Span<float> losses,
        float keep, float spread, float scale)
    {
        var zero = TVec.Broadcast(0f);
        var keepVector = TVec.Broadcast(keep);
        var spreadVector = TVec.Broadcast(spread);
        var spreadMass = TVec.Broadcast(2 * spread);
        var minusOffset = TVec.Broadcast(-scale * spread);
        var minusSlope = TVec.Broadcast(-scale * keep);
        for (int first = 0; first < losses.Length; first += TVec.Count)
        {
            TVec.SplitPairs(logits, 2 * first, out var z0, out var z1);
            TVec.SplitPairs(targets, 2 * first, out var t0, out var t1);
            var d = z1 - z0;
            var e = VectorMath.ExpNonPositive(zero - TVec.Abs(d));
            var lse = TVec.Max(z0, z1) + VectorMath.LogOnePlusUnit(e);
            var mass = TVec.MultiplyAdd(keepVector, t0 + t1, spreadMass);
            var weighted = keepVector * TVec.MultiplyAdd(t1, z1, t0 * z0);
            weighted = spread == 0 ? weighted : TVec.MultiplyAdd(spreadVector, z0 + z1, weighted);
            ((lse * mass) - weighted).Store(losses, first);
            if (writeGradient)
            {
                Softmax(d, e, TVec.Broadcast(scale) * mass, out var firstClass, out var second);
                TVec.MergePairs(
                    TVec.MultiplyAdd(t0, minusSlope, firstClass + minusOffset),
                    TVec.MultiplyAdd(t1, minusSlope, second + minusOffset),
                    gradient,
                    2 * first);
            }
        }
    }

    /// <summary>
    /// factor times the softmax of a row whose logits differ by d (e = e^-|d|): <paramref name="of"/> for the logit d
    /// above the other, <paramref name="ofOther"/> for the other, each a sigmoid of d, never 1 - a sigmoid.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Softmax(TVec d, TVec e, TVec factor, out TVec ofOther, out TVec of)
    {
        var share = factor / (TVec.Broadcast(1f) + e);
        of = TVec.SelectBySign(d, share, share * e);
        ofOther = TVec.SelectBySign(d, share * e, share);
    }
}
