using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Sparse softmax cross-entropy's row sums for whole blocks of 16 rows of 4 to 32 classes
/// (AVX-512), rows as lanes (<see cref="TransposedRows"/>): one pass over each block's logits, read as columns, takes
/// each row's exponential at its label (shifted by the group's maximum) and sums the others, the label lanes found by
/// comparing the labels with the column's number; with label smoothing also the label's logit and the logits' sum.
/// No padded folds, no gather, and no exponentials written; with a gradient, it is written in the same pass.
/// </summary>
internal unsafe struct TransposedSparseRows : IColumnSums
{
    private readonly bool smoothing;
    private readonly float* chosenAt;
    private readonly float* restsAt;
    private readonly float* labelLogitsAt;
    private readonly float* logitSumsAt;
    private readonly float scale;
    private readonly float minusOffset;
    private readonly float slope;
    private Vector512<int> labels;
    private Vector512<float> chosen;
    private Vector512<float> rest;
    private Vector512<float> labelLogit;
    private Vector512<float> logitSum;

    /// <summary>
    /// Per row (a multiple of 16 rows, none ignored): e^(z_label - shift) into <paramref name="chosen"/>, the sum of the
    /// other exponentials into <paramref name="rests"/>, and (when <paramref name="withLogits"/>) z_label and the sum of
    /// z; when <paramref name="gradient"/> is given (the logits or apart from them), the gradient in the same pass:
    /// e * scale / (rest + chosen) - scale * spread, minus scale * keep at the label, with <paramref name="columns"/> as
    /// <see cref="TransposedRows.RowSums"/> asks for it. Memory pinned or on the stack.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void RowSums(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes, float shift, Span<float> gradient, bool withLogits,
        Span<float> chosen, Span<float> rests, Span<float> labelLogits, Span<float> logitSums, Span<float> columns, float keep, float spread, float scale)
    {
        var sums = new TransposedSparseRows(
            withLogits, [Pointer(chosen), Pointer(rests), Pointer(labelLogits), Pointer(logitSums)], scale, scale * spread, scale * keep);
        TransposedRows.RowSums(logits, default, labels, classes, labels.Length, shift, gradient, columns, sums);
    }

    private TransposedSparseRows(bool smoothing, ReadOnlySpan<nint> outputs, float scale, float offset, float slope)
    {
        this.smoothing = smoothing;
        this.scale = scale;
        minusOffset = -offset;
        this.slope = slope;
        chosenAt = (float*)outputs[0];
        restsAt = (float*)outputs[1];
        labelLogitsAt = (float*)outputs[2];
        logitSumsAt = (float*)outputs[3];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Begin(Vector512<int> labels)
    {
        this.labels = labels;
        chosen = rest = labelLogit = logitSum = default;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Vector512<float> z, Vector512<float> t, Vector512<float> e, int column)
    {
        var atLabel = Vector512.Equals(labels, Vector512.Create(column)).AsSingle();
        chosen += e & atLabel;
        rest += Vector512.AndNot(e, atLabel);
        if (smoothing)
        {
            labelLogit += z & atLabel;
            logitSum += z;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(int first)
    {
        chosen.Store(chosenAt + first);
        rest.Store(restsAt + first);
        if (smoothing)
        {
            labelLogit.Store(labelLogitsAt + first);
            logitSum.Store(logitSumsAt + first);
        }
    }

    /// <summary>scale / (rest + chosen), as <see cref="FoldedSparseRows"/> takes it for the losses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vector512<float> Factor() => Vector512.Create(scale) / (rest + chosen);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vector512<float> Gradient(Vector512<float> e, Vector512<float> t, int column, Vector512<float> factor)
    {
        var atLabel = Vector512.Equals(labels, Vector512.Create(column)).AsSingle();
        return Float512.MultiplyAdd(Float512.Of(e), Float512.Of(factor), Float512.Broadcast(minusOffset)).Lanes - (atLabel & Vector512.Create(slope));
    }

    private static nint Pointer(Span<float> span) => (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span));
}
