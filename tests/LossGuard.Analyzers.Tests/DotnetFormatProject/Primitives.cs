using System;
using System.Numerics.Tensors;

namespace Mixed;

internal static class PrimitivesTraining
{
    public static void Probabilities(ReadOnlySpan<float> scores, Span<float> probabilities) => TensorPrimitives.SoftMax(scores, probabilities);

    public static void MoreProbabilities(ReadOnlySpan<float> values, Span<float> output) => TensorPrimitives.SoftMax(values, output);

    public static void Shifted(float[] scores, Span<float> probabilities) => TensorPrimitives.SoftMax(scores.AsSpan(1), probabilities);
}
