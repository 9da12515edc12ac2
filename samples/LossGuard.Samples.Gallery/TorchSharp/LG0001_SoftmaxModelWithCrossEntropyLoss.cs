using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LossGuard.Samples.Gallery.TorchSharp;

/// <summary>LG0001 (TorchSharp): a model ending in Softmax trained with CrossEntropyLoss, which applies log-softmax itself.</summary>
internal static class LG0001_SoftmaxModelWithCrossEntropyLoss
{
    public static Tensor Misuse(Tensor features, Tensor labels)
    {
        var model = Sequential(("fc1", Linear(4, 16)), ("relu", ReLU()), ("fc2", Linear(16, 3)), ("softmax", Softmax(1)));
        return CrossEntropyLoss().forward(model.forward(features), labels);
    }

    public static Tensor Fixed(Tensor features, Tensor labels)
    {
        var model = Sequential(("fc1", Linear(4, 16)), ("relu", ReLU()), ("fc2", Linear(16, 3)));
        return CrossEntropyLoss().forward(model.forward(features), labels);
    }
}
