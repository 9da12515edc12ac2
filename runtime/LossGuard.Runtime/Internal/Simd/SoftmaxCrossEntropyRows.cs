using System;
using System.Runtime.CompilerServices;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Float softmax cross-entropy rows without class weights: a max pass, an exp pass that writes e^(z - max) into the
/// gradient while summing, and a scale pass over the row still in cache. One read of the logits, one write of the
/// gradient, one exp per logit. A row with an infinite maximum is computed on its limit (<see cref="LimitRow{T}"/>).
/// </summary>
internal readonly ref struct SoftmaxCrossEntropyRows<TVec>
    where TVec : struct, IFloatVector<TVec>
{
    private readonly double keep;
    private readonly double spread;
    private readonly double scale;

    public SoftmaxCrossEntropyRows(int classes, double labelSmoothing, double scale)
    {
        keep = 1.0 - labelSmoothing;
        spread = labelSmoothing / classes;
        this.scale = scale;
    }

    /// <summary>One row against class <paramref name="label"/>; returns its loss. <paramref name="next"/>, <paramref name="nextGradient"/>: the next row and its gradient, to prefetch (<see cref="RowKernels{TVec}.SumExp"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Sparse(ReadOnlySpan<float> z, int label, Span<float> gradient, ReadOnlySpan<float> next = default, ReadOnlySpan<float> nextGradient = default)
    {
        float max = RowKernels<TVec>.Max(z);
        if (float.IsInfinity(max))
        {
            using var limit = new LimitRow<float>(z, max);
            return Sparse(limit.Row, label, gradient);
        }

        double target = z[label];
        double sum = spread != 0 ? RowKernels<TVec>.Sum(z, default) : 0;
        double total = RowKernels<TVec>.SumExp(z, max, gradient, next, nextGradient);
        double lse = max + Math.Log(total);
        if (!gradient.IsEmpty)
        {
            RowKernels<TVec>.ScaleAndShift(gradient, (float)(scale / total), (float)(scale * spread), default, 0);
            gradient[label] -= (float)(scale * keep);
        }

        return (keep * (lse - target)) + (spread * ((z.Length * lse) - sum));
    }

    /// <summary>One row against a target distribution <paramref name="t"/>; returns its loss. <paramref name="next"/>, <paramref name="nextGradient"/>: as in <see cref="Sparse"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Dense(ReadOnlySpan<float> z, ReadOnlySpan<float> t, Span<float> gradient, ReadOnlySpan<float> next = default, ReadOnlySpan<float> nextGradient = default)
    {
        float max = RowKernels<TVec>.MaxAndTargetSums(z, t, spread != 0, out double targetSum, out double productSum, out double logitSum);
        if (float.IsInfinity(max))
        {
            using var limit = new LimitRow<float>(z, max);
            return Dense(limit.Row, t, gradient);
        }

        double mass = (keep * targetSum) + (spread * z.Length);
        double weighted = (keep * productSum) + (spread * logitSum);
        double total = RowKernels<TVec>.SumExp(z, max, gradient, next, nextGradient);
        if (!gradient.IsEmpty)
        {
            RowKernels<TVec>.ScaleAndShift(gradient, (float)(scale * mass / total), (float)(scale * spread), t, (float)(scale * keep));
        }

        return ((max + Math.Log(total)) * mass) - weighted;
    }
}
