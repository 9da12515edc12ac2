using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Sparse softmax cross-entropy for whole blocks of 16 rows of 2 to 32 classes (AVX-512), with every
/// per-row step in lanes: 2 classes in closed form (<see cref="BinaryRows{TVec}"/>); 4 to 32 with the rows read as
/// columns (<see cref="TransposedSparseRows"/>); 3 classes: after the exp pass (shifted by the group's maximum), each block's exponentials are folded into
/// row sums with the label lanes masked out (<see cref="IBlockRows"/>), so that
/// lse - z_label = log1p(rest / e_label) as in <see cref="RowBlocks{TVec}.Sparse"/>; then the gradient,
/// e * scale / sum - offset and minus slope at the label, is written over the exponentials while they are in L1.
/// No scalar work per row; each pass is its own loop.
/// </summary>
internal static unsafe class FoldedSparseRows
{
    /// <summary>
    /// Whole blocks of rows (<paramref name="labels"/> a multiple of 16 long, none ignored): each row's loss into
    /// <paramref name="losses"/>; <paramref name="exps"/> (the gradient, which may be the logits, or scratch) gets the
    /// gradient when <paramref name="writeGradient"/>. <paramref name="scratch"/>: 4 floats per row; <paramref name="columns"/>:
    /// <see cref="TransposedRows.ScratchFloats"/> when the gradient is written. Memory pinned or on the stack.
    /// </summary>
    public static void Run(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes, float shift, Span<float> exps, bool writeGradient,
        Span<float> losses, Span<float> scratch, Span<float> columns, float keep, float spread, float scale)
    {
        if (classes == 2)
        {
            BinaryRows<Float512>.Sparse(logits, labels, exps, writeGradient, losses, keep, spread, scale);
            return;
        }

        int rows = labels.Length;
        var labelLogits = scratch.Slice(0, rows);
        var logitSums = scratch.Slice(rows, rows);
        var factors = scratch.Slice(2 * rows, rows);
        if (TransposedRows.Handles(classes))
        {
            // Rows as lanes: the sums straight from the logits (the rests into the factors), and the gradient in the
            // same pass, so a forward call writes no exponentials and a gradient has no pass of its own.
            var chosen = scratch.Slice(3 * rows, rows);
            TransposedSparseRows.RowSums(
                logits, labels, classes, shift, writeGradient ? exps : default, spread != 0, chosen, factors, labelLogits, logitSums, columns, keep, spread, scale);
            Losses(chosen, losses, factors, labelLogits, logitSums, classes, keep, spread, scale);
            return;
        }

        // Three classes.
        Folded(new PaddedBlocks(classes), logits, labels, shift, exps, losses, factors, labelLogits, logitSums, keep, spread, scale);
        if (writeGradient)
        {
            FoldedGradient.Write(exps, labels, default, classes, factors, scale * spread, scale * keep);
        }
    }

    /// <summary>The exp pass, then the losses from each block folded (<see cref="IBlockRows"/>).</summary>
    private static void Folded<TBlocks>(
        TBlocks blocks, ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, float shift, Span<float> exps, Span<float> losses, Span<float> factors,
        Span<float> labelLogits, Span<float> logitSums, float keep, float spread, float scale)
        where TBlocks : struct, IBlockRows
    {
        if (spread != 0)
        {
            TakeLogits(blocks, logits, labels, labelLogits, logitSums);
        }

        RowKernels<Float512>.Exp(logits, shift, exps);
        Losses(blocks, exps, labels, losses, factors, labelLogits, logitSums, keep, spread, scale);
    }

    /// <summary>Label smoothing's terms, read before the exponentials may overwrite the logits: the label's logit and the row sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TakeLogits<TBlocks>(TBlocks blocks, ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, Span<float> labelLogits, Span<float> logitSums)
        where TBlocks : struct, IBlockRows
    {
        int classes = blocks.Classes;
        Span<float> padded = stackalloc float[BlockRows.PaddedFloats];
        for (int first = 0; first < labels.Length; first += BlockRows.Count)
        {
            var block = logits.Slice(first * classes, BlockRows.Count * classes);
            Float512.GatherAt(block, LabelIndices(labels, first, classes)).Store(labelLogits, first);
            Float512.Of(blocks.RowSums(block, default, padded)).Store(logitSums, first);
        }
    }

    /// <summary>
    /// Each row's loss, and its gradient factor scale / sum: the sums beside the labels first (into
    /// <paramref name="factors"/>), then the losses from them in a loop of their own, so that neither loop exceeds what
    /// the JIT inlines.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Losses<TBlocks>(
        TBlocks blocks, ReadOnlySpan<float> exps, ReadOnlySpan<int> labels, Span<float> losses, Span<float> factors,
        ReadOnlySpan<float> labelLogits, ReadOnlySpan<float> logitSums, float keep, float spread, float scale)
        where TBlocks : struct, IBlockRows
    {
        int classes = blocks.Classes;
        Rests(blocks, exps, labels, factors);
        for (int first = 0; first < labels.Length; first += BlockRows.Count)
        {
            var chosen = Float512.GatherAt(exps.Slice(first * classes, BlockRows.Count * classes), LabelIndices(labels, first, classes));
            Loss(first, chosen, losses, factors, labelLogits, logitSums, classes, keep, spread, scale);
        }
    }

    /// <summary>Each row's loss and gradient factor from the label's exponential and the rest's sum (which <paramref name="factors"/> holds on entry).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Losses(
        ReadOnlySpan<float> chosen, Span<float> losses, Span<float> factors, ReadOnlySpan<float> labelLogits, ReadOnlySpan<float> logitSums,
        int classes, float keep, float spread, float scale)
    {
        for (int first = 0; first < losses.Length; first += BlockRows.Count)
        {
            Loss(first, Float512.Load(chosen, first), losses, factors, labelLogits, logitSums, classes, keep, spread, scale);
        }
    }

    /// <summary>
    /// Block <paramref name="first"/>'s losses, log1p(rest / chosen) (smoothed), and factors scale / (rest + chosen), with
    /// rest read from <paramref name="factors"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Loss(
        int first, Float512 chosen, Span<float> losses, Span<float> factors, ReadOnlySpan<float> labelLogits, ReadOnlySpan<float> logitSums,
        int classes, float keep, float spread, float scale)
    {
        var rest = Float512.Load(factors, first);
        var loss = VectorMath.LogOnePlus(rest / chosen);
        if (spread != 0)
        {
            loss = RowBlocks<Float512>.Smoothed(loss, Float512.Load(labelLogits, first), Float512.Load(logitSums, first), classes, keep, spread);
        }

        loss.Store(losses, first);
        (Float512.Broadcast(scale) / (rest + chosen)).Store(factors, first);
    }

    /// <summary>Each row's sum of the exponentials beside its label's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rests<TBlocks>(TBlocks blocks, ReadOnlySpan<float> exps, ReadOnlySpan<int> labels, Span<float> rests)
        where TBlocks : struct, IBlockRows
    {
        int classes = blocks.Classes;
        float* others = stackalloc float[BlockRows.PaddedFloats];
        Span<float> padded = stackalloc float[BlockRows.PaddedFloats];
        fixed (float* e = exps)
        fixed (int* y = labels)
        {
            for (int first = 0; first < labels.Length; first += BlockRows.Count)
            {
                var rest = blocks.RowSumsBesideLabels(
                    new ReadOnlySpan<float>(e + (first * classes), BlockRows.Count * classes), Vector512.Load(y + first),
                    new Span<float>(others, BlockRows.PaddedFloats), padded);
                Float512.Of(rest).Store(rests, first);
            }
        }
    }

    /// <summary>Lane i: the index of row i's label element in a block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> LabelIndices(ReadOnlySpan<int> labels, int first, int classes) =>
        (BlockRows.Lane * Vector512.Create(classes)) + Vector512.Create(labels.Slice(first, BlockRows.Count));

}
