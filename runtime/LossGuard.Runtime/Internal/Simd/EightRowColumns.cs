using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Row sums of a block of 8 rows of 4 or more classes (AVX, 256 bits) read as columns, one row per lane, instead of
/// gathered one column at a time: four floats of each row go into a 128-bit lane (vector q takes rows q and q + 4) and
/// 4 x 4 transposes within the lanes leave lane 4 L + q holding row 4 L + q, as <see cref="TransposedRows"/> does with 16
/// rows at 512 bits. A row whose length is not a multiple of 4 has its last four columns read from its end and the ones
/// already taken skipped, so the columns are added in the gathers' order (the same sums, to the bit) and nothing past
/// the block's last row is read.
/// </summary>
internal static unsafe class EightRowColumns
{
    public const int Rows = 8;

    /// <summary>Whether a block of <paramref name="lanes"/> rows of <paramref name="classes"/> classes is read this way.</summary>
    public static bool Handles(int classes, int lanes) => Avx.IsSupported && classes >= 4 && lanes == Rows;

    /// <summary>
    /// Lane i: the sum over c of <c>block[i * classes + c]</c> (<paramref name="weights"/> null) or of
    /// <c>block[i * classes + c] * weights[i * classes + c]</c>, with the sums of the weights in <paramref name="weightSums"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float256 Sum(float* block, float* weights, int classes, out Float256 weightSums)
    {
        var sum = Float256.Broadcast(0f);
        weightSums = sum;
        for (int column = 0; column < classes; column += 4)
        {
            int start = Math.Min(column, classes - 4);
            int skip = column - start;
            Columns(block + start, classes, out var c0, out var c1, out var c2, out var c3);
            if (weights == null)
            {
                sum = skip == 0 ? sum + c0 : sum;
                sum = skip <= 1 ? sum + c1 : sum;
                sum = skip <= 2 ? sum + c2 : sum;
                sum += c3;
                continue;
            }

            Columns(weights + start, classes, out var w0, out var w1, out var w2, out var w3);
            if (skip == 0)
            {
                sum = Float256.MultiplyAdd(c0, w0, sum);
                weightSums += w0;
            }

            if (skip <= 1)
            {
                sum = Float256.MultiplyAdd(c1, w1, sum);
                weightSums += w1;
            }

            if (skip <= 2)
            {
                sum = Float256.MultiplyAdd(c2, w2, sum);
                weightSums += w2;
            }

            sum = Float256.MultiplyAdd(c3, w3, sum);
            weightSums += w3;
        }

        return sum;
    }

    /// <summary>Columns <c>at</c> to <c>at + 3</c> of the 8 rows, one row per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Columns(
        float* at, int classes, out Float256 c0, out Float256 c1, out Float256 c2, out Float256 c3)
    {
        int step = 4 * classes;
        var v0 = Vector256.Create(Vector128.Load(at), Vector128.Load(at + step));
        var v1 = Vector256.Create(Vector128.Load(at + classes), Vector128.Load(at + classes + step));
        var v2 = Vector256.Create(Vector128.Load(at + (2 * classes)), Vector128.Load(at + (2 * classes) + step));
        var v3 = Vector256.Create(Vector128.Load(at + (3 * classes)), Vector128.Load(at + (3 * classes) + step));
        var t0 = Avx.UnpackLow(v0, v1);
        var t1 = Avx.UnpackHigh(v0, v1);
        var t2 = Avx.UnpackLow(v2, v3);
        var t3 = Avx.UnpackHigh(v2, v3);
        c0 = Float256.Of(Avx.UnpackLow(t0.AsDouble(), t2.AsDouble()).AsSingle());
        c1 = Float256.Of(Avx.UnpackHigh(t0.AsDouble(), t2.AsDouble()).AsSingle());
        c2 = Float256.Of(Avx.UnpackLow(t1.AsDouble(), t3.AsDouble()).AsSingle());
        c3 = Float256.Of(Avx.UnpackHigh(t1.AsDouble(), t3.AsDouble()).AsSingle());
    }
}
