using System;
using System.Runtime.CompilerServices;

namespace LossGuard.Internal.Simd;

/// <summary>
/// The per-row quantities of a group of short rows (row sums, losses, the gradient's scale), a block of
/// <c>TVec.Count</c> rows at a time with one row per lane (<see cref="IFloatVector{TSelf}.RowSums"/>), so no row needs
/// scalar work beyond taking out and putting back the label's element.
/// </summary>
internal readonly ref struct RowBlocks<TVec>
    where TVec : struct, IFloatVector<TVec>
{
    /// <summary>The floats of scratch the caller provides: seven per-row arrays, padded to whole vectors.</summary>
    public const int Scratch = 7 * PerRow;

    private const int PerRow = ShortRows<TVec>.GroupRows + 16;

    private readonly int rows;
    private readonly int classes;
    private readonly float spread;
    private readonly ReadOnlySpan<int> labels;

    /// <summary>The labels as floats, to compare with class numbers in lanes.</summary>
    private readonly Span<float> labelValues;

    /// <summary>Sparse rows with label smoothing: the label's logit; dense rows: the sum of logit times target.</summary>
    private readonly Span<float> targetLogits;

    private readonly Span<float> logitSums;
    private readonly Span<float> targetSums;
    private readonly Span<float> factors;
    private readonly Span<float> losses;

    /// <summary>Sparse rows: the exponential at the label.</summary>
    private readonly Span<float> chosen;

    public RowBlocks(int rows, int classes, ReadOnlySpan<int> labels, float spread, Span<float> scratch)
    {
        this.rows = rows;
        this.classes = classes;
        this.labels = labels;
        this.spread = spread;
        labelValues = scratch.Slice(0, PerRow);
        targetLogits = scratch.Slice(PerRow, PerRow);
        logitSums = scratch.Slice(2 * PerRow, PerRow);
        targetSums = scratch.Slice(3 * PerRow, PerRow);
        factors = scratch.Slice(4 * PerRow, PerRow);
        losses = scratch.Slice(5 * PerRow, PerRow);
        chosen = scratch.Slice(6 * PerRow, PerRow);
        int row = 0;
        for (; row <= labels.Length - TVec.Count; row += TVec.Count)
        {
            TVec.LoadIntegers(labels, row).Store(labelValues, row);
        }

        for (; row < labels.Length; row++)
        {
            labelValues[row] = labels[row];
        }

        // Lanes past the last row gather at these labels too.
        labelValues.Slice(labels.Length, TVec.Count).Clear();
    }

    /// <summary>What the losses need from the logits themselves (sums of logits, and of logits times targets).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void TakeLogitSums(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets)
    {
        bool dense = !targets.IsEmpty;
        for (int first = 0; first < rows; first += TVec.Count)
        {
            int lanes = Math.Min(TVec.Count, rows - first);
            if (spread != 0)
            {
                TVec.RowSums(logits, first, classes, lanes).Store(logitSums, first);
            }

            if (dense)
            {
                TVec.ProductAndWeightSums(logits, targets, first, classes, lanes, out var targetSum).Store(targetLogits, first);
                targetSum.Store(targetSums, first);
            }
            else
            {
                TVec.GatherColumn(logits, first * classes, classes, lanes, TVec.Load(labelValues, first)).Store(targetLogits, first);
            }
        }
    }

    /// <summary>
    /// Row losses from the exponentials: lse - z_label = log1p(rest / e_label), with rest the sum of the other classes'
    /// exponentials, which keeps a confident row's small loss exact (and a one-class row's loss 0). The label's
    /// exponential is taken out of <paramref name="exps"/> (set to 0) to sum the rest; <see cref="ScaleGradient"/> puts
    /// its gradient back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<float> Sparse(Span<float> exps, float keep, float scale, bool writeGradient)
    {
        for (int first = 0; first < rows; first += TVec.Count)
        {
            int lanes = Math.Min(TVec.Count, rows - first);
            TVec.GatherColumn(exps, first * classes, classes, lanes, TVec.Load(labelValues, first)).Store(chosen, first);
        }

        for (int row = 0; row < rows; row++)
        {
            exps[(row * classes) + labels[row]] = 0f;
        }

        for (int first = 0; first < rows; first += TVec.Count)
        {
            int lanes = Math.Min(TVec.Count, rows - first);
            var rest = TVec.RowSums(exps, first, classes, lanes);
            var mine = TVec.Load(chosen, first);
            var loss = VectorMath.LogOnePlus(rest / mine);
            if (spread != 0)
            {
                loss = Smoothed(loss, TVec.Load(targetLogits, first), TVec.Load(logitSums, first), classes, keep, spread);
            }

            loss.Store(losses, first);
            if (writeGradient)
            {
                (TVec.Broadcast(scale) / (rest + mine)).Store(factors, first);
            }
        }

        return losses.Slice(0, rows);
    }

    /// <summary>The most vectors <see cref="SpreadPeriod"/> gives: rows of up to 32 classes.</summary>
    private const int MaxPeriod = ShortRows<TVec>.MaxClasses;

    /// <summary>Vectors until a vector starts at a row's first element again: classes / gcd(classes, lanes).</summary>
    private static int SpreadPeriod(int classes)
    {
        int a = classes;
        int b = TVec.Count;
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return classes / a;
    }

    /// <summary>
    /// Sparse row losses with label smoothing, from lse - z_label: keep (lse - z_label) + spread times the sum over c of
    /// (lse - z_c) = classes (lse - z_label) + (classes z_label - sum of z).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Smoothed(TVec loss, TVec labelLogit, TVec logitSum, int classes, float keep, float spread)
    {
        var count = TVec.Broadcast(classes);
        var spreadLoss = TVec.MultiplyAdd(count, loss, TVec.MultiplyAdd(count, labelLogit, logitSum * TVec.Broadcast(-1f)));
        return TVec.MultiplyAdd(TVec.Broadcast(keep), loss, TVec.Broadcast(spread) * spreadLoss);
    }

    /// <summary>Row losses against target distributions: (max + log sum) mass - sum of z times the smoothed targets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<float> Dense(ReadOnlySpan<float> exps, float max, float keep, float scale, bool writeGradient)
    {
        for (int first = 0; first < rows; first += TVec.Count)
        {
            var sum = TVec.RowSums(exps, first, classes, Math.Min(TVec.Count, rows - first));
            var logitSum = spread == 0 ? default : TVec.Load(logitSums, first);
            DenseLoss(sum, max, TVec.Load(targetSums, first), TVec.Load(targetLogits, first), logitSum, classes, keep, spread, scale, out var factor)
                .Store(losses, first);
            if (writeGradient)
            {
                factor.Store(factors, first);
            }
        }

        return losses.Slice(0, rows);
    }

    /// <summary>
    /// Dense row losses from the row sums of the exponentials: (max + log sum) mass - sum of z times the smoothed targets,
    /// with mass the smoothed targets' sum; <paramref name="factor"/> = scale * mass / sum, the gradient's factor.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec DenseLoss(
        TVec sum, float max, TVec targetSum, TVec targetLogit, TVec logitSum, int classes, float keep, float spread, float scale, out TVec factor)
    {
        var keepVector = TVec.Broadcast(keep);
        var lse = TVec.Broadcast(max) + VectorMath.LogPositive(sum);
        var mass = TVec.MultiplyAdd(keepVector, targetSum, TVec.Broadcast(spread * classes));
        var weighted = keepVector * targetLogit;
        weighted = spread == 0 ? weighted : TVec.MultiplyAdd(TVec.Broadcast(spread), logitSum, weighted);
        factor = TVec.Broadcast(scale) * mass / sum;
        return (lse * mass) - weighted;
    }

    /// <summary>
    /// Turns the exponentials into the gradient: e times the row's factor, minus <paramref name="offset"/>, minus
    /// <paramref name="slope"/> times the target (dense) or at the label (sparse). The factors reach the elements by a
    /// permute whose indices repeat every <see cref="SpreadPeriod"/> vectors, so they are worked out once per call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ScaleGradient(Span<float> exps, ReadOnlySpan<float> targets, float offset, float slope)
    {
        bool dense = !targets.IsEmpty;
        var minusOffset = TVec.Broadcast(-offset);
        var minusSlope = TVec.Broadcast(-slope);
        int length = rows * classes;
        int period = SpreadPeriod(classes);
        Span<int> firstRows = stackalloc int[MaxPeriod];
        Span<int> indices = stackalloc int[MaxPeriod * TVec.Count];
        for (int k = 0; k < period; k++)
        {
            int start = k * TVec.Count;
            firstRows[k] = start / classes;
            for (int lane = 0; lane < TVec.Count; lane++)
            {
                indices[start + lane] = ((start + lane) / classes) - firstRows[k];
            }
        }

        int periodRows = period * TVec.Count / classes;
        int i = 0;
        int step = 0;
        int rowBase = 0;
        for (; i <= length - TVec.Count; i += TVec.Count)
        {
            var factor = TVec.Permute(factors, rowBase + firstRows[step], indices, step * TVec.Count);
            var gradient = TVec.MultiplyAdd(TVec.Load(exps, i), factor, minusOffset);
            if (dense)
            {
                gradient = TVec.MultiplyAdd(TVec.Load(targets, i), minusSlope, gradient);
            }

            gradient.Store(exps, i);
            if (++step == period)
            {
                step = 0;
                rowBase += periodRows;
            }
        }

        for (; i < length; i++)
        {
            exps[i] = (exps[i] * factors[i / classes]) - offset - (dense ? slope * targets[i] : 0f);
        }

        for (int row = 0; row < labels.Length; row++)
        {
            exps[(row * classes) + labels[row]] = MathF.FusedMultiplyAdd(chosen[row], factors[row], -offset) - slope;
        }
    }
}
