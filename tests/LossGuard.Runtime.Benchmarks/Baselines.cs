using System;
using System.Numerics.Tensors;

namespace LossGuard.Runtime.Benchmarks;

/// <summary>What a user would write without LossGuard: a plain scalar loop, and a composition of TensorPrimitives calls.</summary>
public static class Baselines
{
    /// <summary>Sparse softmax cross-entropy (mean) and its gradient, one row at a time with MathF.</summary>
    public static float NaiveSparse(Shape s)
    {
        double loss = 0;
        for (int row = 0; row < s.Rows; row++)
        {
            var z = s.Logits.AsSpan(row * s.Classes, s.Classes);
            var g = s.Gradient.AsSpan(row * s.Classes, s.Classes);
            float max = float.NegativeInfinity;
            foreach (float v in z)
            {
                max = MathF.Max(max, v);
            }

            float sum = 0;
            for (int c = 0; c < z.Length; c++)
            {
                g[c] = MathF.Exp(z[c] - max);
                sum += g[c];
            }

            loss += max + MathF.Log(sum) - z[s.Labels[row]];
            for (int c = 0; c < z.Length; c++)
            {
                g[c] = g[c] / sum / s.Rows;
            }

            g[s.Labels[row]] -= 1f / s.Rows;
        }

        return (float)(loss / s.Rows);
    }

    /// <summary>The same from TensorPrimitives calls, per row (max, subtract, exp, sum, divide).</summary>
    public static float TensorPrimitivesSparse(Shape s)
    {
        double loss = 0;
        float scale = 1f / s.Rows;
        for (int row = 0; row < s.Rows; row++)
        {
            var z = s.Logits.AsSpan(row * s.Classes, s.Classes);
            var g = s.Gradient.AsSpan(row * s.Classes, s.Classes);
            float max = TensorPrimitives.Max(z);
            TensorPrimitives.Subtract(z, max, g);
            TensorPrimitives.Exp(g, g);
            float sum = TensorPrimitives.Sum(g);
            TensorPrimitives.Multiply(g, scale / sum, g);
            loss += max + MathF.Log(sum) - z[s.Labels[row]];
            g[s.Labels[row]] -= scale;
        }

        return (float)(loss / s.Rows);
    }

    /// <summary>Sigmoid cross-entropy (mean) and its gradient, element by element with MathF.</summary>
    public static float NaiveSigmoid(Shape s)
    {
        double loss = 0;
        float scale = 1f / s.Logits.Length;
        for (int i = 0; i < s.Logits.Length; i++)
        {
            float x = s.Logits[i];
            float t = s.Targets[i];
            loss += MathF.Max(x, 0) - (x * t) + MathF.Log(1 + MathF.Exp(-MathF.Abs(x)));
            s.Gradient[i] = ((1f / (1f + MathF.Exp(-x))) - t) * scale;
        }

        return (float)(loss / s.Logits.Length);
    }

    /// <summary>The same from TensorPrimitives calls over the whole buffer (one scratch buffer, made once by the caller).</summary>
    public static float TensorPrimitivesSigmoid(Shape s, float[] scratch)
    {
        var x = s.Logits.AsSpan();
        var work = scratch.AsSpan(0, x.Length);
        TensorPrimitives.Abs(x, work);
        TensorPrimitives.Negate(work, work);
        TensorPrimitives.Exp(work, work);
        TensorPrimitives.Add(work, 1f, work);
        TensorPrimitives.Log(work, work);
        float softplus = TensorPrimitives.Sum(work);
        TensorPrimitives.Max(x, 0f, s.Gradient);
        float loss = softplus + TensorPrimitives.Sum(s.Gradient) - TensorPrimitives.Dot(x, s.Targets);
        TensorPrimitives.Sigmoid(x, s.Gradient);
        TensorPrimitives.Subtract(s.Gradient, s.Targets, s.Gradient);
        TensorPrimitives.Multiply(s.Gradient, 1f / x.Length, s.Gradient);
        return loss / x.Length;
    }
}
