using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using F = TorchSharp.torch.nn.functional;

namespace LossGuard.Samples.Gallery.TorchSharp;

/// <summary>LG0008 (TorchSharp): softmax over dim 0 of a [1, 10] model output: every "probability" is 1.</summary>
internal static class LG0008_SoftmaxAlongBatchAxis
{
    public static Tensor Misuse()
    {
        var model = Sequential(Linear(784, 10));
        var prediction = model.forward(randn(1, 784));
        return F.softmax(prediction, dim: 0);
    }

    public static Tensor Fixed()
    {
        var model = Sequential(Linear(784, 10));
        var prediction = model.forward(randn(1, 784));
        return F.softmax(prediction, dim: 1);
    }
}
