using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Sparse softmax cross-entropy for rows of 33 to 256 classes (AVX-512), 16 rows at a time: each row still gets its own
/// max pass, exp pass (into the gradient or scratch) and gradient pass, but the per-row reductions (the exponentials'
/// sums, the logs, the losses, the gradient's factors) run one row per lane (<see cref="FoldedRows"/>), so no row pays
/// a horizontal sum, a call into libm's log or a call per pass. A row's last, partial vector is the vector that ends
/// the row (its lanes before the row's last whole vector masked out of the sums), read before the row's stores begin,
/// so the gradient may overwrite the logits. As the row kernel: lse - z_label = (max - z_label) + log(sum).
/// </summary>
internal static unsafe class MediumRows
{
    public const int MinClasses = 33;

    /// <summary>16 rows of this many classes (16 KiB) stay in L1 between the passes.</summary>
    public const int MaxClasses = 256;

    /// <summary>Floats of scratch <see cref="Sparse"/> needs.</summary>
    public const int Scratch = (BlockRows.Count * MaxClasses) + (3 * BlockRows.Count * 16) + (2 * BlockRows.Count);

    public static bool Handles(int classes) => Avx512F.IsSupported && classes >= MinClasses && classes <= MaxClasses;

    /// <summary>
    /// 16 rows from <paramref name="z"/> (labels <paramref name="y"/>): their losses into <paramref name="losses"/> and,
    /// when <paramref name="g"/> is not null, their gradient. Returns false, having written nothing, when a label is
    /// <paramref name="ignoreIndex"/> or a row's maximum is not finite (the row kernel takes those rows).
    /// <paramref name="prefetch"/>: another block follows, whose lines the exp pass prefetches.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Sparse(
        float* z, int* y, int classes, float* g, float* losses, float* scratch, float keep, float spread, float scale, int ignoreIndex, bool prefetch)
    {
        var label = Vector512.Load(y);
        if (Vector512.EqualsAny(label, Vector512.Create(ignoreIndex)))
        {
            return false;
        }

        float* maxes = scratch;
        float* factors = maxes + BlockRows.Count;
        float* partials = factors + BlockRows.Count;
        float* logitSums = partials + (BlockRows.Count * 16);
        float* exps = logitSums + (BlockRows.Count * 16);
        int last = classes - 16;
        var partial = Vector512.GreaterThanOrEqual(BlockRows.Lane, Vector512.Create(16 - (classes % 16))).AsSingle();

        // Max pass (and the row sums of the logits, for label smoothing).
        for (int r = 0; r < BlockRows.Count; r++)
        {
            float* row = z + (r * classes);
            var tail = Vector512.Load(row + last);
            var max = tail;
            var sum = tail & partial;
            int i = 0;
            for (; i <= last; i += 16)
            {
                var x = Vector512.Load(row + i);
                max = Avx512F.Max(max, x);
                sum += x;
            }

            maxes[r] = Float512.Of(max).MaxAcross();
            if (spread != 0)
            {
                sum.Store(logitSums + (16 * r));
            }
        }

        var rowMax = Vector512.Load(maxes);
        if (!Vector512.EqualsAll(rowMax - rowMax, Vector512<float>.Zero))
        {
            return false;
        }

        var labelLogit = Float512.GatherAt(new ReadOnlySpan<float>(z, BlockRows.Count * classes), (BlockRows.Lane * Vector512.Create(classes)) + label);
        float* e = g != null ? g : exps;

        // Exp pass: e^(z - max) into the gradient (or scratch) while summing.
        for (int r = 0; r < BlockRows.Count; r++)
        {
            float* row = z + (r * classes);
            float* destination = e + (r * classes);
            var shift = Float512.Broadcast(maxes[r]);
            var tail = VectorMath.ExpNonPositive(Float512.Of(Vector512.Load(row + last)) - shift).Lanes;
            var sum = tail & partial;
            for (int i = 0; i <= last; i += 16)
            {
                if (prefetch)
                {
                    // The next block's line at this offset (and its gradient's), so that its max pass reads cache.
                    Sse.Prefetch0(row + (BlockRows.Count * classes) + i);
                    if (g != null)
                    {
                        Sse.Prefetch0(destination + (BlockRows.Count * classes) + i);
                    }
                }

                var x = VectorMath.ExpNonPositive(Float512.Of(Vector512.Load(row + i)) - shift).Lanes;
                x.Store(destination + i);
                sum += x;
            }

            tail.Store(destination + last);
            sum.Store(partials + (16 * r));
        }

        var total = Float512.Of(FoldedRows.Sum(new ReadOnlySpan<float>(partials, 16 * BlockRows.Count), default, 16));

        // total - total: NaN for a NaN sum (the log below would not give NaN for it).
        var log = VectorMath.LogPositive(total) + (total - total);
        var loss = Float512.Of(rowMax) - labelLogit + log;
        if (spread != 0)
        {
            var logitSum = Float512.Of(FoldedRows.Sum(new ReadOnlySpan<float>(logitSums, 16 * BlockRows.Count), default, 16));
            var count = Float512.Broadcast(classes);
            var spreadLoss = Float512.MultiplyAdd(count, Float512.Of(rowMax) + log, Float512.Broadcast(0f) - logitSum);
            loss = Float512.MultiplyAdd(Float512.Broadcast(keep), loss, Float512.Broadcast(spread) * spreadLoss);
        }

        loss.Lanes.Store(losses);
        if (g == null)
        {
            return true;
        }

        // Gradient pass over the rows still in L1: e * scale / sum - offset, and minus slope at the label.
        (Float512.Broadcast(scale) / total).Lanes.Store(factors);
        var minusOffset = Float512.Broadcast(-scale * spread);
        float slope = scale * keep;
        for (int r = 0; r < BlockRows.Count; r++)
        {
            float* row = g + (r * classes);
            var factor = Float512.Broadcast(factors[r]);
            var tail = Float512.MultiplyAdd(Float512.Of(Vector512.Load(row + last)), factor, minusOffset);
            for (int i = 0; i <= last; i += 16)
            {
                Float512.MultiplyAdd(Float512.Of(Vector512.Load(row + i)), factor, minusOffset).Lanes.Store(row + i);
            }

            tail.Lanes.Store(row + last);
            row[y[r]] -= slope;
        }

        return true;
    }
}
