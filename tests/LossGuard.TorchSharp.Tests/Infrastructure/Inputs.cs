using LossGuard.Runtime.Tests;

namespace LossGuard.TorchSharp.Tests.Infrastructure;

/// <summary>Random and adversarial inputs, reproducible from a seed.</summary>
internal static class Inputs
{
    /// <summary>Uniform logits in [-scale, scale].</summary>
    public static float[] Logits(int seed, int length, double scale = 3.0) => Reference.RandomLogits(new Random(seed), length, scale);

    public static long[] Labels(int seed, int rows, int classes)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(_ => (long)random.Next(classes)).ToArray();
    }

    /// <summary>Uniform targets in [0, 1].</summary>
    public static float[] Targets(int seed, int length)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)random.NextDouble()).ToArray();
    }

    /// <summary>
    /// Confidently wrong rows: the labelled class gets -<paramref name="magnitude"/>, the next class
    /// +<paramref name="magnitude"/>, the others 0 (cross-entropy 2 x magnitude per row).
    /// </summary>
    public static float[] ConfidentlyWrong(long[] labels, int classes, float magnitude)
    {
        float[] logits = new float[labels.Length * classes];
        for (int row = 0; row < labels.Length; row++)
        {
            logits[row * classes + (int)labels[row]] = -magnitude;
            logits[row * classes + ((int)labels[row] + 1) % classes] = magnitude;
        }

        return logits;
    }

    /// <summary>Binary logits of ±<paramref name="magnitude"/> whose sign disagrees with the 0/1 target.</summary>
    public static (float[] Logits, float[] Targets) ConfidentlyWrongBinary(int length, float magnitude)
    {
        float[] targets = Enumerable.Range(0, length).Select(i => (float)(i % 2)).ToArray();
        return (targets.Select(t => t == 1 ? -magnitude : magnitude).ToArray(), targets);
    }
}
