using System;
using System.Runtime.CompilerServices;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Softmax cross-entropy for rows too short to fill vectors (a handful of classes): a group of rows is shifted by
/// the group's maximum, so the max and the exp run in full vectors across row boundaries, and the row sums and losses
/// run with one row per lane (<see cref="RowBlocks{TVec}"/>). A group with an ignored label, a non-finite logit or values spread too
/// widely for one shift goes row by row through <see cref="SoftmaxCrossEntropyRows{TVec}"/>.
/// </summary>
internal static class ShortRows<TVec>
    where TVec : struct, IFloatVector<TVec>
{
    /// <summary>Rows of at most this many classes take this path.</summary>
    public const int MaxClasses = 32;

    /// <summary>The widest range of logits one group may span to share one shift (e^-80 is still a normal float).</summary>
    private const float Spread = 80f;

    /// <summary>Rows per group: the group's exponentials (at most 8192 floats) stay in L1 / L2.</summary>
    public const int GroupRows = 256;

    /// <summary>
    /// One group of sparse rows (<paramref name="labels"/> not null) or dense rows (<paramref name="targets"/>);
    /// <paramref name="exps"/> is where the exponentials go: the gradient, or scratch of the logits' length.
    /// Returns the sum of the row losses; writes each into <paramref name="rowLosses"/> when given.
    /// <paramref name="anyIgnored"/>: false when the caller knows that no label is the ignore index (no look for it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Group(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, int classes, Span<float> exps, bool writeGradient,
        Span<float> rowLosses, in SoftmaxCrossEntropyRows<TVec> kernel, double labelSmoothing, double scale, int ignoreIndex, bool anyIgnored = true)
    {
        int rows = logits.Length / classes;
        bool ignored = anyIgnored && labels.Contains(ignoreIndex);

        // One shift for the whole group: e^(z - max of the group). Where the group's values span at most Spread, no row's
        // exponentials underflow (each is at least e^-Spread, a normal float), and softmax does not depend on the shift.
        float max = RowKernels<TVec>.MaxAndMin(logits, out float min);
        if (ignored || !(max - min <= Spread))
        {
            return RowByRow(logits, labels, targets, classes, writeGradient ? exps : default, rowLosses, kernel, ignoreIndex);
        }

        if (typeof(TVec) == typeof(Float512) && BlockRows.Handles(classes) && rows >= BlockRows.Count)
        {
            return Folded(logits, labels, targets, classes, exps, writeGradient, rowLosses, labelSmoothing, scale, max);
        }

        if (classes == 2 && rows >= TVec.Count)
        {
            return Binary(logits, labels, targets, exps, writeGradient, rowLosses, labelSmoothing, scale, max);
        }

        return InBlocks(logits, labels, targets, classes, exps, writeGradient, rowLosses, labelSmoothing, scale, max);
    }

    /// <summary>
    /// Rows of two classes without AVX-512: whole blocks of <c>TVec.Count</c> rows in closed form
    /// (<see cref="BinaryRows{TVec}"/>), the last few rows in <see cref="InBlocks"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Binary(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, Span<float> exps, bool writeGradient,
        Span<float> rowLosses, double labelSmoothing, double scale, float max)
    {
        int allRows = logits.Length / 2;
        int rows = allRows - (allRows % TVec.Count);
        Span<float> losses = stackalloc float[GroupRows];
        losses = losses.Slice(0, rows);
        var keep = (float)(1.0 - labelSmoothing);
        var spread = (float)(labelSmoothing / 2);
        if (labels.IsEmpty)
        {
            BinaryRows<TVec>.Dense(logits, targets, exps, writeGradient, losses, keep, spread, (float)scale);
        }
        else
        {
            BinaryRows<TVec>.Sparse(logits, labels.Slice(0, rows), exps, writeGradient, losses, keep, spread, (float)scale);
        }

        if (!rowLosses.IsEmpty)
        {
            losses.CopyTo(rowLosses);
        }

        double sum = RowKernels<TVec>.Sum(losses, default);
        return rows == allRows ? sum : sum + InBlocks(
            logits.Slice(2 * rows), labels.IsEmpty ? default : labels.Slice(rows), targets.IsEmpty ? default : targets.Slice(2 * rows), 2,
            exps.Slice(2 * rows), writeGradient, rowLosses.IsEmpty ? default : rowLosses.Slice(rows), labelSmoothing, scale, max);
    }

    /// <summary>The group in blocks of <c>TVec.Count</c> rows, one row per lane (<see cref="RowBlocks{TVec}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double InBlocks(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, int classes, Span<float> exps, bool writeGradient,
        Span<float> rowLosses, double labelSmoothing, double scale, float max)
    {
        int rows = logits.Length / classes;

        // Everything the losses read from the logits is taken before the exponentials go in (they may overwrite them).
        var blocks = new RowBlocks<TVec>(rows, classes, labels, (float)(labelSmoothing / classes), stackalloc float[RowBlocks<TVec>.Scratch]);
        if (!targets.IsEmpty || labelSmoothing != 0)
        {
            blocks.TakeLogitSums(logits, targets);
        }

        RowKernels<TVec>.Exp(logits, max, exps);

        var keep = (float)(1.0 - labelSmoothing);
        var losses = labels.IsEmpty
            ? blocks.Dense(exps, max, keep, (float)scale, writeGradient)
            : blocks.Sparse(exps, keep, (float)scale, writeGradient);
        if (writeGradient)
        {
            blocks.ScaleGradient(exps, targets, (float)(scale * labelSmoothing / classes), (float)(scale * keep));
        }

        if (!rowLosses.IsEmpty)
        {
            losses.CopyTo(rowLosses);
        }

        return RowKernels<TVec>.Sum(losses, default);
    }

    /// <summary>
    /// Whole blocks of 16 rows through <see cref="FoldedSparseRows"/> (labels given) or <see cref="FoldedDenseRows"/>
    /// (targets given); the last few rows in <see cref="InBlocks"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Folded(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, int classes, Span<float> exps, bool writeGradient,
        Span<float> rowLosses, double labelSmoothing, double scale, float max)
    {
        int allRows = logits.Length / classes;
        int rows = allRows - (allRows % BlockRows.Count);
        int length = rows * classes;
        Span<float> losses = stackalloc float[GroupRows];
        Span<float> scratch = stackalloc float[4 * GroupRows];
        Span<float> columns = writeGradient ? stackalloc float[TransposedRows.ScratchFloats] : default;
        var keep = (float)(1.0 - labelSmoothing);
        var spread = (float)(labelSmoothing / classes);
        if (labels.IsEmpty)
        {
            FoldedDenseRows.Run(
                logits.Slice(0, length), targets.Slice(0, length), classes, max, exps.Slice(0, length), writeGradient, losses.Slice(0, rows),
                scratch, columns, keep, spread, (float)scale);
        }
        else
        {
            FoldedSparseRows.Run(
                logits.Slice(0, length), labels.Slice(0, rows), classes, max, exps.Slice(0, length), writeGradient, losses.Slice(0, rows),
                scratch, columns, keep, spread, (float)scale);
        }

        if (!rowLosses.IsEmpty)
        {
            losses.Slice(0, rows).CopyTo(rowLosses);
        }

        double sum = RowKernels<TVec>.Sum(losses.Slice(0, rows), default);
        return rows == allRows ? sum : sum + InBlocks(
            logits.Slice(length), labels.IsEmpty ? default : labels.Slice(rows), targets.IsEmpty ? default : targets.Slice(length), classes,
            exps.Slice(length), writeGradient, rowLosses.IsEmpty ? default : rowLosses.Slice(rows), labelSmoothing, scale, max);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double RowByRow(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, int classes, Span<float> gradient,
        Span<float> rowLosses, in SoftmaxCrossEntropyRows<TVec> kernel, int ignoreIndex)
    {
        double total = 0;
        for (int row = 0; row < logits.Length / classes; row++)
        {
            var z = logits.Slice(row * classes, classes);
            var g = gradient.IsEmpty ? default : gradient.Slice(row * classes, classes);
            double loss = labels.IsEmpty ? kernel.Dense(z, targets.Slice(row * classes, classes), g)
                : labels[row] == ignoreIndex ? Ignore(g)
                : kernel.Sparse(z, labels[row], g);
            if (!rowLosses.IsEmpty)
            {
                rowLosses[row] = (float)loss;
            }

            total += loss;
        }

        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Ignore(Span<float> gradient)
    {
        gradient.Clear();
        return 0;
    }
}
