using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LossGuard.Internal.Simd;

/// <summary>
/// A block of 16 rows of 4 or more classes read as columns (AVX-512), each column a vector with one row per lane, so
/// per-row sums are plain vector additions (no fold, no padding). Rows are read four floats at a time into the 128-bit
/// lanes (vector q takes rows q, q + 4, q + 8, q + 12) and transposed four by four within the lanes, which leaves lane
/// 4 L + q holding row 4 L + q: the rows in order. A row whose length is not a multiple of 4 has its last four columns
/// read from its end (overlapping the columns before them, which are not handed on twice), so nothing past a row is read.
/// </summary>
internal static unsafe class TransposedRows
{
    /// <summary>
    /// Whether rows of this many classes go through the kernels read as columns (<see cref="BlockRows.Handles"/> holds
    /// too): 4 to 32 (2 classes have their closed form, 3 are padded and folded).
    /// </summary>
    public static bool Handles(int classes) => classes >= 4;

    /// <summary>
    /// Runs <paramref name="sums"/> over whole blocks of 16 rows (<paramref name="rows"/> a multiple of 16) of
    /// <paramref name="logits"/>, with <paramref name="targets"/> (dense) or <paramref name="labels"/> (sparse) beside them
    /// and e^(z - <paramref name="shift"/>). When <paramref name="gradient"/> is given, each block's gradient
    /// (<see cref="IColumnSums.Gradient"/>) is written once the block's sums are complete, from its exponentials (and
    /// targets) kept as columns in <paramref name="columnScratch"/> (<see cref="ScratchFloats"/>, on the stack): one pass, no
    /// exponentials written to memory, no gradient pass. The gradient may be the logits (a block is read whole before it
    /// is written) but must not overlap them otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RowSums<TSums>(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, ReadOnlySpan<int> labels, int classes, int rows, float shift, Span<float> gradient,
        Span<float> columnScratch, TSums sums)
        where TSums : struct, IColumnSums
    {
        var shiftLanes = Vector512.Create(shift);
        fixed (float* z = logits)
        fixed (float* t = targets)
        fixed (int* y = labels)
        fixed (float* g = gradient)
        fixed (float* columns = columnScratch)
        {
            float* kept = g == null ? null : columns;
            for (int first = 0; first < rows; first += BlockRows.Count)
            {
                int at = first * classes;
                sums.Begin(y == null ? default : Vector512.Load(y + first));
                Sum(z + at, t == null ? null : t + at, kept, classes, shiftLanes, ref sums);
                sums.Store(first);
                if (g != null)
                {
                    Gradient(g + at, columns, t != null, classes, ref sums);
                }
            }
        }
    }

    /// <summary>The scratch a call with a gradient needs: one block's exponentials and targets as columns.</summary>
    public const int ScratchFloats = 2 * ColumnFloats;

    /// <summary>Floats of one block's columns kept for the gradient: 16 rows of at most 32 classes.</summary>
    private const int ColumnFloats = BlockRows.Count * ShortRows<Float512>.MaxClasses;

    /// <summary>
    /// Hands each column of the 16 rows at <paramref name="logits"/> (<paramref name="classes"/> floats a row) to
    /// <paramref name="sums"/>, with the same column of <paramref name="targets"/> (zero when it is null); the columns of
    /// exponentials (and targets, after them) are kept in <paramref name="columns"/> when it is given.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Sum<TSums>(float* logits, float* targets, float* columns, int classes, Vector512<float> shift, ref TSums sums)
        where TSums : struct, IColumnSums
    {
        Vector512<float> t0 = default, t1 = default, t2 = default, t3 = default;
        for (int column = 0; column < classes; column += 4)
        {
            int start = Math.Min(column, classes - 4);
            int skip = column - start;
            Columns(logits, classes, start, out var z0, out var z1, out var z2, out var z3);
            if (targets != null)
            {
                Columns(targets, classes, start, out t0, out t1, out t2, out t3);
            }

            var e0 = VectorMath.ExpNonPositive(Float512.Of(z0 - shift)).Lanes;
            var e1 = VectorMath.ExpNonPositive(Float512.Of(z1 - shift)).Lanes;
            var e2 = VectorMath.ExpNonPositive(Float512.Of(z2 - shift)).Lanes;
            var e3 = VectorMath.ExpNonPositive(Float512.Of(z3 - shift)).Lanes;
            if (skip == 0)
            {
                sums.Add(z0, t0, e0, start);
            }

            if (skip <= 1)
            {
                sums.Add(z1, t1, e1, start + 1);
            }

            if (skip <= 2)
            {
                sums.Add(z2, t2, e2, start + 2);
            }

            sums.Add(z3, t3, e3, start + 3);
            if (columns != null)
            {
                Keep(columns + (BlockRows.Count * start), e0, e1, e2, e3);
                if (targets != null)
                {
                    Keep(columns + ColumnFloats + (BlockRows.Count * start), t0, t1, t2, t3);
                }
            }
        }
    }

    /// <summary>One block's gradient from its columns kept by <see cref="Sum"/>, transposed back into the rows at <paramref name="gradient"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Gradient<TSums>(float* gradient, float* columns, bool dense, int classes, ref TSums sums)
        where TSums : struct, IColumnSums
    {
        var factor = sums.Factor();
        for (int column = 0; column < classes; column += 4)
        {
            int start = Math.Min(column, classes - 4);
            var e = columns + (BlockRows.Count * start);
            var t = columns + ColumnFloats + (BlockRows.Count * start);
            var g0 = sums.Gradient(Vector512.Load(e), dense ? Vector512.Load(t) : default, start, factor);
            var g1 = sums.Gradient(Vector512.Load(e + 16), dense ? Vector512.Load(t + 16) : default, start + 1, factor);
            var g2 = sums.Gradient(Vector512.Load(e + 32), dense ? Vector512.Load(t + 32) : default, start + 2, factor);
            var g3 = sums.Gradient(Vector512.Load(e + 48), dense ? Vector512.Load(t + 48) : default, start + 3, factor);
            Store(gradient + start, classes, g0, g1, g2, g3);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Keep(float* at, Vector512<float> c0, Vector512<float> c1, Vector512<float> c2, Vector512<float> c3)
    {
        c0.Store(at);
        c1.Store(at + 16);
        c2.Store(at + 32);
        c3.Store(at + 48);
    }

    /// <summary>Four columns, one row per lane, written back to the 16 rows at <paramref name="at"/> (the transpose is its own inverse).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* at, int classes, Vector512<float> c0, Vector512<float> c1, Vector512<float> c2, Vector512<float> c3)
    {
        Transpose(c0, c1, c2, c3, out var v0, out var v1, out var v2, out var v3);
        StoreQuarter(at, classes, v0);
        StoreQuarter(at + classes, classes, v1);
        StoreQuarter(at + (2 * classes), classes, v2);
        StoreQuarter(at + (3 * classes), classes, v3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreQuarter(float* at, int classes, Vector512<float> value)
    {
        int step = 4 * classes;
        Avx512F.ExtractVector128(value, 0).Store(at);
        Avx512F.ExtractVector128(value, 1).Store(at + step);
        Avx512F.ExtractVector128(value, 2).Store(at + (2 * step));
        Avx512F.ExtractVector128(value, 3).Store(at + (3 * step));
    }

    /// <summary>Columns <paramref name="start"/> to <paramref name="start"/> + 3 of the 16 rows at <paramref name="block"/>, one row per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Columns(
        float* block, int classes, int start, out Vector512<float> c0, out Vector512<float> c1, out Vector512<float> c2, out Vector512<float> c3)
    {
        var v0 = Quarter(block + start, classes);
        var v1 = Quarter(block + start + classes, classes);
        var v2 = Quarter(block + start + (2 * classes), classes);
        var v3 = Quarter(block + start + (3 * classes), classes);
        Transpose(v0, v1, v2, v3, out c0, out c1, out c2, out c3);
    }

    /// <summary>4 x 4 transposes within each 128-bit lane of four vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(
        Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, Vector512<float> v3,
        out Vector512<float> c0, out Vector512<float> c1, out Vector512<float> c2, out Vector512<float> c3)
    {
        var t0 = Avx512F.UnpackLow(v0, v1);
        var t1 = Avx512F.UnpackHigh(v0, v1);
        var t2 = Avx512F.UnpackLow(v2, v3);
        var t3 = Avx512F.UnpackHigh(v2, v3);
        c0 = Avx512F.UnpackLow(t0.AsDouble(), t2.AsDouble()).AsSingle();
        c1 = Avx512F.UnpackHigh(t0.AsDouble(), t2.AsDouble()).AsSingle();
        c2 = Avx512F.UnpackLow(t1.AsDouble(), t3.AsDouble()).AsSingle();
        c3 = Avx512F.UnpackHigh(t1.AsDouble(), t3.AsDouble()).AsSingle();
    }

    /// <summary>Four floats from each of four rows 4 rows apart, one row per 128-bit lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Quarter(float* at, int classes)
    {
        int step = 4 * classes;
        var low = Vector256.Create(Vector128.Load(at), Vector128.Load(at + step));
        var high = Vector256.Create(Vector128.Load(at + (2 * step)), Vector128.Load(at + (3 * step)));
        return Avx512F.InsertVector256(low.ToVector512Unsafe(), high, 1);
    }
}
