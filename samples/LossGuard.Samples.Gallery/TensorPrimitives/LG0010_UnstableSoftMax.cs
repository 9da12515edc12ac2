using System;
using Primitives = System.Numerics.Tensors.TensorPrimitives;

namespace LossGuard.Samples.Gallery.TensorPrimitives;

/// <summary>LG0010: TensorPrimitives.SoftMax does not subtract the maximum; logits above about 88 give NaN.</summary>
internal static class LG0010_UnstableSoftMax
{
    public static float[] Misuse(float[] scores)
    {
        var probabilities = new float[scores.Length];
        Primitives.SoftMax(scores, probabilities);
        return probabilities;
    }

    public static float[] Fixed(float[] scores)
    {
        var probabilities = new float[scores.Length];
        Activations.Softmax(scores, probabilities, scores.Length);
        return probabilities;
    }

    public static float[] FixedWithPrimitives(float[] scores)
    {
        var shifted = new float[scores.Length];
        Primitives.Subtract(scores, Primitives.Max(scores), shifted);
        var probabilities = new float[scores.Length];
        Primitives.SoftMax(shifted, probabilities);
        return probabilities;
    }

    public static string Show(float[] scores) => string.Join(", ", Array.ConvertAll(scores, s => s.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)));
}
