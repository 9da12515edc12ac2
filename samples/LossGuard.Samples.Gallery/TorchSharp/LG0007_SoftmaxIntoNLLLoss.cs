using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using F = TorchSharp.torch.nn.functional;

namespace LossGuard.Samples.Gallery.TorchSharp;

/// <summary>LG0007 (TorchSharp): NLLLoss reads log-probabilities; a pipeline ending in softmax gives it probabilities.</summary>
internal static class LG0007_SoftmaxIntoNLLLoss
{
    public static Tensor Misuse(Tensor scores, Tensor labels) => NLLLoss().forward(F.softmax(scores, dim: 1), labels);

    public static Tensor Fixed(Tensor scores, Tensor labels) => NLLLoss().forward(F.log_softmax(scores, dim: 1), labels);
}
