using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Softmax cross-entropy for rows of 33 to 256 classes (AVX-512), 16 rows at a time: each row still gets its own max
/// pass, exp pass (into the gradient or scratch) and gradient pass, but the per-row reductions (the exponentials' sums,
/// the logs, the losses, the gradient's factors) run one row per lane (<see cref="FoldedRows"/>), so no row pays a
/// horizontal sum, a call into libm's log or a call per pass; the exp pass prefetches the next block. A row's last,
/// partial vector is the vector that ends the row (its lanes before the row's last whole vector masked out of the sums),
/// read before the row's stores begin, so the gradient may overwrite the logits. As the row kernel: sparse rows
/// lse - z_label = (max - z_label) + log(sum); dense rows (lse) mass - the sum of z times the smoothed targets.
/// </summary>
internal static unsafe class MediumRows
{
    public const int MinClasses = 33;

    /// <summary>16 rows of this many classes (16 KiB) stay in L1 between the passes.</summary>
    public const int MaxClasses = 256;

    private const int Partials = BlockRows.Count * 16;

    /// <summary>Floats of scratch <see cref="Block"/> needs.</summary>
    public const int ScratchFloats = (4 * Partials) + (2 * BlockRows.Count);

    public static bool Handles(int classes) => Avx512F.IsSupported && classes >= MinClasses && classes <= MaxClasses;

    /// <summary>
    /// 16 rows from <paramref name="z"/> against labels <paramref name="y"/> or, when that is null, targets
    /// <paramref name="t"/>: their losses into <paramref name="losses"/> and, when <paramref name="g"/> is not null, their
    /// gradient. Returns false, having written nothing, when a label is <paramref name="ignoreIndex"/> or a row's maximum
    /// is not finite (the row kernel takes those rows). <paramref name="prefetch"/>: another block follows, whose lines
    /// the exp pass prefetches.
    /// </summary>
    public static bool Block(
        float* z, int* y, float* t, int classes, float* g, float* losses, float* scratch, float keep, float spread, float scale, int ignoreIndex,
        bool prefetch)
    {
        bool dense = y == null;
        if (!dense && Vector512.EqualsAny(Vector512.Load(y), Vector512.Create(ignoreIndex)))
        {
            return false;
        }

        // Each pass its own method: one method for all of them ran out of the JIT's inlining budget.
        var s = new Scratch(scratch);
        Maxima(z, t, classes, s, spread != 0);
        var rowMax = Vector512.Load(s.Maxes);
        if (!Vector512.EqualsAll(rowMax - rowMax, Vector512<float>.Zero))
        {
            return false;
        }

        var labelLogit = dense ? default : Float512.GatherAt(
            new ReadOnlySpan<float>(z, BlockRows.Count * classes), (BlockRows.Lane * Vector512.Create(classes)) + Vector512.Load(y));
        Exponentials(z, t, classes, g, s, prefetch, g != null);
        Losses(Float512.Of(rowMax), labelLogit, dense, classes, losses, s, keep, spread, scale);
        if (g != null)
        {
            Gradient(g, y, t, classes, s.Factors, scale * spread, scale * keep);
        }

        return true;
    }

    /// <summary>
    /// Each row's max, and the per-lane partial sums of its logits (when <paramref name="sumLogits"/>: label smoothing
    /// reads them), targets and logits times targets; two vectors a step, each with its own max and sums, so that no
    /// step waits for the one before.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Maxima(float* z, float* t, int classes, Scratch s, bool sumLogits)
    {
        bool dense = t != null;
        int last = classes - 16;
        var partial = Partial(classes);
        for (int r = 0; r < BlockRows.Count; r++)
        {
            float* row = z + (r * classes);
            float* target = t + (r * classes);
            var tail = Vector512.Load(row + last);
            var max = tail;
            var max2 = tail;
            var sum = sumLogits ? tail & partial : default;
            var sum2 = Vector512<float>.Zero;
            var targetTail = dense ? Vector512.Load(target + last) & partial : default;
            var targetSum = targetTail;
            var targetSum2 = Vector512<float>.Zero;
            var product = tail * targetTail;
            var product2 = Vector512<float>.Zero;
            int i = 0;
            for (; i + 16 <= last; i += 32)
            {
                var x = Vector512.Load(row + i);
                var x2 = Vector512.Load(row + i + 16);
                max = Avx512F.Max(max, x);
                max2 = Avx512F.Max(max2, x2);
                if (sumLogits)
                {
                    sum += x;
                    sum2 += x2;
                }

                if (dense)
                {
                    var weight = Vector512.Load(target + i);
                    var weight2 = Vector512.Load(target + i + 16);
                    targetSum += weight;
                    targetSum2 += weight2;
                    product = Float512.MultiplyAdd(Float512.Of(x), Float512.Of(weight), Float512.Of(product)).Lanes;
                    product2 = Float512.MultiplyAdd(Float512.Of(x2), Float512.Of(weight2), Float512.Of(product2)).Lanes;
                }
            }

            if (i <= last)
            {
                var x = Vector512.Load(row + i);
                max = Avx512F.Max(max, x);
                sum += sumLogits ? x : default;
                if (dense)
                {
                    var weight = Vector512.Load(target + i);
                    targetSum += weight;
                    product = Float512.MultiplyAdd(Float512.Of(x), Float512.Of(weight), Float512.Of(product)).Lanes;
                }
            }

            Avx512F.Max(max, max2).Store(s.ExpSums + (16 * r));
            if (sumLogits)
            {
                (sum + sum2).Store(s.LogitSums + (16 * r));
            }

            if (dense)
            {
                (targetSum + targetSum2).Store(s.TargetSums + (16 * r));
                (product + product2).Store(s.Products + (16 * r));
            }
        }

        // The 16 rows' max vectors folded at once (no horizontal max per row); the exp pass overwrites them.
        FoldedMaxima.Of16(s.ExpSums).Store(s.Maxes);
    }

    /// <summary>
    /// e^(z - max) into <paramref name="e"/> (when <paramref name="store"/>) while summing, two vectors a step; prefetches the
    /// next block's lines. The partial last vector only when 16 does not divide the row. Never inlined: its three exps
    /// inlined into <see cref="Block"/> left the JIT no budget for the losses' log and folds (called one by one, 0.9x).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static void Exponentials(float* z, float* t, int classes, float* e, Scratch s, bool prefetch, bool store)
    {
        int last = classes - 16;
        int next = BlockRows.Count * classes;
        bool whole = classes % 16 == 0;
        var partial = Partial(classes);
        for (int r = 0; r < BlockRows.Count; r++)
        {
            float* row = z + (r * classes);
            float* destination = e + (r * classes);
            var shift = Float512.Broadcast(s.Maxes[r]);
            var tail = whole ? default : VectorMath.ExpNonPositive(Float512.Of(Vector512.Load(row + last)) - shift).Lanes;
            var sum = tail & partial;
            var sum2 = Vector512<float>.Zero;
            int i = 0;
            for (; i + 16 <= last; i += 32)
            {
                if (prefetch)
                {
                    Ahead(row + next + i, t == null ? null : t + (r * classes) + next + i, store ? destination + next + i : null);
                }

                var x = VectorMath.ExpNonPositive(Float512.Of(Vector512.Load(row + i)) - shift).Lanes;
                var y = VectorMath.ExpNonPositive(Float512.Of(Vector512.Load(row + i + 16)) - shift).Lanes;
                if (store)
                {
                    x.Store(destination + i);
                    y.Store(destination + i + 16);
                }

                sum += x;
                sum2 += y;
            }

            if (i <= last)
            {
                if (prefetch)
                {
                    Ahead(row + next + i, t == null ? null : t + (r * classes) + next + i, store ? destination + next + i : null);
                }

                var x = VectorMath.ExpNonPositive(Float512.Of(Vector512.Load(row + i)) - shift).Lanes;
                if (store)
                {
                    x.Store(destination + i);
                }

                sum += x;
            }

            if (store && !whole)
            {
                tail.Store(destination + last);
            }

            (sum + sum2).Store(s.ExpSums + (16 * r));
        }
    }

    /// <summary>
    /// Prefetches the next block's lines at this offset (logits, and targets and gradient when given), so that its max
    /// pass reads cache: two 64-byte lines each, for the two vectors of an exp step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Ahead(float* logits, float* targets, float* gradient)
    {
        Sse.Prefetch0(logits);
        Sse.Prefetch0(logits + 16);
        if (targets != null)
        {
            Sse.Prefetch0(targets);
            Sse.Prefetch0(targets + 16);
        }

        if (gradient != null)
        {
            Sse.Prefetch0(gradient);
            Sse.Prefetch0(gradient + 16);
        }
    }

    /// <summary>The rows' losses into <paramref name="losses"/>, and the gradient's factors into the scratch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Losses(
        Float512 rowMax, Float512 labelLogit, bool dense, int classes, float* losses, Scratch s, float keep, float spread, float scale)
    {
        var total = RowSums(s.ExpSums);

        // total - total: NaN for a NaN sum (the log below would not give NaN for it).
        var nan = total - total;
        var log = VectorMath.LogPositive(total) + nan;
        var logitSum = spread == 0 ? default : RowSums(s.LogitSums);
        Float512 loss;
        Float512 factor;
        if (dense)
        {
            // As the short rows' losses, with the shift a lane's own max: lse mass - weighted = loss at shift 0 + max mass.
            var targetSum = RowSums(s.TargetSums);
            loss = RowBlocks<Float512>.DenseLoss(total, 0f, targetSum, RowSums(s.Products), logitSum, classes, keep, spread, scale, out factor);
            var mass = Float512.MultiplyAdd(Float512.Broadcast(keep), targetSum, Float512.Broadcast(spread * classes));
            loss = Float512.MultiplyAdd(rowMax + nan, mass, loss);
        }
        else
        {
            loss = rowMax - labelLogit + log;
            if (spread != 0)
            {
                var count = Float512.Broadcast(classes);
                var spreadLoss = Float512.MultiplyAdd(count, rowMax + log, Float512.Broadcast(0f) - logitSum);
                loss = Float512.MultiplyAdd(Float512.Broadcast(keep), loss, Float512.Broadcast(spread) * spreadLoss);
            }

            factor = Float512.Broadcast(scale) / total;
        }

        loss.Lanes.Store(losses);
        factor.Lanes.Store(s.Factors);
    }

    /// <summary>The gradient over the rows still in L1: e * factor - offset, and minus slope at the label or times the target.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gradient(float* g, int* y, float* t, int classes, float* factors, float offset, float slope)
    {
        bool dense = t != null;
        int last = classes - 16;
        var minusOffset = Float512.Broadcast(-offset);
        var minusSlope = Float512.Broadcast(-slope);
        for (int r = 0; r < BlockRows.Count; r++)
        {
            float* row = g + (r * classes);
            float* target = t + (r * classes);
            var rowFactor = Float512.Broadcast(factors[r]);
            var tail = Float512.MultiplyAdd(Float512.Of(Vector512.Load(row + last)), rowFactor, minusOffset);
            if (dense)
            {
                tail = Float512.MultiplyAdd(Float512.Of(Vector512.Load(target + last)), minusSlope, tail);
            }

            for (int i = 0; i <= last; i += 16)
            {
                var gradient = Float512.MultiplyAdd(Float512.Of(Vector512.Load(row + i)), rowFactor, minusOffset);
                if (dense)
                {
                    gradient = Float512.MultiplyAdd(Float512.Of(Vector512.Load(target + i)), minusSlope, gradient);
                }

                gradient.Lanes.Store(row + i);
            }

            tail.Lanes.Store(row + last);
            if (!dense)
            {
                row[y[r]] -= slope;
            }
        }
    }

    /// <summary>The lanes of a row's last vector past its last whole vector (none when 16 divides the row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Partial(int classes) =>
        Vector512.GreaterThanOrEqual(BlockRows.Lane, Vector512.Create(16 - (classes % 16))).AsSingle();

    /// <summary>16 vectors of partial sums, one per row, to one vector of row sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Float512 RowSums(float* partials) =>
        Float512.Of(FoldedRows.Sum(new ReadOnlySpan<float>(partials, Partials), default, 16));

    /// <summary>The parts of a block's scratch.</summary>
    private readonly struct Scratch
    {
        public readonly float* Maxes;
        public readonly float* Factors;
        public readonly float* ExpSums;
        public readonly float* LogitSums;
        public readonly float* TargetSums;
        public readonly float* Products;

        public Scratch(float* start)
        {
            Maxes = start;
            Factors = Maxes + BlockRows.Count;
            ExpSums = Factors + BlockRows.Count;
            LogitSums = ExpSums + Partials;
            TargetSums = LogitSums + Partials;
            Products = TargetSums + Partials;
        }
    }
}
