using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LossGuard.Samples.TorchSharp;

/// <summary>A small MLP for 28x28 digits; its output is raw logits.</summary>
internal sealed class DigitClassifier : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> layers =
        Sequential(("flatten", Flatten()), ("hidden", Linear(784, 128)), ("relu", ReLU()), ("output", Linear(128, 10)));

    public DigitClassifier() : base(nameof(DigitClassifier)) => RegisterComponents();

    public override Tensor forward(Tensor input) => layers.forward(input);
}
