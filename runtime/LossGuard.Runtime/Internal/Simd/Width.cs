using System;
using System.Runtime.Intrinsics;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Which vector width the kernels run at: 512 bits wherever the hardware accelerates them (the exp, the kernels'
/// bottleneck, ran 2.1-2.7x faster at 512 than at 256 bits on the target machine; runtime/README.md). The AppContext
/// switch <c>LossGuard.VectorWidth</c> (256 or 512) overrides the choice, for benchmarks.
/// </summary>
internal static class Width
{
    private static readonly int Forced = AppContext.GetData("LossGuard.VectorWidth") is string text && int.TryParse(text, out int bits) ? bits : 0;

    public static bool Wide => Vector512.IsHardwareAccelerated && Forced != 256;
}
