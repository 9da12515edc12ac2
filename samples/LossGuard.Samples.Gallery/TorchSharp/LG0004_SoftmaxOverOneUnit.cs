using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LossGuard.Samples.Gallery.TorchSharp;

/// <summary>LG0004 (TorchSharp): a one-unit binary head followed by Softmax predicts 1.0 for every example.</summary>
internal static class LG0004_SoftmaxOverOneUnit
{
    public static Tensor Misuse(Tensor features) => Sequential(Linear(32, 1), Softmax(1)).forward(features);

    public static Tensor Fixed(Tensor features) => Sequential(Linear(32, 1), Sigmoid()).forward(features);
}
