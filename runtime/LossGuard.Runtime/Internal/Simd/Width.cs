using System;
using System.Runtime.Intrinsics;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Which vector width a kernel runs at. 512-bit vectors are used only for rows long enough to pay for their
/// reductions and only where they measured faster (docs/performance.md); the AppContext switch
/// <c>LossGuard.VectorWidth</c> (256 or 512) overrides the choice, for benchmarks.
/// </summary>
internal static class Width
{
    private static readonly int Forced = AppContext.GetData("LossGuard.VectorWidth") is string text && int.TryParse(text, out int bits) ? bits : 0;

    /// <summary>Rows at least this long run 512 bits wide when the hardware has it.</summary>
    public const int WideRow = 256;

    public static bool Wide(int rowLength) =>
        Vector512.IsHardwareAccelerated && (Forced == 512 || (Forced == 0 && PreferWide && rowLength >= WideRow));

    /// <summary>Set from measurement on the target machine (see docs/performance.md).</summary>
    private const bool PreferWide = true;
}
