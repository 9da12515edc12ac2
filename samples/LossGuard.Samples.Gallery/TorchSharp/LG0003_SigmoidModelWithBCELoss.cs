using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LossGuard.Samples.Gallery.TorchSharp;

/// <summary>LG0003 (TorchSharp): the DCGAN pattern, a discriminator ending in Sigmoid trained with BCELoss.</summary>
internal static class LG0003_SigmoidModelWithBCELoss
{
    public static Tensor Misuse(Tensor images, Tensor real)
    {
        var discriminator = Sequential(Linear(784, 256), LeakyReLU(0.2), Linear(256, 1), Sigmoid());
        return BCELoss().call(discriminator.call(images), real);
    }

    public static Tensor Fixed(Tensor images, Tensor real)
    {
        var discriminator = Sequential(Linear(784, 256), LeakyReLU(0.2), Linear(256, 1));
        return BCEWithLogitsLoss().call(discriminator.call(images), real);
    }
}
