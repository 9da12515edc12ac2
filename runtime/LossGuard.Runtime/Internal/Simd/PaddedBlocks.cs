using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Blocks of 16 rows of 3 to 31 classes that are not a power of two (AVX-512), see <see cref="IBlockRows"/>: each
/// element's row and column come from tables, and the row sums are folded (<see cref="FoldedRows"/>) after
/// <see cref="Padded"/> has spread the block over rows of the next power of two, the extra lanes zero: each padded vector
/// is one two-source permute of two neighbouring vectors of the block, made in registers as the fold asks for it, so
/// the row sums stay exact sums of the row's own elements.
/// </summary>
internal readonly struct PaddedBlocks : IBlockRows
{
    private static readonly Tables?[] Layouts = Create();

    private readonly Tables tables;

    public PaddedBlocks(int classes) => tables = Layouts[classes]!;

    public int Classes => tables.Classes;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<int> Row(int index) => Widen(tables.Rows, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<int> Column(int index) => Widen(tables.Columns, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> RowSums(ReadOnlySpan<float> source, ReadOnlySpan<float> weights, Span<float> padded) =>
        Fold(new Padded(tables, source, weights, default, false), tables.FoldClasses);

    /// <summary>The labels are masked in the padded rows, where a lane's row and column are shifts of its position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> RowSumsBesideLabels(ReadOnlySpan<float> source, Vector512<int> labels, Span<float> others, Span<float> padded) =>
        Fold(new Padded(tables, source, default, labels, true), tables.FoldClasses);

    /// <summary>
    /// The fold of each padded length in a method of its own, compiled with that length as a constant: one fold tree
    /// for all four lengths, inlined into a kernel's loop, overran the JIT's inlining budget, and the tree's folds and
    /// padded vectors were then called one by one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Fold(in Padded rows, int foldClasses) => foldClasses switch
    {
        4 => FoldFour(rows),
        8 => FoldEight(rows),
        16 => FoldSixteen(rows),
        _ => FoldThirtyTwo(rows),
    };

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static Vector512<float> FoldFour(in Padded rows) => FoldedRows.Sum(rows, 4);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static Vector512<float> FoldEight(in Padded rows) => FoldedRows.Sum(rows, 8);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static Vector512<float> FoldSixteen(in Padded rows) => FoldedRows.Sum(rows, 16);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static Vector512<float> FoldThirtyTwo(in Padded rows) => FoldedRows.Sum(rows, 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> Widen(byte[] table, int index) =>
        Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(table), (nuint)(16 * index)));

    private static Tables?[] Create()
    {
        var layouts = new Tables?[BlockRows.MaxClasses];
        for (int classes = 3; classes < BlockRows.MaxClasses; classes++)
        {
            if (!BitOperations.IsPow2(classes))
            {
                layouts[classes] = new Tables(classes);
            }
        }

        return layouts;
    }

    /// <summary>
    /// The block's rows (times the weights, when given; without the label elements when <c>withoutLabels</c>), each
    /// padded with zeros to the next power of two, one vector at a time. Memory pinned or on the stack.
    /// </summary>
    private readonly unsafe struct Padded : IBlockVectors
    {
        private readonly Tables tables;
        private readonly float* block;
        private readonly float* weights;
        private readonly Vector512<int> labels;
        private readonly bool withoutLabels;

        public Padded(Tables tables, ReadOnlySpan<float> source, ReadOnlySpan<float> weightSource, Vector512<int> labels, bool withoutLabels)
        {
            // The callers' memory is pinned or on the stack, so its address is stable.
            this.tables = tables;
            block = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(source));
            weights = weightSource.IsEmpty ? null : (float*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(weightSource));
            this.labels = labels;
            this.withoutLabels = withoutLabels;
        }

        public Vector512<float> this[int vector]
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get
            {
                int foldClasses = tables.FoldClasses;
                int at = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(tables.Pairs), vector);
                var low = Vector512.Load(block + at);
                var high = Vector512.Load(block + at + 16);
                if (weights != null)
                {
                    low *= Vector512.Load(weights + at);
                    high *= Vector512.Load(weights + at + 16);
                }

                var position = BlockRows.Lane + Vector512.Create(16 * vector);
                var column = position & Vector512.Create(foldClasses - 1);
                var value = Avx512F.PermuteVar16x32x2(low, Widen(tables.Permutes, vector), high)
                    & Vector512.LessThan(column, Vector512.Create(tables.Classes)).AsSingle();
                if (withoutLabels)
                {
                    var row = Vector512.ShiftRightLogical(position, BitOperations.Log2((uint)foldClasses));
                    value = Vector512.AndNot(value, Vector512.Equals(Avx512F.PermuteVar16x32(labels, row), column).AsSingle());
                }

                return value;
            }
        }
    }

    private sealed class Tables
    {
        public Tables(int classes)
        {
            Classes = classes;
            FoldClasses = (int)BitOperations.RoundUpToPowerOf2((uint)classes);
            Rows = new byte[BlockRows.Count * classes];
            Columns = new byte[BlockRows.Count * classes];
            for (int n = 0; n < Rows.Length; n++)
            {
                Rows[n] = (byte)(n / classes);
                Columns[n] = (byte)(n % classes);
            }

            Pairs = new int[FoldClasses];
            Permutes = new byte[BlockRows.Count * FoldClasses];
            for (int vector = 0; vector < FoldClasses; vector++)
            {
                // Padded vector j holds elements from one run of at most 16 of the block's elements, so from two
                // neighbouring vectors (the last two for a run in the last one).
                int at = 16 * vector;
                int first = ((at / FoldClasses) * classes) + (at % FoldClasses);
                int pair = Math.Min(first / 16, classes - 2);
                Pairs[vector] = 16 * pair;
                for (int lane = 0; lane < 16; lane++)
                {
                    int row = (at + lane) / FoldClasses;
                    int column = (at + lane) % FoldClasses;
                    Permutes[at + lane] = (byte)(column < classes ? (row * classes) + column - (16 * pair) : 0);
                }
            }
        }

        public int Classes { get; }

        /// <summary><see cref="Classes"/> rounded up to a power of two: the row length the folds see.</summary>
        public int FoldClasses { get; }

        /// <summary>Row (within the block) and column of each element.</summary>
        public byte[] Rows { get; }

        public byte[] Columns { get; }

        /// <summary>Per padded vector: the offset of the first of the two block vectors it takes from, and the lanes' indices into them.</summary>
        public int[] Pairs { get; }

        public byte[] Permutes { get; }
    }
}
