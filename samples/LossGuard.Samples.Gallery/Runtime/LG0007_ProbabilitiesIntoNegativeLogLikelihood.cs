namespace LossGuard.Samples.Gallery.Runtime;

/// <summary>LG0007: negative log-likelihood expects log-probabilities; given probabilities it computes -p, not -log p.</summary>
internal static class LG0007_ProbabilitiesIntoNegativeLogLikelihood
{
    public static float Misuse(float[] logits, int[] labels, int classes)
    {
        var probabilities = new float[logits.Length];
        Activations.Softmax(logits, probabilities, classes);
        return Losses.NegativeLogLikelihood(probabilities, labels, classes);
    }

    public static float Fixed(float[] logits, int[] labels, int classes)
    {
        var logProbabilities = new float[logits.Length];
        Activations.LogSoftmax(logits, logProbabilities, classes);
        return Losses.NegativeLogLikelihood(logProbabilities, labels, classes);
    }
}
