using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LossGuard.Internal.Simd;

/// <summary>
/// The row sums of dense softmax cross-entropy for whole blocks of 16 rows of 5 to 31 classes that are not a power of
/// two (AVX-512), rows as lanes (<see cref="TransposedRows"/>): one pass over each block's logits and targets, read as
/// columns, sums the exponentials (shifted by the group's maximum), the targets, the logits times the targets and, with
/// label smoothing, the logits, each a plain vector addition per column (no padded folds, and no exponentials written).
/// </summary>
internal static unsafe class TransposedDenseRows
{
    /// <summary>
    /// Per row (a multiple of 16 rows): the sums of e^(z - shift) into <paramref name="expSums"/>, of the targets, of z
    /// times the targets, and (when <paramref name="withLogits"/>) of z. Memory pinned or on the stack.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void RowSums(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int classes, float shift, bool withLogits,
        Span<float> expSums, Span<float> targetSums, Span<float> products, Span<float> logitSums)
    {
        fixed (float* z = logits)
        fixed (float* t = targets)
        {
            for (int first = 0; first < expSums.Length; first += BlockRows.Count)
            {
                int at = first * classes;
                var sums = new Sums(shift, withLogits);
                TransposedRows.Sum(z + at, t + at, classes, ref sums);
                Float512.Of(sums.Exp).Store(expSums, first);
                Float512.Of(sums.Target).Store(targetSums, first);
                Float512.Of(sums.Product).Store(products, first);
                if (withLogits)
                {
                    Float512.Of(sums.Logit).Store(logitSums, first);
                }
            }
        }
    }

    /// <summary>One block's row sums of e^(z - shift), of the targets, of z times the targets and (with label smoothing) of z.</summary>
    private struct Sums : IColumnSums
    {
        public Vector512<float> Exp;
        public Vector512<float> Target;
        public Vector512<float> Product;
        public Vector512<float> Logit;
        private readonly Vector512<float> shift;
        private readonly bool withLogits;

        public Sums(float shift, bool withLogits)
        {
            this.shift = Vector512.Create(shift);
            this.withLogits = withLogits;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(Vector512<float> z, Vector512<float> t, int column)
        {
            Exp += VectorMath.ExpNonPositive(Float512.Of(z - shift)).Lanes;
            Target += t;
            Product = Float512.MultiplyAdd(Float512.Of(z), Float512.Of(t), Float512.Of(Product)).Lanes;
            if (withLogits)
            {
                Logit += z;
            }
        }
    }
}
