using System;
using System.IO;

namespace LossGuard.Build.Tests;

/// <summary>TorchSharp's native shim as the TorchSharp package puts it into this test project's output.</summary>
internal static class Shim
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    /// <summary>A copy of the shim in a fresh folder, for a test to patch.</summary>
    public static string CopyTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var copy = System.IO.Path.Combine(folder, "libLibTorchSharp.so");
        File.Copy(Path, copy, overwrite: true);
        return copy;
    }
}
