using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Where the labels of a block of 16 rows of 2^k classes lie in the block's vectors (AVX-512): vector i holds elements
/// 16 i to 16 i + 15, element n belongs to row n >> k, column n &amp; (2^k - 1).
/// </summary>
internal static class LabelMask
{
    /// <summary>Rows per block: one per lane.</summary>
    public const int BlockRows = 16;

    /// <summary>Whether rows of this many classes go in such blocks (<see cref="FoldedSparseRows"/>, <see cref="FoldedDenseRows"/>).</summary>
    public static bool Handles(int classes) => Avx512F.IsSupported && classes >= 2 && classes <= 32 && BitOperations.IsPow2(classes);

    public static Vector512<int> Lane
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    }

    /// <summary>All bits set in the lanes of vector <paramref name="index"/> that hold their row's label; each lane's row in <paramref name="row"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Of(Vector512<int> labels, int index, int log2, out Vector512<int> row)
    {
        row = Row(index, log2);
        var column = (Lane + Vector512.Create(16 * index)) & Vector512.Create((1 << log2) - 1);
        return Vector512.Equals(Avx512F.PermuteVar16x32(labels, row), column).AsSingle();
    }

    /// <summary>The row (within the block) of each lane of vector <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<int> Row(int index, int log2) => Vector512.ShiftRightLogical(Lane + Vector512.Create(16 * index), log2);
}
