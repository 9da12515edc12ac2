using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace LossGuard.Internal.Simd;

/// <summary>A generic span seen as the float span it is, for the float kernels (callers check <c>typeof(T) == typeof(float)</c>).</summary>
internal static class Floats
{
    public static ReadOnlySpan<float> Of<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T> => MemoryMarshal.Cast<T, float>(values);

    public static Span<float> Of<T>(Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T> => MemoryMarshal.Cast<T, float>(values);
}
