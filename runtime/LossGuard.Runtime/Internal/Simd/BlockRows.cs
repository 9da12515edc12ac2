using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Where the elements of a block of 16 rows of 2 to 32 classes lie in the block's vectors (AVX-512): vector i holds
/// elements 16 i to 16 i + 15, element n belongs to row n / classes, column n % classes; and the block's row sums, one
/// row per lane. Implemented by <see cref="PowerOfTwoBlocks"/> and <see cref="PaddedBlocks"/>; the kernels are generic
/// over it so that each length's loops are compiled for it alone.
/// </summary>
internal interface IBlockRows
{
    int Classes { get; }

    /// <summary>The row (within the block) of each lane of vector <paramref name="index"/>.</summary>
    Vector512<int> Row(int index);

    /// <summary>The column of each lane of vector <paramref name="index"/>.</summary>
    Vector512<int> Column(int index);

    /// <summary>
    /// Row sums of the block (of source times weights, when weights are given), one row per lane;
    /// <paramref name="padded"/> is scratch of <see cref="BlockRows.PaddedFloats"/>. Memory pinned or on the stack.
    /// </summary>
    Vector512<float> RowSums(ReadOnlySpan<float> source, ReadOnlySpan<float> weights, Span<float> padded);

    /// <summary>
    /// Row sums of the block without each row's label element (<paramref name="labels"/>: one per lane);
    /// <paramref name="others"/> and <paramref name="padded"/> are scratch of <see cref="BlockRows.PaddedFloats"/>.
    /// </summary>
    Vector512<float> RowSumsBesideLabels(ReadOnlySpan<float> source, Vector512<int> labels, Span<float> others, Span<float> padded);
}

/// <summary>What the blocks of <see cref="IBlockRows"/> share.</summary>
internal static class BlockRows
{
    /// <summary>Rows per block: one per lane.</summary>
    public const int Count = 16;

    /// <summary>The longest rows that go in blocks.</summary>
    public const int MaxClasses = 32;

    /// <summary>Scratch floats for <see cref="IBlockRows.RowSums"/>: 16 rows of 32.</summary>
    public const int PaddedFloats = Count * MaxClasses;

    /// <summary>Whether rows of this many classes go in such blocks (<see cref="FoldedSparseRows"/>, <see cref="FoldedDenseRows"/>).</summary>
    public static bool Handles(int classes) => Avx512F.IsSupported && classes >= 2 && classes <= MaxClasses;

    public static Vector512<int> Lane
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    }

    /// <summary>All bits set in the lanes of vector <paramref name="index"/> that hold their row's label; each lane's row in <paramref name="row"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> LabelLanes<TBlocks>(in TBlocks blocks, Vector512<int> labels, int index, out Vector512<int> row)
        where TBlocks : struct, IBlockRows
    {
        row = blocks.Row(index);
        return Vector512.Equals(Avx512F.PermuteVar16x32(labels, row), blocks.Column(index)).AsSingle();
    }
}

/// <summary>Blocks of 16 rows of 2^k classes: element n in row n &gt;&gt; k, column n &amp; (2^k - 1), folded as they are.</summary>
internal readonly struct PowerOfTwoBlocks : IBlockRows
{
    private readonly int log2;

    public PowerOfTwoBlocks(int classes)
    {
        Classes = classes;
        log2 = BitOperations.Log2((uint)classes);
    }

    public int Classes { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<int> Row(int index) => Vector512.ShiftRightLogical(BlockRows.Lane + Vector512.Create(16 * index), log2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<int> Column(int index) => (BlockRows.Lane + Vector512.Create(16 * index)) & Vector512.Create(Classes - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> RowSums(ReadOnlySpan<float> source, ReadOnlySpan<float> weights, Span<float> padded) =>
        FoldedRows.Sum(source, weights, Classes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> RowSumsBesideLabels(ReadOnlySpan<float> source, Vector512<int> labels, Span<float> others, Span<float> padded)
    {
        ref float from = ref MemoryMarshal.GetReference(source);
        ref float to = ref MemoryMarshal.GetReference(others);
        for (int index = 0; index < Classes; index++)
        {
            Vector512.AndNot(Vector512.LoadUnsafe(ref from, (nuint)(16 * index)), BlockRows.LabelLanes(this, labels, index, out _))
                .StoreUnsafe(ref to, (nuint)(16 * index));
        }

        return FoldedRows.Sum(others, default, Classes);
    }
}
