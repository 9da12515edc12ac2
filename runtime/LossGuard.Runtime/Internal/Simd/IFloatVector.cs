using System;
using System.Runtime.Intrinsics;

namespace LossGuard.Internal.Simd;

/// <summary>
/// The float vector operations the kernels use, over one register width; kernels are generic over it so that the
/// JIT compiles one specialised copy per width (<see cref="Float256"/>, <see cref="Float512"/>).
/// </summary>
internal interface IFloatVector<TSelf>
    where TSelf : struct, IFloatVector<TSelf>
{
    static abstract int Count { get; }

    static abstract TSelf Load(ReadOnlySpan<float> source, int offset);

    static abstract TSelf Broadcast(float value);

    /// <summary>Integers, converted to floats (exact below 2^24).</summary>
    static abstract TSelf LoadIntegers(ReadOnlySpan<int> source, int offset);

    void Store(Span<float> destination, int offset);

    static abstract TSelf operator +(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, TSelf right);

    static abstract TSelf operator /(TSelf left, TSelf right);

    /// <summary>left * right + addend, fused where the hardware can.</summary>
    static abstract TSelf MultiplyAdd(TSelf left, TSelf right, TSelf addend);

    static abstract TSelf Max(TSelf left, TSelf right);

    /// <summary>The larger lane, or <paramref name="right"/> where either is NaN (the hardware's max, one instruction).</summary>
    static abstract TSelf MaxOrRight(TSelf left, TSelf right);

    static abstract TSelf Abs(TSelf value);

    static abstract TSelf Floor(TSelf value);

    /// <summary>value * 2^floor(exponent) for exponents in [-126, 128); other exponents give unspecified lanes.</summary>
    static abstract TSelf ScaleByPowerOfTwo(TSelf value, TSelf exponent);

    /// <summary>Lane i: <c>table[j]</c>, j the low four bits of lane i of <paramref name="index"/> read as an integer.</summary>
    static abstract TSelf LookUp16(TSelf index, Vector512<float> table);

    /// <summary>Per lane: <paramref name="ifBelow"/> where <paramref name="test"/> &lt; <paramref name="bound"/>, else <paramref name="otherwise"/> (NaN is not below).</summary>
    static abstract TSelf WhereBelow(TSelf test, TSelf bound, TSelf ifBelow, TSelf otherwise);

    /// <summary>Lanes where <paramref name="test"/> is not negative take <paramref name="ifNotNegative"/>, the others <paramref name="ifNegative"/>.</summary>
    static abstract TSelf SelectBySign(TSelf test, TSelf ifNotNegative, TSelf ifNegative);

    /// <summary>Splits positive normal floats into m * 2^k with m in [1, 2): returns m, and k as floats.</summary>
    static abstract TSelf SplitExponent(TSelf value, out TSelf exponent);

    /// <summary>Whether any lane is +inf or -inf.</summary>
    static abstract bool AnyInfinite(TSelf value);

    /// <summary>
    /// Lane i: <c>source[first + min(i, lanes - 1) * stride + columns[i]]</c>, one element per row of a block of rows
    /// (lanes past the block repeat its last row; every lane's column must be valid). <paramref name="source"/> must be
    /// pinned or on the stack; indices are not checked.
    /// </summary>
    static abstract TSelf GatherColumn(ReadOnlySpan<float> source, int first, int stride, int lanes, TSelf columns);

    /// <summary>
    /// Lane i: the sum over c of <c>source[(first + i) * classes + c]</c>, for the rows i &lt; <paramref name="lanes"/>
    /// (the other lanes are finite). Pinned or stack memory.
    /// </summary>
    static abstract TSelf RowSums(ReadOnlySpan<float> source, int first, int classes, int lanes);

    /// <summary>Per row as in <see cref="RowSums"/>: the sums of source times weights, and of the weights.</summary>
    static abstract TSelf ProductAndWeightSums(ReadOnlySpan<float> source, ReadOnlySpan<float> weights, int first, int classes, int lanes, out TSelf weightSums);

    /// <summary>
    /// Lane i: <c>source[row + indices[offset + i]]</c> (indices below <c>Count</c>; per-row values spread over the
    /// elements of rows, one permute); reads <c>Count</c> elements from <paramref name="row"/>.
    /// </summary>
    static abstract TSelf Permute(ReadOnlySpan<float> source, int row, ReadOnlySpan<int> indices, int offset);

    /// <summary>The first and the second elements of <c>Count</c> pairs at <paramref name="offset"/>.</summary>
    static abstract void SplitPairs(ReadOnlySpan<float> pairs, int offset, out TSelf firsts, out TSelf seconds);

    /// <summary><c>Count</c> pairs back from their first and second elements, stored at <paramref name="offset"/>.</summary>
    static abstract void MergePairs(TSelf firsts, TSelf seconds, Span<float> pairs, int offset);

    float Sum();

    float MaxAcross();
}
