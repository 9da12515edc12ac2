using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace LossGuard.Samples.Gallery.TorchSharp;

/// <summary>
/// LG0007 (TorchSharp): a count model whose head makes rates with exp, trained with poisson_nll_loss, whose log_input
/// defaults to true (as in PyTorch): the loss reads the rates as log-rates and computes exp(rate) - count * rate.
/// </summary>
internal static class LG0007_ExpRatesIntoPoissonLoss
{
    public static Tensor Misuse(Tensor logRates, Tensor counts) =>
        F.poisson_nll_loss(exp(logRates), counts);

    public static Tensor Fixed(Tensor logRates, Tensor counts) =>
        F.poisson_nll_loss(logRates, counts);
}
