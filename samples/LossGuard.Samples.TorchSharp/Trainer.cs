using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LossGuard.Samples.TorchSharp;

/// <summary>One epoch of mini-batch training, with the model and loss passed in as the TorchSharp examples do.</summary>
internal static class Trainer
{
    public static void Epoch(Module<Tensor, Tensor> model, Loss<Tensor, Tensor, Tensor> criterion, optim.Optimizer optimizer, LabelledImages data, int batchSize)
    {
        model.train();
        foreach (var (images, labels) in data.Batches(batchSize))
        {
            optimizer.zero_grad();
            var loss = criterion.forward(model.forward(images), labels);
            loss.backward();
            optimizer.step();
        }
    }
}
