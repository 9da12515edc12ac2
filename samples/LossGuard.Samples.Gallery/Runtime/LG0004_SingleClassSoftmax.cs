namespace LossGuard.Samples.Gallery.Runtime;

/// <summary>LG0004: a one-output binary head normalised with softmax: every prediction is 1.0.</summary>
internal static class LG0004_SingleClassSoftmax
{
    private const int Outputs = 1;

    public static float[] Misuse(float[] scores) => Activations.Softmax(scores, Outputs);

    public static float[] Fixed(float[] scores) => Activations.Sigmoid(scores);
}
