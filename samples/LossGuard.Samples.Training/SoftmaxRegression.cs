using System;

namespace LossGuard.Samples.Training;

/// <summary>A linear classifier: logits = x W + b, trained by full-batch gradient descent on a softmax cross-entropy.</summary>
internal sealed class SoftmaxRegression
{
    private readonly int features;
    private readonly int classes;
    private readonly float[] weights;
    private readonly float[] bias;

    public SoftmaxRegression(int features, int classes, int seed)
    {
        this.features = features;
        this.classes = classes;
        weights = new float[features * classes];
        bias = new float[classes];
        var random = new Random(seed);
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)((random.NextDouble() - 0.5) * 0.1);
        }
    }

    public int Classes => classes;

    public float[] Logits(float[] inputs)
    {
        var rows = inputs.Length / features;
        var logits = new float[rows * classes];
        for (var row = 0; row < rows; row++)
        {
            for (var c = 0; c < classes; c++)
            {
                var sum = bias[c];
                for (var f = 0; f < features; f++)
                {
                    sum += inputs[(row * features) + f] * weights[(f * classes) + c];
                }

                logits[(row * classes) + c] = sum;
            }
        }

        return logits;
    }

    /// <summary>One descent step given d(loss)/d(logits) for every row.</summary>
    public void Step(float[] inputs, ReadOnlySpan<float> logitGradient, float learningRate)
    {
        var rows = inputs.Length / features;
        for (var c = 0; c < classes; c++)
        {
            var biasGradient = 0f;
            for (var row = 0; row < rows; row++)
            {
                biasGradient += logitGradient[(row * classes) + c];
            }

            bias[c] -= learningRate * biasGradient;
            for (var f = 0; f < features; f++)
            {
                var weightGradient = 0f;
                for (var row = 0; row < rows; row++)
                {
                    weightGradient += inputs[(row * features) + f] * logitGradient[(row * classes) + c];
                }

                weights[(f * classes) + c] -= learningRate * weightGradient;
            }
        }
    }
}
