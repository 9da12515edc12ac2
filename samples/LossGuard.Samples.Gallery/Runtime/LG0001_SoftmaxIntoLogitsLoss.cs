namespace LossGuard.Samples.Gallery.Runtime;

/// <summary>LG0001: softmax output passed to a loss that applies softmax itself.</summary>
internal static class LG0001_SoftmaxIntoLogitsLoss
{
    public static float Misuse(float[] logits, int[] labels, int classes)
    {
        float[] probabilities = Activations.Softmax(logits, classes);
        return Losses.SparseSoftmaxCrossEntropyWithLogits(probabilities, labels, classes);
    }

    public static float Fixed(float[] logits, int[] labels, int classes, out int[] predicted)
    {
        predicted = Labels.ArgMax(Activations.Softmax(logits, classes), classes);
        return Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, classes);
    }
}
