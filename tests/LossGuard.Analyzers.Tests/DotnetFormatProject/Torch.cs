using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using F = TorchSharp.torch.nn.functional;

namespace Mixed;

internal static class TorchTraining
{
    public static Tensor SoftmaxTwice(Tensor scores, Tensor labels) => F.cross_entropy(F.softmax(scores, 1), labels);

    public static Tensor SigmoidThenBce(Tensor scores, Tensor targets) => F.binary_cross_entropy(F.sigmoid(scores), targets);

    public static Tensor LogOfSoftmax(Tensor scores) => F.softmax(scores, 1).log();

    public static Tensor OneHotTargets(Tensor scores, Tensor labels) => F.cross_entropy(scores, F.one_hot(labels, 10));

    public static Tensor ProbabilitiesIntoNll(Tensor scores, Tensor labels) => NLLLoss().forward(F.softmax(scores, dim: 1), labels);

    public static Tensor OneUnitHead(Tensor features) => Sequential(Linear(32, 1), Softmax(1)).forward(features);

    public static Tensor BatchAxis()
    {
        var model = Sequential(Linear(784, 10));
        var prediction = model.forward(randn(1, 784));
        return F.softmax(prediction, dim: 0);
    }

    public static Tensor SoftmaxModule(Tensor features, Tensor labels)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 3), Softmax(1));
        return CrossEntropyLoss().forward(model.forward(features), labels);
    }

    public static Tensor SigmoidModelWithBceModule(Tensor images, Tensor real)
    {
        var discriminator = Sequential(Linear(784, 256), LeakyReLU(0.2), Linear(256, 1), Sigmoid());
        return BCELoss().call(discriminator.call(images), real);
    }
}
