using static TorchSharp.torch;

namespace LossGuard.TorchSharp.Tests;

/// <summary>The precondition of every other test here, as one clearly named test.</summary>
public sealed class NativeLibraryTests
{
    [Fact]
    public void TorchSharp_native_library_loads_and_computes()
    {
        NativeTorch.Require();
        using var sum = tensor(new[] { 1.5f, 2.25f }).sum();
        Assert.Equal(3.75f, sum.item<float>());
    }
}
