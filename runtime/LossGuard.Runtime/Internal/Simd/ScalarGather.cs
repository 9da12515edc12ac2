using System;

namespace LossGuard.Internal.Simd;

/// <summary>A gather one element at a time, where the hardware has no gather instruction.</summary>
internal static class ScalarGather
{
    /// <summary>lanes[i] = source[indices[i]]; returns <paramref name="lanes"/>.</summary>
    public static ReadOnlySpan<float> Lanes(ReadOnlySpan<float> source, ReadOnlySpan<int> indices, Span<float> lanes)
    {
        for (int i = 0; i < indices.Length; i++)
        {
            lanes[i] = source[indices[i]];
        }

        return lanes;
    }
}
