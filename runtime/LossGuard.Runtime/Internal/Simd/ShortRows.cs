using System;
using System.Runtime.CompilerServices;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Softmax cross-entropy for rows too short to fill vectors (a handful of classes): a group of rows is shifted by
/// the group's maximum, so the max and the exp, the expensive parts, run in full vectors across row boundaries; row
/// sums and the gradient's scaling are scalar. A group with an ignored label, a non-finite logit or values spread too
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
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Group(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, int classes, Span<float> exps, bool writeGradient,
        Span<float> rowLosses, in SoftmaxCrossEntropyRows<TVec> kernel, double labelSmoothing, double scale, int ignoreIndex)
    {
        int rows = logits.Length / classes;
        bool ignored = false;
        foreach (int label in labels)
        {
            ignored |= label == ignoreIndex;
        }

        // One shift for the whole group: e^(z - max of the group). Where the group's values span at most Spread, no row's
        // exponentials underflow (each is at least e^-Spread, a normal float), and softmax does not depend on the shift.
        float max = RowKernels<TVec>.Max(logits);
        float min = -RowKernels<TVec>.MaxOfNegated(logits);
        if (ignored || !(max - min <= Spread))
        {
            return RowByRow(logits, labels, targets, classes, writeGradient ? exps : default, rowLosses, kernel, ignoreIndex);
        }

        // Everything the losses read from the logits is taken before the exponentials go in (they may overwrite them).
        Span<float> picked = stackalloc float[GroupRows];
        Span<float> logitSums = stackalloc float[GroupRows];
        for (int row = 0; row < rows; row++)
        {
            var z = logits.Slice(row * classes, classes);
            picked[row] = labels.IsEmpty ? Dot(z, targets.Slice(row * classes, classes)) : z[labels[row]];
            logitSums[row] = labelSmoothing == 0 ? 0f : Dot(z, default);
        }

        RowKernels<TVec>.SumExp(logits, max, exps);

        // Dense rows need log(sum); sparse rows need lse - z_label = log1p(rest / e_label), with rest the sum of the other
        // classes' exponentials, which keeps a confident row's small loss exact (and a one-class row's loss 0).
        Span<float> sums = stackalloc float[GroupRows];
        Span<float> logs = stackalloc float[GroupRows];
        for (int row = 0; row < rows; row++)
        {
            var e = exps.Slice(row * classes, classes);
            int label = labels.IsEmpty ? -1 : labels[row];
            float chosen = label < 0 ? 0f : e[label];
            float rest = 0;
            for (int c = 0; c < classes; c++)
            {
                rest += c == label ? 0f : e[c];
            }

            sums[row] = rest + chosen;
            logs[row] = labels.IsEmpty ? sums[row] : rest / chosen;
        }

        if (labels.IsEmpty)
        {
            RowKernels<TVec>.LogInPlace(logs.Slice(0, rows));
        }
        else
        {
            RowKernels<TVec>.LogOnePlusInPlace(logs.Slice(0, rows));
        }

        double keep = 1.0 - labelSmoothing;
        double spread = labelSmoothing / classes;
        double total = 0;
        for (int row = 0; row < rows; row++)
        {
            var e = exps.Slice(row * classes, classes);
            double loss = labels.IsEmpty
                ? Dense(targets.Slice(row * classes, classes), e, sums[row], max + (double)logs[row], picked[row], logitSums[row], keep, spread, scale, writeGradient)
                : Sparse(e, sums[row], logs[row], picked[row], logitSums[row], labels[row], keep, spread, scale, writeGradient);
            if (!rowLosses.IsEmpty)
            {
                rowLosses[row] = (float)loss;
            }

            total += loss;
        }

        return total;
    }

    /// <summary>The sum of a short row, or of its products with <paramref name="other"/> when that is given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot(ReadOnlySpan<float> row, ReadOnlySpan<float> other)
    {
        float sum = 0;
        for (int c = 0; c < row.Length; c++)
        {
            sum += other.IsEmpty ? row[c] : row[c] * other[c];
        }

        return sum;
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Sparse(
        Span<float> e, float sum, double targetLoss, float target, float logitSum, int label, double keep, double spread, double scale, bool writeGradient)
    {
        if (writeGradient)
        {
            float factor = (float)(scale / sum);
            float offset = (float)(scale * spread);
            for (int c = 0; c < e.Length; c++)
            {
                e[c] = (e[c] * factor) - offset;
            }

            e[label] -= (float)(scale * keep);
        }

        // sum over c of (lse - z_c) = classes (lse - z_label) + (classes z_label - sum of z).
        return spread == 0 ? targetLoss : (keep * targetLoss) + (spread * ((e.Length * targetLoss) + ((e.Length * (double)target) - logitSum)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Dense(
        ReadOnlySpan<float> t, Span<float> e, float sum, double lse, float targetLogitSum, float logitSum, double keep, double spread, double scale, bool writeGradient)
    {
        float targetSum = 0;
        foreach (float target in t)
        {
            targetSum += target;
        }

        double mass = (keep * targetSum) + (spread * e.Length);
        if (writeGradient)
        {
            float factor = (float)(scale * mass / sum);
            float offset = (float)(scale * spread);
            float slope = (float)(scale * keep);
            for (int c = 0; c < e.Length; c++)
            {
                e[c] = (e[c] * factor) - offset - (slope * t[c]);
            }
        }

        return (lse * mass) - ((keep * targetLogitSum) + (spread * logitSum));
    }
}
