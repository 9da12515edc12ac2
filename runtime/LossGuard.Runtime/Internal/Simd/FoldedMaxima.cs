using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LossGuard.Internal.Simd;

/// <summary>
/// The maxima of 16 vectors at once (AVX-512): lane r of the result is the largest lane of vector r. The vectors are
/// folded pairwise like <see cref="FoldedRows"/> folds sums (the even lanes of two vectors against their odd lanes),
/// so 16 rows cost 15 folds instead of 16 horizontal maxima. A NaN lane may or may not survive (the hardware's max);
/// callers check the sums, where a NaN always does.
/// </summary>
internal static unsafe class FoldedMaxima
{
    /// <param name="vectors">16 consecutive vectors of 16 floats (pinned or on the stack).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Of16(float* vectors) => Fold(Eight(vectors), Eight(vectors + 128));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Eight(float* v) => Fold(Four(v), Four(v + 64));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Four(float* v) =>
        Fold(Fold(Vector512.Load(v), Vector512.Load(v + 16)), Fold(Vector512.Load(v + 32), Vector512.Load(v + 48)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Fold(Vector512<float> a, Vector512<float> b)
    {
        var evens = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        return Avx512F.Max(Avx512F.PermuteVar16x32x2(a, evens, b), Avx512F.PermuteVar16x32x2(a, evens + Vector512<int>.One, b));
    }
}
