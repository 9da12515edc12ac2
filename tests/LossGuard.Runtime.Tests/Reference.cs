using System;
using System.Linq;
using Xunit;

namespace LossGuard.Runtime.Tests;

/// <summary>An independent float64 reference, written from the textbook definitions (no shared code with the library).</summary>
internal static class Reference
{
    public static double[] Softmax(double[] row)
    {
        double max = row.Max();
        double[] e = row.Select(v => Math.Exp(v - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    /// <summary>Per-row -sum_c w_c t_c log softmax(z)_c.</summary>
    public static double DenseRowLoss(double[] z, double[] t, double[]? w = null) =>
        -Softmax(z).Select((p, c) => (w?[c] ?? 1.0) * t[c] * Math.Log(p)).Sum();

    public static double SigmoidLoss(double x, double t, double positiveWeight = 1.0)
    {
        double p = 1.0 / (1.0 + Math.Exp(-x));
        return -(positiveWeight * t * Math.Log(p) + (1 - t) * Math.Log(1 - p));
    }

    public static double[] Row(float[] values, int row, int classes) =>
        values.Skip(row * classes).Take(classes).Select(v => (double)v).ToArray();

    public static double[] OneHot(int label, int classes) =>
        Enumerable.Range(0, classes).Select(c => c == label ? 1.0 : 0.0).ToArray();

    public static float[] RandomLogits(Random random, int length, double scale = 3.0) =>
        Enumerable.Range(0, length).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale)).ToArray();

    /// <summary>Checks an analytic gradient against central finite differences of the loss.</summary>
    public static void AssertGradient(Func<double[], double> loss, double[] at, double[] gradient)
    {
        const double h = 1e-6;
        for (int i = 0; i < at.Length; i++)
        {
            double[] plus = (double[])at.Clone();
            double[] minus = (double[])at.Clone();
            plus[i] += h;
            minus[i] -= h;
            Assert.Equal((loss(plus) - loss(minus)) / (2 * h), gradient[i], 6);
        }
    }
}
