using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace LossGuard.Samples.Gallery.TorchSharp;

/// <summary>
/// LG0007 (TorchSharp): knowledge distillation ported from PyTorch. TorchSharp's kl_div defaults log_target to true,
/// so a softmax teacher is read as log-probabilities.
/// </summary>
internal static class LG0007_KlDivTargetUnderDefaultLogTarget
{
    public static Tensor Misuse(Tensor student, Tensor teacher) =>
        F.kl_div(F.log_softmax(student, 1), F.softmax(teacher, 1), reduction: nn.Reduction.Sum);

    public static Tensor Fixed(Tensor student, Tensor teacher) =>
        F.kl_div(F.log_softmax(student, 1), F.softmax(teacher, 1), log_target: false, reduction: nn.Reduction.Sum);
}
