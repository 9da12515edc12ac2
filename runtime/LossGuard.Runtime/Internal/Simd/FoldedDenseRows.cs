using System;
using System.Runtime.CompilerServices;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Dense softmax cross-entropy for whole blocks of 16 rows of 2 to 32 classes (AVX-512), each per-row
/// quantity one lane: 2 classes in closed form (<see cref="BinaryRows{TVec}"/>); 4 to 32 with the rows read as columns
/// (<see cref="TransposedDenseRows"/>); 3 with the rows padded and folded (<see cref="IBlockRows"/>): the targets' and the
/// logits-times-targets' row sums, the exp pass (shifted by the group's maximum), the losses as
/// <see cref="RowBlocks{TVec}.DenseLoss"/> takes them, then the gradient (<see cref="FoldedGradient"/>).
/// </summary>
internal static class FoldedDenseRows
{
    /// <summary>
    /// Whole blocks of rows (a multiple of 16): each row's loss into <paramref name="losses"/>; <paramref name="exps"/>
    /// (the gradient, which may be the logits, or scratch) gets the gradient when <paramref name="writeGradient"/>.
    /// <paramref name="scratch"/>: 4 floats per row; <paramref name="columns"/>: <see cref="TransposedRows.ScratchFloats"/>
    /// when the gradient is written. Memory pinned or on the stack.
    /// </summary>
    public static void Run(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int classes, float shift, Span<float> exps, bool writeGradient,
        Span<float> losses, Span<float> scratch, Span<float> columns, float keep, float spread, float scale)
    {
        if (classes == 2)
        {
            BinaryRows<Float512>.Dense(logits, targets, exps, writeGradient, losses, keep, spread, scale);
        }
        else if (TransposedRows.Handles(classes))
        {
            Transposed(logits, targets, classes, shift, exps, writeGradient, losses, scratch, columns, keep, spread, scale);
        }
        else
        {
            // Three classes.
            Run(new PaddedBlocks(classes), logits, targets, shift, exps, writeGradient, losses, scratch, keep, spread, scale);
        }
    }

    private static void Run<TBlocks>(
        TBlocks blocks, ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, float shift, Span<float> exps, bool writeGradient,
        Span<float> losses, Span<float> scratch, float keep, float spread, float scale)
        where TBlocks : struct, IBlockRows
    {
        int classes = blocks.Classes;
        int rows = logits.Length / classes;
        var targetSums = scratch.Slice(0, rows);
        var products = scratch.Slice(rows, rows);
        var logitSums = scratch.Slice(2 * rows, rows);
        var factors = scratch.Slice(3 * rows, rows);
        RowSums(blocks, targets, default, targetSums);
        RowSums(blocks, logits, targets, products);
        if (spread != 0)
        {
            RowSums(blocks, logits, default, logitSums);
        }

        RowKernels<Float512>.Exp(logits, shift, exps);
        // Padded blocks' folds are made in registers: one loop with the fold and the losses exceeds what the JIT
        // inlines, so the sums go to the factors first and the losses follow in a loop of their own.
        RowSums(blocks, exps, default, factors);
        Losses(classes, shift, targetSums, products, logitSums, losses, factors, keep, spread, scale);
        if (writeGradient)
        {
            FoldedGradient.Write(exps, default, targets, classes, factors, scale * spread, scale * keep);
        }
    }

    /// <summary>
    /// Rows as lanes (<see cref="TransposedDenseRows"/>): the sums straight from the logits and targets, and the gradient
    /// in the same pass, so a forward call writes no exponentials and a gradient has no pass of its own.
    /// </summary>
    private static void Transposed(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int classes, float shift, Span<float> exps, bool writeGradient,
        Span<float> losses, Span<float> scratch, Span<float> columns, float keep, float spread, float scale)
    {
        int rows = losses.Length;
        var targetSums = scratch.Slice(0, rows);
        var products = scratch.Slice(rows, rows);
        var logitSums = scratch.Slice(2 * rows, rows);
        var factors = scratch.Slice(3 * rows, rows);
        TransposedDenseRows.RowSums(
            logits, targets, classes, shift, writeGradient ? exps : default, spread != 0, factors, targetSums, products, logitSums, columns, keep, spread, scale);
        Losses(classes, shift, targetSums, products, logitSums, losses, factors, keep, spread, scale);
    }

    /// <summary>Per row: the sum of source, or of source times weights when they are given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowSums<TBlocks>(TBlocks blocks, ReadOnlySpan<float> source, ReadOnlySpan<float> weights, Span<float> sums)
        where TBlocks : struct, IBlockRows
    {
        int classes = blocks.Classes;
        Span<float> padded = stackalloc float[BlockRows.PaddedFloats];
        int blockElements = BlockRows.Count * classes;
        for (int first = 0; first < sums.Length; first += BlockRows.Count)
        {
            var block = source.Slice(first * classes, blockElements);
            var weightBlock = weights.IsEmpty ? default : weights.Slice(first * classes, blockElements);
            Float512.Of(blocks.RowSums(block, weightBlock, padded)).Store(sums, first);
        }
    }

    /// <summary>The losses from the row sums of the exponentials, which <paramref name="factors"/> holds on entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Losses(
        int classes, float shift, ReadOnlySpan<float> targetSums, ReadOnlySpan<float> products, ReadOnlySpan<float> logitSums,
        Span<float> losses, Span<float> factors, float keep, float spread, float scale)
    {
        for (int first = 0; first < losses.Length; first += BlockRows.Count)
        {
            Loss(first, Float512.Load(factors, first), classes, shift, targetSums, products, logitSums, losses, factors, keep, spread, scale);
        }
    }

    /// <summary>Block <paramref name="first"/>'s losses and gradient factors from its row sums of the exponentials.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Loss(
        int first, Float512 sum, int classes, float shift, ReadOnlySpan<float> targetSums, ReadOnlySpan<float> products,
        ReadOnlySpan<float> logitSums, Span<float> losses, Span<float> factors, float keep, float spread, float scale)
    {
        var logitSum = spread == 0 ? default : Float512.Load(logitSums, first);
        RowBlocks<Float512>.DenseLoss(sum, shift, Float512.Load(targetSums, first), Float512.Load(products, first), logitSum, classes, keep, spread, scale, out var factor)
            .Store(losses, first);
        factor.Store(factors, first);
    }
}
