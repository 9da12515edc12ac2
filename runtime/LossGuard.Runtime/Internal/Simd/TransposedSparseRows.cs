using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LossGuard.Internal.Simd;

/// <summary>
/// The row sums of sparse softmax cross-entropy for whole blocks of 16 rows of 5 to 31 classes that are not a power of
/// two (AVX-512), rows as lanes (<see cref="TransposedRows"/>): one pass over each block's logits, read as columns,
/// takes each row's exponential at its label (shifted by the group's maximum) and sums the others, the label lanes
/// found by comparing the labels with the column's number; with label smoothing also the label's logit and the logits'
/// sum. No padded folds, no gather, and no exponentials written.
/// </summary>
internal static unsafe class TransposedSparseRows
{
    /// <summary>
    /// Per row (a multiple of 16 rows, none ignored): e^(z_label - shift) into <paramref name="chosen"/>, the sum of the
    /// other exponentials into <paramref name="rests"/>, and (when <paramref name="withLogits"/>) z_label and the sum of z.
    /// Memory pinned or on the stack.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void RowSums(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes, float shift, bool withLogits,
        Span<float> chosen, Span<float> rests, Span<float> labelLogits, Span<float> logitSums)
    {
        fixed (float* z = logits)
        fixed (int* y = labels)
        {
            for (int first = 0; first < labels.Length; first += BlockRows.Count)
            {
                var sums = new Sums(shift, Vector512.Load(y + first), withLogits);
                TransposedRows.Sum(z + (first * classes), null, classes, ref sums);
                Float512.Of(sums.Chosen).Store(chosen, first);
                Float512.Of(sums.Rest).Store(rests, first);
                if (withLogits)
                {
                    Float512.Of(sums.LabelLogit).Store(labelLogits, first);
                    Float512.Of(sums.Logit).Store(logitSums, first);
                }
            }
        }
    }

    /// <summary>One block's exponential at the label, sum of the other exponentials, and (with label smoothing) label logit and logit sum.</summary>
    private struct Sums : IColumnSums
    {
        public Vector512<float> Chosen;
        public Vector512<float> Rest;
        public Vector512<float> LabelLogit;
        public Vector512<float> Logit;
        private readonly Vector512<float> shift;
        private readonly Vector512<int> labels;
        private readonly bool withLogits;

        public Sums(float shift, Vector512<int> labels, bool withLogits)
        {
            this.shift = Vector512.Create(shift);
            this.labels = labels;
            this.withLogits = withLogits;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(Vector512<float> z, Vector512<float> t, int column)
        {
            var atLabel = Vector512.Equals(labels, Vector512.Create(column)).AsSingle();
            var e = VectorMath.ExpNonPositive(Float512.Of(z - shift)).Lanes;
            Chosen += e & atLabel;
            Rest += Vector512.AndNot(e, atLabel);
            if (withLogits)
            {
                LabelLogit += z & atLabel;
                Logit += z;
            }
        }
    }
}
