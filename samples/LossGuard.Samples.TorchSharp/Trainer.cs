using System;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LossGuard.Samples.TorchSharp;

/// <summary>One epoch of mini-batch training and an evaluation pass, with the model and loss passed in as the examples do.</summary>
internal static class Trainer
{
    public static double Epoch(Module<Tensor, Tensor> model, Loss<Tensor, Tensor, Tensor> criterion, optim.Optimizer optimizer, Tensor images, Tensor labels, int batchSize)
    {
        model.train();
        var total = 0.0;
        var batches = images.shape[0] / batchSize;
        for (var batch = 0L; batch < batches; batch++)
        {
            using var scope = torch.NewDisposeScope();
            var x = images.narrow(0, batch * batchSize, batchSize);
            var y = labels.narrow(0, batch * batchSize, batchSize);
            optimizer.zero_grad();
            var loss = criterion.forward(model.forward(x), y);
            loss.backward();
            optimizer.step();
            total += loss.ToDouble();
        }

        return total / Math.Max(1, batches);
    }

    public static double Accuracy(Module<Tensor, Tensor> model, Tensor images, Tensor labels)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        var predicted = model.forward(images).argmax(1);
        return predicted.eq(labels).sum().ToDouble() / labels.shape[0];
    }
}
