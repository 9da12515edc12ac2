using System.Linq;
using LossGuard.Samples.TrainingDisplay;

namespace LossGuard.Samples.Training;

/// <summary>Trains a model, once as written with a double softmax and once fixed, recording the true cross-entropy of each.</summary>
internal static class TrainingRun
{
    public static Curve Train(string name, IrisData data, bool doubleSoftmax, int epochs, float learningRate, ProgressBar progress)
    {
        var model = new SoftmaxRegression(IrisData.Features, IrisData.Classes, seed: 7);
        var curve = new Curve(name);
        var gradient = new float[data.TrainLabels.Length * IrisData.Classes];
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var logits = model.Logits(data.TrainFeatures);
            if (doubleSoftmax)
            {
                DoubleSoftmaxGradient(logits, data.TrainLabels, gradient);
            }
            else
            {
                Losses.SparseSoftmaxCrossEntropyWithLogits(logits, data.TrainLabels, IrisData.Classes, gradient);
            }

            model.Step(data.TrainFeatures, gradient, learningRate);
            var trained = model.Logits(data.TrainFeatures);
            curve.Add(
                Losses.SparseSoftmaxCrossEntropyWithLogits(trained, data.TrainLabels, IrisData.Classes),
                Accuracy(trained, data.TrainLabels),
                Accuracy(model.Logits(data.TestFeatures), data.TestLabels));
            progress.Report(name, epoch, epochs, curve.Loss[^1], curve.TestAccuracy[^1]);
        }

        return curve;
    }

    /// <summary>
    /// The bug under study: probabilities fed to a loss that applies softmax itself. The loss's gradient is taken
    /// with respect to the probabilities and carried back through the first softmax, as autograd would.
    /// </summary>
    private static void DoubleSoftmaxGradient(float[] logits, int[] labels, float[] gradient)
    {
        var probabilities = Activations.Softmax(logits, IrisData.Classes);
        var probabilityGradient = new float[probabilities.Length];
#pragma warning disable LG0001 // The double softmax is what this run demonstrates.
        Losses.SparseSoftmaxCrossEntropyWithLogits(probabilities, labels, IrisData.Classes, probabilityGradient);
#pragma warning restore LG0001
        for (var row = 0; row < labels.Length; row++)
        {
            var offset = row * IrisData.Classes;
            var dot = 0f;
            for (var c = 0; c < IrisData.Classes; c++)
            {
                dot += probabilityGradient[offset + c] * probabilities[offset + c];
            }

            for (var c = 0; c < IrisData.Classes; c++)
            {
                gradient[offset + c] = probabilities[offset + c] * (probabilityGradient[offset + c] - dot);
            }
        }
    }

    private static double Accuracy(float[] logits, int[] labels)
    {
        var predicted = Labels.ArgMax(logits, IrisData.Classes);
        return predicted.Zip(labels).Count(pair => pair.First == pair.Second) / (double)labels.Length;
    }
}
