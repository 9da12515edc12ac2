using System;

namespace LossGuard.Runtime.Benchmarks;

/// <summary>A batch of rows of logits with their labels, filled from a fixed seed.</summary>
public sealed class Shape
{
    public Shape(int rows, int classes)
    {
        Rows = rows;
        Classes = classes;
        var random = new Random(rows * 31 + classes);
        Logits = new float[rows * classes];
        Targets = new float[rows * classes];
        Labels = new int[rows];
        Gradient = new float[rows * classes];
        for (int i = 0; i < Logits.Length; i++)
        {
            Logits[i] = (float)((random.NextDouble() * 8) - 4);
            Targets[i] = (float)random.NextDouble();
        }

        for (int row = 0; row < rows; row++)
        {
            Labels[row] = random.Next(classes);
            float total = 0;
            for (int c = 0; c < classes; c++)
            {
                total += Targets[(row * classes) + c];
            }

            for (int c = 0; c < classes; c++)
            {
                Targets[(row * classes) + c] /= total;
            }
        }
    }

    /// <summary>The shapes the runtime is measured on: large class counts, many short rows, tiny rows, one huge row.</summary>
    public static Shape[] All { get; } =
    {
        new(8192, 1024), new(256, 32768), new(65536, 128), new(4096, 8), new(1, 262144),
    };

    public int Rows { get; }

    public int Classes { get; }

    public float[] Logits { get; }

    /// <summary>A distribution per row (dense labels), also used as sigmoid targets.</summary>
    public float[] Targets { get; }

    public int[] Labels { get; }

    public float[] Gradient { get; }

    public long Elements => (long)Rows * Classes;

    public override string ToString() => $"{Rows}x{Classes}";

    /// <summary>A shape written as rows x classes, e.g. <c>4096x8</c>.</summary>
    public static Shape Parse(string text)
    {
        string[] parts = text.Split('x');
        return new Shape(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
