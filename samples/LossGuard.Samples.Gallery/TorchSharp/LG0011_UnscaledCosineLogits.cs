using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace LossGuard.Samples.Gallery.TorchSharp;

/// <summary>LG0011 (TorchSharp): an ArcFace-style head that forgot its scale: cosines in [-1, 1] as logits.</summary>
internal static class LG0011_UnscaledCosineLogits
{
    private const float Scale = 64f;

    public static Tensor Misuse(Tensor embeddings, Tensor weights, Tensor labels)
    {
        var cosine = F.linear(F.normalize(embeddings, dim: -1), F.normalize(weights));
        return F.cross_entropy(cosine, labels);
    }

    public static Tensor Fixed(Tensor embeddings, Tensor weights, Tensor labels)
    {
        var cosine = F.linear(F.normalize(embeddings, dim: -1), F.normalize(weights));
        return F.cross_entropy(cosine * Scale, labels);
    }
}
