using System;

namespace LossGuard.Samples.Gallery.Runtime;

/// <summary>LG0003: log of softmax output, and a probability-space loss after a softmax, instead of the fused forms.</summary>
internal static class LG0003_LogOfSoftmax
{
    public static float Misuse(float[] logits, int[] labels, int classes)
    {
        var probabilities = Activations.Softmax(logits, classes);
        var loss = 0f;
        for (var row = 0; row < labels.Length; row++)
        {
            loss -= MathF.Log(probabilities[(row * classes) + labels[row]]);
        }

        return (loss / labels.Length) + Losses.SparseCategoricalCrossEntropy(probabilities, labels, classes);
    }

    public static float Fixed(float[] logits, int[] labels, int classes)
    {
        var logProbabilities = Activations.LogSoftmax(logits, classes);
        var loss = 0f;
        for (var row = 0; row < labels.Length; row++)
        {
            loss -= logProbabilities[(row * classes) + labels[row]];
        }

        return (loss / labels.Length) + Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, classes);
    }
}
