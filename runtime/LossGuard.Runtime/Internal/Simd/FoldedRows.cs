using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Row sums of 16 consecutive rows whose length is a power of two up to 32 (AVX-512): the rows' vectors are folded
/// pairwise, each fold adding the even lanes of two vectors to their odd lanes, which halves every row's length and
/// keeps the rows in order, until one vector holds one row per lane. No gathers, no horizontal sums. Other lengths are
/// padded to the next power of two first (<see cref="PaddedBlocks"/>: one two-source permute per padded vector; an
/// earlier scalar copy into zero-padded rows had been slower than gathering).
/// </summary>
internal static class FoldedRows
{
    /// <param name="source">16 rows of <paramref name="classes"/> elements.</param>
    /// <param name="weights">Empty, or the elements to multiply the source by before summing.</param>
    /// <param name="classes">The row length: 1, 2, 4, 8, 16 or 32.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sum(ReadOnlySpan<float> source, ReadOnlySpan<float> weights, int classes) =>
        Sum(new Rows(source, weights), classes);

    /// <summary>Row sums of 16 rows of <paramref name="classes"/> elements (a power of two up to 32) given vector by vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sum<TRows>(TRows rows, int classes)
        where TRows : struct, IBlockVectors
    {
        return classes switch
        {
            1 => rows[0],
            2 => Fold(rows[0], rows[1]),
            4 => Four(rows, 0),
            8 => Eight(rows, 0),
            16 => Fold(Eight(rows, 0), Eight(rows, 8)),
            _ => Fold(Fold(Eight(rows, 0), Eight(rows, 8)), Fold(Eight(rows, 16), Eight(rows, 24))),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Eight<TRows>(TRows rows, int at)
        where TRows : struct, IBlockVectors => Fold(Four(rows, at), Four(rows, at + 4));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Four<TRows>(TRows rows, int at)
        where TRows : struct, IBlockVectors => Fold(Fold(rows[at], rows[at + 1]), Fold(rows[at + 2], rows[at + 3]));

    /// <summary>The even lanes of a then b, plus their odd lanes: each run of 2k lanes becomes a run of k sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Fold(Vector512<float> a, Vector512<float> b)
    {
        var evens = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        return Avx512F.PermuteVar16x32x2(a, evens, b) + Avx512F.PermuteVar16x32x2(a, evens + Vector512<int>.One, b);
    }

    /// <summary>The vectors of a block in memory (pinned or on the stack): source, or source times weights.</summary>
    private readonly unsafe struct Rows : IBlockVectors
    {
        private readonly float* source;
        private readonly float* weights;

        public Rows(ReadOnlySpan<float> source, ReadOnlySpan<float> weights)
        {
            this.source = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(source));
            this.weights = weights.IsEmpty ? null : (float*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(weights));
        }

        public Vector512<float> this[int vector]
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get
            {
                var value = Vector512.Load(source + (16 * vector));
                return weights == null ? value : value * Vector512.Load(weights + (16 * vector));
            }
        }
    }
}
