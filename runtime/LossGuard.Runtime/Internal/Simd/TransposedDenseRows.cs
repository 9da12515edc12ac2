using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Dense softmax cross-entropy's row sums for whole blocks of 16 rows of 4 to 32 classes
/// (AVX-512), rows as lanes (<see cref="TransposedRows"/>): one pass over each block's logits and targets, read as
/// columns, sums the exponentials (shifted by the group's maximum), the targets, the logits times the targets and,
/// with label smoothing, the logits, each a plain vector addition per column (no padded folds, and no exponentials
/// written); with a gradient, it is written in the same pass.
/// </summary>
internal unsafe struct TransposedDenseRows : IColumnSums
{
    private readonly bool withLogits;
    private readonly float* expSums;
    private readonly float* targetSums;
    private readonly float* products;
    private readonly float* logitSums;
    private readonly float keep;
    private readonly float spreadMass;
    private readonly float scale;
    private readonly float minusOffset;
    private readonly float minusSlope;
    private Vector512<float> exp;
    private Vector512<float> target;
    private Vector512<float> product;
    private Vector512<float> logit;

    private TransposedDenseRows(
        bool withLogits, Span<float> expSums, Span<float> targetSums, Span<float> products, Span<float> logitSums, int classes, float keep, float spread, float scale)
    {
        this.keep = keep;
        spreadMass = spread * classes;
        this.scale = scale;
        minusOffset = -(scale * spread);
        minusSlope = -(scale * keep);
        this.withLogits = withLogits;
        this.expSums = Address(expSums);
        this.targetSums = Address(targetSums);
        this.products = Address(products);
        this.logitSums = Address(logitSums);
    }

    /// <summary>
    /// Per row (a multiple of 16 rows): the sums of e^(z - shift) into <paramref name="expSums"/>, of the targets, of z
    /// times the targets, and (when <paramref name="withLogits"/>) of z; when <paramref name="gradient"/> is given (the
    /// logits or apart from them), the gradient in the same pass: e * factor - scale * spread - scale * keep * t, with the
    /// factor as <see cref="RowBlocks{TVec}.DenseLoss"/> takes it, with <paramref name="columns"/> as
    /// <see cref="TransposedRows.RowSums"/> asks for it. Memory pinned or on the stack.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void RowSums(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int classes, float shift, Span<float> gradient, bool withLogits,
        Span<float> expSums, Span<float> targetSums, Span<float> products, Span<float> logitSums, Span<float> columns, float keep, float spread, float scale) =>
        TransposedRows.RowSums(
            logits, targets, default, classes, expSums.Length, shift, gradient, columns,
            new TransposedDenseRows(withLogits, expSums, targetSums, products, logitSums, classes, keep, spread, scale));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Begin(Vector512<int> labels) => (exp, target, product, logit) = (default, default, default, default);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Vector512<float> z, Vector512<float> t, Vector512<float> e, int column)
    {
        exp += e;
        target += t;
        product = Float512.MultiplyAdd(Float512.Of(z), Float512.Of(t), Float512.Of(product)).Lanes;
        logit = withLogits ? logit + z : logit;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(int first)
    {
        exp.Store(expSums + first);
        target.Store(targetSums + first);
        product.Store(products + first);
        if (withLogits)
        {
            logit.Store(logitSums + first);
        }
    }

    /// <summary>scale * mass / sum, mass the smoothed targets' sum (<see cref="RowBlocks{TVec}.DenseLoss"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vector512<float> Factor() =>
        (Float512.Broadcast(scale) * Float512.MultiplyAdd(Float512.Broadcast(keep), Float512.Of(target), Float512.Broadcast(spreadMass)) / Float512.Of(exp)).Lanes;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vector512<float> Gradient(Vector512<float> e, Vector512<float> t, int column, Vector512<float> factor) =>
        Float512.MultiplyAdd(Float512.Of(t), Float512.Broadcast(minusSlope), Float512.MultiplyAdd(Float512.Of(e), Float512.Of(factor), Float512.Broadcast(minusOffset))).Lanes;

    private static float* Address(Span<float> span) => (float*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span));
}
