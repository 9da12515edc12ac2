using LossGuard.Samples.TrainingDisplay;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LossGuard.Samples.TorchSharp;

/// <summary>
/// Scores a classifier after each epoch by one yardstick, whatever loss trained it: the cross-entropy of its logits
/// on the training images, and its accuracy on the training and test images.
/// </summary>
internal sealed class Scorecard(string name, Module<Tensor, Tensor> classifier, LabelledImages train, LabelledImages test, int epochs, ProgressBar progress)
{
    public Curve Curve { get; } = new(name);

    public void Record(int epoch)
    {
        classifier.eval();
        var (loss, trainAccuracy) = Score(train);
        var (_, testAccuracy) = Score(test);
        Curve.Add(loss, trainAccuracy, testAccuracy);
        progress.Report(name, epoch, epochs, loss, testAccuracy);
    }

    private (double CrossEntropy, double Accuracy) Score(LabelledImages data)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var logits = classifier.forward(data.Images);
        var crossEntropy = functional.cross_entropy(logits, data.Labels).ToDouble();
        var accuracy = logits.argmax(1).eq(data.Labels).sum().ToDouble() / data.Count;
        return (crossEntropy, accuracy);
    }
}
