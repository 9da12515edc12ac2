using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace LossGuard.Samples.Gallery.TorchSharp;

/// <summary>LG0008 (TorchSharp): CTC reads [T, N, C] log-probabilities; a log_softmax along dimension 1 normalises across the batch.</summary>
internal static class LG0008_CtcLogSoftmaxOverBatch
{
    public static Tensor Misuse(Tensor weights, Tensor targets, Tensor inputLengths, Tensor targetLengths)
    {
        var logits = F.linear(randn(50, 16, 64), weights);
        return F.ctc_loss(F.log_softmax(logits, 1), targets, inputLengths, targetLengths);
    }

    public static Tensor Fixed(Tensor weights, Tensor targets, Tensor inputLengths, Tensor targetLengths)
    {
        var logits = F.linear(randn(50, 16, 64), weights);
        return F.ctc_loss(F.log_softmax(logits, 2), targets, inputLengths, targetLengths);
    }
}
