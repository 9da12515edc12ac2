namespace LossGuard.Samples.Gallery.Runtime;

/// <summary>LG0002: sigmoid output passed to a loss that applies sigmoid itself.</summary>
internal static class LG0002_SigmoidIntoLogitsLoss
{
    public static float Misuse(float[] logits, float[] targets) =>
        Losses.SigmoidCrossEntropyWithLogits(Activations.Sigmoid(logits), targets);

    public static float Fixed(float[] logits, float[] targets) =>
        Losses.SigmoidCrossEntropyWithLogits(logits, targets);
}
