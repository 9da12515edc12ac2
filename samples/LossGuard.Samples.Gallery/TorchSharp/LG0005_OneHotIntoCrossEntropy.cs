using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace LossGuard.Samples.Gallery.TorchSharp;

/// <summary>LG0005 (TorchSharp): one_hot returns Int64; as a target of cross_entropy or nll_loss it is read as class indices.</summary>
internal static class LG0005_OneHotIntoCrossEntropy
{
    public static Tensor Misuse(Tensor logits, Tensor labels) => F.cross_entropy(logits, F.one_hot(labels, 10));

    public static Tensor Fixed(Tensor logits, Tensor labels) => F.cross_entropy(logits, labels);

    public static Tensor FixedWithProbabilityTargets(Tensor logits, Tensor labels) =>
        F.cross_entropy(logits, F.one_hot(labels, 10).to_type(ScalarType.Float32));
}
