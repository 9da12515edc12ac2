using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LossGuard.Internal.Simd;

/// <summary>Eight floats (AVX2 on x64, two NEON registers on Arm).</summary>
internal readonly struct Float256 : IFloatVector<Float256>
{
    private readonly Vector256<float> value;

    private Float256(Vector256<float> value) => this.value = value;

    public static int Count => Vector256<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float256 Load(ReadOnlySpan<float> source, int offset) =>
        new(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float256 LoadIntegers(ReadOnlySpan<int> source, int offset) =>
        new(Vector256.ConvertToSingle(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)offset)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float256 Broadcast(float value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<float> destination, int offset) =>
        value.StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)offset);

    /// <summary>Each vector's firsts to its lower half and seconds to its upper, then the halves joined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SplitPairs(ReadOnlySpan<float> pairs, int offset, out Float256 firsts, out Float256 seconds)
    {
        var order = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
        var a = Vector256.Shuffle(Load(pairs, offset).value, order);
        var b = Vector256.Shuffle(Load(pairs, offset + Count).value, order);
        firsts = new(Vector256.Create(a.GetLower(), b.GetLower()));
        seconds = new(Vector256.Create(a.GetUpper(), b.GetUpper()));
    }

    /// <summary>Four firsts and the four seconds beside them in one vector, interleaved by one shuffle; twice.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MergePairs(Float256 firsts, Float256 seconds, Span<float> pairs, int offset)
    {
        var interleave = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);
        new Float256(Vector256.Shuffle(Vector256.Create(firsts.value.GetLower(), seconds.value.GetLower()), interleave)).Store(pairs, offset);
        new Float256(Vector256.Shuffle(Vector256.Create(firsts.value.GetUpper(), seconds.value.GetUpper()), interleave)).Store(pairs, offset + Count);
    }

    public static Float256 operator +(Float256 left, Float256 right) => new(left.value + right.value);

    public static Float256 operator -(Float256 left, Float256 right) => new(left.value - right.value);

    public static Float256 operator *(Float256 left, Float256 right) => new(left.value * right.value);

    public static Float256 operator /(Float256 left, Float256 right) => new(left.value / right.value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float256 MultiplyAdd(Float256 left, Float256 right, Float256 addend) =>
#if NET9_0_OR_GREATER
        new(Vector256.FusedMultiplyAdd(left.value, right.value, addend.value));
#else
        Fma.IsSupported ? new(Fma.MultiplyAdd(left.value, right.value, addend.value)) : new((left.value * right.value) + addend.value);
#endif

    public static Float256 Max(Float256 left, Float256 right) => new(Vector256.Max(left.value, right.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float256 MaxOrRight(Float256 left, Float256 right) =>
        Avx.IsSupported ? new(Avx.Max(left.value, right.value)) : new(Vector256.ConditionalSelect(Vector256.GreaterThan(left.value, right.value), left.value, right.value));

    public static Float256 Abs(Float256 value) => new(Vector256.Abs(value.value));

    public static Float256 Floor(Float256 value) => new(Vector256.Floor(value.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float256 ScaleByPowerOfTwo(Float256 value, Float256 exponent) =>
        Avx512F.VL.IsSupported
            ? new(Avx512F.VL.Scale(value.value, exponent.value))
            : new(value.value * Vector256.ShiftLeft(Vector256.ConvertToInt32(Vector256.Floor(exponent.value)) + Vector256.Create(127), 23).AsSingle());

    /// <summary>Two 8-entry lookups (the index's low three bits), the upper table's where bit 3 is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float256 LookUp16(Float256 index, Vector512<float> table)
    {
        var bits = index.value.AsInt32();
        if (Avx2.IsSupported)
        {
            var low = Avx2.PermuteVar8x32(table.GetLower(), bits);
            var high = Avx2.PermuteVar8x32(table.GetUpper(), bits);
            return new(Avx.BlendVariable(low, high, Vector256.ShiftLeft(bits, 28).AsSingle()));
        }

        var column = bits & Vector256.Create(7);
        var upper = Vector256.Equals(bits & Vector256.Create(8), Vector256.Create(8)).AsSingle();
        return new(Vector256.ConditionalSelect(upper, Vector256.Shuffle(table.GetUpper(), column), Vector256.Shuffle(table.GetLower(), column)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float256 WhereBelow(Float256 test, Float256 bound, Float256 ifBelow, Float256 otherwise) =>
        new(Vector256.ConditionalSelect(Vector256.LessThan(test.value, bound.value), ifBelow.value, otherwise.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float256 SelectBySign(Float256 test, Float256 ifNotNegative, Float256 ifNegative) =>
        new(Vector256.ConditionalSelect(Vector256.LessThan(test.value, Vector256<float>.Zero), ifNegative.value, ifNotNegative.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float256 SplitExponent(Float256 value, out Float256 exponent)
    {
        var bits = value.value.AsInt32();
        exponent = new(Vector256.ConvertToSingle(Vector256.ShiftRightArithmetic(bits, 23) - Vector256.Create(127)));
        return new(((bits & Vector256.Create(0x007FFFFF)) | Vector256.Create(0x3F800000)).AsSingle());
    }

    public static bool AnyInfinite(Float256 value) =>
        Vector256.EqualsAny(Vector256.Abs(value.value), Vector256.Create(float.PositiveInfinity));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float256 GatherColumn(ReadOnlySpan<float> source, int first, int stride, int lanes, Float256 columns) =>
        GatherAt(source, Vector256.Create(first) + (Vector256.Min(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(lanes - 1)) * Vector256.Create(stride))
            + Vector256.ConvertToInt32(columns.value));

    /// <summary>Whole blocks of 4 or more classes read as columns (<see cref="EightRowColumns"/>), others gathered.</summary>
    public static unsafe Float256 RowSums(ReadOnlySpan<float> source, int first, int classes, int lanes) =>
        EightRowColumns.Handles(classes, lanes)
            ? EightRowColumns.Sum(Block(source, first, classes), null, classes, out _)
            : GatheredRows<Float256>.Sum(source, first, classes, lanes);

    public static unsafe Float256 ProductAndWeightSums(ReadOnlySpan<float> source, ReadOnlySpan<float> weights, int first, int classes, int lanes, out Float256 weightSums) =>
        EightRowColumns.Handles(classes, lanes)
            ? EightRowColumns.Sum(Block(source, first, classes), Block(weights, first, classes), classes, out weightSums)
            : GatheredRows<Float256>.ProductAndWeightSums(source, weights, first, classes, lanes, out weightSums);

    public static Float256 Of(Vector256<float> lanes) => new(lanes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float256 Permute(ReadOnlySpan<float> source, int row, ReadOnlySpan<int> indices, int offset)
    {
        var index = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(indices), (nuint)offset);
        var values = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)row);
        return new(Avx2.IsSupported ? Avx2.PermuteVar8x32(values, index) : Vector256.Shuffle(values, index));
    }

    public float Sum() => Vector256.Sum(value);

    public float MaxAcross()
    {
        var half = Vector128.Max(value.GetLower(), value.GetUpper());
        half = Vector128.Max(half, Vector128.Shuffle(half, Vector128.Create(2, 3, 0, 1)));
        half = Vector128.Max(half, Vector128.Shuffle(half, Vector128.Create(1, 0, 3, 2)));
        return half.ToScalar();
    }

    /// <summary>The block of rows from row <paramref name="first"/> (the callers' memory is pinned or on the stack).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe float* Block(ReadOnlySpan<float> source, int first, int classes) =>
        (float*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(source)) + (first * classes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Float256 GatherAt(ReadOnlySpan<float> source, Vector256<int> index)
    {
        if (!Avx2.IsSupported)
        {
            return GatherOneByOne(source, index);
        }

        // The callers' memory is pinned or on the stack (the interface's contract), so its address is stable.
        var start = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(source));
        return new(Avx2.GatherVector256(start, index, 4));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Float256 GatherOneByOne(ReadOnlySpan<float> source, Vector256<int> index) =>
        Load(ScalarGather.Lanes(source, MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<Vector256<int>, int>(ref index), Count), stackalloc float[Count]), 0);
}
