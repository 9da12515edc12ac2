using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LossGuard.Internal.Simd;

/// <summary>Sixteen floats (AVX-512).</summary>
internal readonly struct Float512 : IFloatVector<Float512>
{
    private readonly Vector512<float> value;

    private Float512(Vector512<float> value) => this.value = value;

    public static int Count => Vector512<float>.Count;

    /// <summary>The lanes, for kernels written in <see cref="Vector512{T}"/> terms.</summary>
    public Vector512<float> Lanes => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float512 Load(ReadOnlySpan<float> source, int offset) =>
        new(Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float512 LoadIntegers(ReadOnlySpan<int> source, int offset) =>
        new(Vector512.ConvertToSingle(Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)offset)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float512 Broadcast(float value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<float> destination, int offset) =>
        value.StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)offset);

    public static Float512 operator +(Float512 left, Float512 right) => new(left.value + right.value);

    public static Float512 operator -(Float512 left, Float512 right) => new(left.value - right.value);

    public static Float512 operator *(Float512 left, Float512 right) => new(left.value * right.value);

    public static Float512 operator /(Float512 left, Float512 right) => new(left.value / right.value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float512 MultiplyAdd(Float512 left, Float512 right, Float512 addend) =>
#if NET9_0_OR_GREATER
        new(Vector512.FusedMultiplyAdd(left.value, right.value, addend.value));
#else
        Avx512F.IsSupported ? new(Avx512F.FusedMultiplyAdd(left.value, right.value, addend.value)) : new((left.value * right.value) + addend.value);
#endif

    public static Float512 Max(Float512 left, Float512 right) => new(Vector512.Max(left.value, right.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float512 MaxOrRight(Float512 left, Float512 right) =>
        Avx512F.IsSupported ? new(Avx512F.Max(left.value, right.value)) : new(Vector512.ConditionalSelect(Vector512.GreaterThan(left.value, right.value), left.value, right.value));

    public static Float512 Abs(Float512 value) => new(Vector512.Abs(value.value));

    public static Float512 Floor(Float512 value) => new(Vector512.Floor(value.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float512 ScaleByPowerOfTwo(Float512 value, Float512 exponent) =>
        Avx512F.IsSupported
            ? new(Avx512F.Scale(value.value, exponent.value))
            : new(value.value * Vector512.ShiftLeft(Vector512.ConvertToInt32(Vector512.Floor(exponent.value)) + Vector512.Create(127), 23).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float512 LookUp16(Float512 index, Vector512<float> table) =>
        Avx512F.IsSupported
            ? new(Avx512F.PermuteVar16x32(table, index.value.AsInt32()))
            : new(Vector512.Shuffle(table, index.value.AsInt32() & Vector512.Create(15)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float512 WhereBelow(Float512 test, Float512 bound, Float512 ifBelow, Float512 otherwise) =>
        new(Vector512.ConditionalSelect(Vector512.LessThan(test.value, bound.value), ifBelow.value, otherwise.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float512 SelectBySign(Float512 test, Float512 ifNotNegative, Float512 ifNegative) =>
        new(Vector512.ConditionalSelect(Vector512.LessThan(test.value, Vector512<float>.Zero), ifNegative.value, ifNotNegative.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float512 SplitExponent(Float512 value, out Float512 exponent)
    {
        var bits = value.value.AsInt32();
        exponent = new(Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(bits, 23) - Vector512.Create(127)));
        return new(((bits & Vector512.Create(0x007FFFFF)) | Vector512.Create(0x3F800000)).AsSingle());
    }

    public static bool AnyInfinite(Float512 value) =>
        Vector512.EqualsAny(Vector512.Abs(value.value), Vector512.Create(float.PositiveInfinity));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float512 GatherColumn(ReadOnlySpan<float> source, int first, int stride, int lanes, Float512 columns) =>
        GatherAt(source, Vector512.Create(first) + (Vector512.Min(Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), Vector512.Create(lanes - 1)) * Vector512.Create(stride))
            + Vector512.ConvertToInt32(columns.value));

    public static Float512 RowSums(ReadOnlySpan<float> source, int first, int classes, int lanes) =>
        Foldable(classes, lanes)
            ? new(FoldedRows.Sum(Block(source, first, classes), default, classes))
            : GatheredRows<Float512>.Sum(source, first, classes, lanes);

    public static Float512 ProductAndWeightSums(ReadOnlySpan<float> source, ReadOnlySpan<float> weights, int first, int classes, int lanes, out Float512 weightSums)
    {
        if (!Foldable(classes, lanes))
        {
            return GatheredRows<Float512>.ProductAndWeightSums(source, weights, first, classes, lanes, out weightSums);
        }

        weightSums = new(FoldedRows.Sum(Block(weights, first, classes), default, classes));
        return new(FoldedRows.Sum(Block(source, first, classes), Block(weights, first, classes), classes));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float512 Permute(ReadOnlySpan<float> source, int row, ReadOnlySpan<int> indices, int offset)
    {
        var index = Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(indices), (nuint)offset);
        var values = Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)row);
        return new(Avx512F.IsSupported ? Avx512F.PermuteVar16x32(values, index) : Vector512.Shuffle(values, index));
    }

    public float Sum() => Vector512.Sum(value);

    public float MaxAcross()
    {
        var quarter = Vector256.Max(value.GetLower(), value.GetUpper());
        var half = Vector128.Max(quarter.GetLower(), quarter.GetUpper());
        half = Vector128.Max(half, Vector128.Shuffle(half, Vector128.Create(2, 3, 0, 1)));
        half = Vector128.Max(half, Vector128.Shuffle(half, Vector128.Create(1, 0, 3, 2)));
        return half.ToScalar();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float512 Of(Vector512<float> lanes) => new(lanes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SplitPairs(ReadOnlySpan<float> pairs, int offset, out Float512 firsts, out Float512 seconds)
    {
        var evens = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        var a = Load(pairs, offset).value;
        var b = Load(pairs, offset + Count).value;
        firsts = new(Avx512F.PermuteVar16x32x2(a, evens, b));
        seconds = new(Avx512F.PermuteVar16x32x2(a, evens + Vector512<int>.One, b));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MergePairs(Float512 firsts, Float512 seconds, Span<float> pairs, int offset)
    {
        var low = Vector512.Create(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
        new Float512(Avx512F.PermuteVar16x32x2(firsts.value, low, seconds.value)).Store(pairs, offset);
        new Float512(Avx512F.PermuteVar16x32x2(firsts.value, low + Vector512.Create(8), seconds.value)).Store(pairs, offset + Count);
    }

    /// <summary>Lane i: <c>source[index[i]]</c> (pinned or stack memory, indices not checked).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Float512 GatherAt(ReadOnlySpan<float> source, Vector512<int> index)
    {
        if (!Avx2.IsSupported)
        {
            return GatherOneByOne(source, index);
        }

        // The callers' memory is pinned or on the stack (the interface's contract), so its address is stable.
        var start = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(source));
        return new(Vector512.Create(Avx2.GatherVector256(start, index.GetLower(), 4), Avx2.GatherVector256(start, index.GetUpper(), 4)));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Float512 GatherOneByOne(ReadOnlySpan<float> source, Vector512<int> index) =>
        Load(ScalarGather.Lanes(source, MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<Vector512<int>, int>(ref index), Count), stackalloc float[Count]), 0);

    /// <summary>Whether a full block of rows of this length folds (<see cref="FoldedRows"/>) rather than being gathered.</summary>
    private static bool Foldable(int classes, int lanes) =>
        lanes == Count && classes <= 32 && BitOperations.IsPow2(classes) && Avx512F.IsSupported;

    private static ReadOnlySpan<float> Block(ReadOnlySpan<float> values, int first, int classes) => values.Slice(first * classes, Count * classes);
}
