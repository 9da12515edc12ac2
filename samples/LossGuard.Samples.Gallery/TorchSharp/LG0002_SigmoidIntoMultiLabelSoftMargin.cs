using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace LossGuard.Samples.Gallery.TorchSharp;

/// <summary>LG0002 (TorchSharp): the multi-label soft-margin loss applies a sigmoid itself.</summary>
internal static class LG0002_SigmoidIntoMultiLabelSoftMargin
{
    public static Tensor Misuse(Tensor logits, Tensor tags) => F.multilabel_soft_margin_loss(F.sigmoid(logits), tags);

    public static Tensor Fixed(Tensor logits, Tensor tags) => F.multilabel_soft_margin_loss(logits, tags);
}
