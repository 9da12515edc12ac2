using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Sparse softmax cross-entropy for whole blocks of 16 rows of 2 to 32 classes, a power of two (AVX-512), with every
/// per-row step in lanes: after the exp pass (shifted by the group's maximum), each block's exponentials are folded into
/// row sums with the label lanes masked out (<see cref="FoldedRows"/>, <see cref="LabelMask"/>), so that
/// lse - z_label = log1p(rest / e_label) as in <see cref="RowBlocks{TVec}.Sparse"/>; then the gradient,
/// e * scale / sum - offset and minus slope at the label, is written over the exponentials while they are in L1.
/// No scalar work per row; each pass is its own loop.
/// </summary>
internal static unsafe class FoldedSparseRows
{
    /// <summary>
    /// Whole blocks of rows (<paramref name="labels"/> a multiple of 16 long, none ignored): each row's loss into
    /// <paramref name="losses"/>; <paramref name="exps"/> (the gradient, which may be the logits, or scratch) gets the
    /// gradient when <paramref name="writeGradient"/>. <paramref name="scratch"/>: 3 floats per row. Memory pinned or on the stack.
    /// </summary>
    public static void Run(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes, float shift, Span<float> exps, bool writeGradient,
        Span<float> losses, Span<float> scratch, float keep, float spread, float scale)
    {
        int rows = labels.Length;
        var labelLogits = scratch.Slice(0, rows);
        var logitSums = scratch.Slice(rows, rows);
        var factors = scratch.Slice(2 * rows, rows);
        if (spread != 0)
        {
            TakeLogits(logits, labels, classes, labelLogits, logitSums);
        }

        RowKernels<Float512>.Exp(logits, shift, exps);
        Losses(exps, labels, classes, losses, factors, labelLogits, logitSums, keep, spread, scale);
        if (writeGradient)
        {
            FoldedGradient.Write(exps, labels, default, classes, factors, scale * spread, scale * keep);
        }
    }

    /// <summary>Label smoothing's terms, read before the exponentials may overwrite the logits: the label's logit and the row sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TakeLogits(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes, Span<float> labelLogits, Span<float> logitSums)
    {
        for (int first = 0; first < labels.Length; first += LabelMask.BlockRows)
        {
            var block = logits.Slice(first * classes, LabelMask.BlockRows * classes);
            Float512.GatherAt(block, LabelIndices(labels, first, classes)).Store(labelLogits, first);
            Float512.Of(FoldedRows.Sum(block, default, classes)).Store(logitSums, first);
        }
    }

    /// <summary>Each row's loss, and its gradient factor scale / sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Losses(
        ReadOnlySpan<float> exps, ReadOnlySpan<int> labels, int classes, Span<float> losses, Span<float> factors,
        ReadOnlySpan<float> labelLogits, ReadOnlySpan<float> logitSums, float keep, float spread, float scale)
    {
        int log2 = BitOperations.Log2((uint)classes);
        float* others = stackalloc float[LabelMask.BlockRows * 32];
        fixed (float* e = exps)
        fixed (int* y = labels)
        {
            for (int first = 0; first < labels.Length; first += LabelMask.BlockRows)
            {
                var label = Vector512.Load(y + first);
                var block = e + (first * classes);
                for (int index = 0; index < classes; index++)
                {
                    Vector512.AndNot(Vector512.Load(block + (16 * index)), LabelMask.Of(label, index, log2, out _)).Store(others + (16 * index));
                }

                var rest = Float512.Of(FoldedRows.Sum(new ReadOnlySpan<float>(others, LabelMask.BlockRows * classes), default, classes));
                var chosen = Float512.GatherAt(new ReadOnlySpan<float>(block, LabelMask.BlockRows * classes), LabelIndices(labels, first, classes));
                var loss = VectorMath.LogOnePlus(rest / chosen);
                if (spread != 0)
                {
                    loss = RowBlocks<Float512>.Smoothed(loss, Float512.Load(labelLogits, first), Float512.Load(logitSums, first), classes, keep, spread);
                }

                loss.Store(losses, first);
                (Float512.Broadcast(scale) / (rest + chosen)).Store(factors, first);
            }
        }
    }

    /// <summary>Lane i: the index of row i's label element in a block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> LabelIndices(ReadOnlySpan<int> labels, int first, int classes) =>
        (LabelMask.Lane * Vector512.Create(classes)) + Vector512.Create(labels.Slice(first, LabelMask.BlockRows));

}
