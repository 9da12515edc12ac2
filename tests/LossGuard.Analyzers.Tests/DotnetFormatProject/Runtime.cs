using System;
using LossGuard;

namespace Mixed;

internal static class RuntimeTraining
{
    private const int Outputs = 1;

    public static float SoftmaxTwice(float[] logits, int[] labels, int classes) =>
        Losses.SparseSoftmaxCrossEntropyWithLogits(Activations.Softmax(logits, classes), labels, classes);

    public static float SigmoidTwice(float[] logits, float[] targets)
    {
        var probabilities = Activations.Sigmoid(logits);
        return Losses.SigmoidCrossEntropyWithLogits(probabilities, targets);
    }

    public static float ProbabilitySpaceLoss(float[] logits, float[] targets, int classes) =>
        Losses.CategoricalCrossEntropy(Activations.Softmax(logits, classes), targets, classes);

    public static float[] OneClass(float[] scores) => Activations.Softmax(scores, Outputs);

    public static float LogOfAnElement(float[] logits, int label, int classes)
    {
        var probabilities = Activations.Softmax(logits, classes);
        return -MathF.Log(probabilities[label]);
    }

    public static float ProbabilitiesIntoLikelihoodBuffer(float[] logits, int[] labels, int classes)
    {
        var probabilities = new float[logits.Length];
        Activations.Softmax(logits, probabilities, classes);
        return Losses.NegativeLogLikelihood(probabilities, labels, classes);
    }
}
