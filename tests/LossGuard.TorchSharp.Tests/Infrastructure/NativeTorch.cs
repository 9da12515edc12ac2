using System.IO;
using System.Runtime.InteropServices;
using TorchSharp;

namespace LossGuard.TorchSharp.Tests.Infrastructure;

/// <summary>
/// Loads TorchSharp's native libraries once, or fails with what went wrong: these tests must run on CI's Linux x64
/// machines, so a library that does not load is a failure, never a skipped test.
/// </summary>
internal static class NativeTorch
{
    private static readonly Lazy<string?> Failure = new(Load);

    /// <summary>Throws with the loader's message unless TorchSharp's native code is usable in this process.</summary>
    public static void Require()
    {
        if (Failure.Value is { } message)
        {
            throw new InvalidOperationException(message);
        }
    }

    private static string? Load()
    {
        // dlopen's own message ("GLIBCXX_3.4.32 not found") is clearer than TorchSharp's, so the shim is loaded first.
        string shim = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");
        if (OperatingSystem.IsLinux() && File.Exists(shim) && !NativeLibrary.TryLoad(shim, out _))
        {
            try
            {
                NativeLibrary.Load(shim);
            }
            catch (DllNotFoundException exception)
            {
                return Explain(exception.Message);
            }
        }

        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            return null;
        }
        catch (Exception exception) when (exception is DllNotFoundException or NotSupportedException or InvalidOperationException or TypeInitializationException)
        {
            return Explain(exception.ToString());
        }
    }

    private static string Explain(string detail) =>
        "TorchSharp's native library (libtorch 2.10, TorchSharp-cpu 0.107.0) does not load in this test process, so no "
        + "code fix can be checked numerically. On Linux with a libstdc++ older than GCC 13, build/TorchSharpNative/"
        + "TorchSharpNative.targets must have marked GLIBCXX_3.4.32 weak in " + AppContext.BaseDirectory
        + "libLibTorchSharp.so (see the build output, and LossGuardMarkGlibcxxWeak). Loader: " + detail;
}
