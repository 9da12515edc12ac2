using LossGuard.Runtime.Tests;

namespace LossGuard.TorchSharp.Tests.Infrastructure;

/// <summary>
/// The losses a fix promises, written from their textbook definitions in float64 (no TorchSharp, no LossGuard code):
/// what the fixed code must compute.
/// </summary>
internal static class Formula
{
    public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <summary>Mean over rows of logsumexp(z) - z[label].</summary>
    public static double CrossEntropy(float[] logits, long[] labels, int classes) =>
        Enumerable.Range(0, labels.Length).Average(row =>
        {
            double[] z = Reference.Row(logits, row, classes);
            return LogSumExp(z) - z[labels[row]];
        });

    /// <summary>(softmax(z) - onehot(label)) / rows.</summary>
    public static double[] CrossEntropyGradient(float[] logits, long[] labels, int classes) =>
        Enumerable.Range(0, labels.Length).SelectMany(row =>
            Reference.Softmax(Reference.Row(logits, row, classes)).Select((p, c) => (p - (c == labels[row] ? 1.0 : 0.0)) / labels.Length)).ToArray();

    /// <summary>Mean of max(x, 0) - x t + log(1 + exp(-|x|)), the sigmoid cross-entropy of logits x.</summary>
    public static double SigmoidCrossEntropy(float[] logits, float[] targets) =>
        logits.Select((x, i) => Math.Max(x, 0.0) - (double)x * targets[i] + Math.Log(1 + Math.Exp(-Math.Abs((double)x)))).Average();

    /// <summary>(sigmoid(x) - t) / n.</summary>
    public static double[] SigmoidCrossEntropyGradient(float[] logits, float[] targets) =>
        logits.Select((x, i) => (Sigmoid(x) - targets[i]) / logits.Length).ToArray();

    /// <summary>Row-wise softmax of a [rows, classes] matrix.</summary>
    public static double[] RowSoftmax(float[] values, int classes) =>
        Enumerable.Range(0, values.Length / classes).SelectMany(row => Reference.Softmax(Reference.Row(values, row, classes))).ToArray();

    /// <summary>Row-wise z - logsumexp(z) of a [rows, classes] matrix.</summary>
    public static double[] RowLogSoftmax(float[] values, int classes) =>
        Enumerable.Range(0, values.Length / classes).SelectMany(row =>
        {
            double[] z = Reference.Row(values, row, classes);
            double logSum = LogSumExp(z);
            return z.Select(v => v - logSum);
        }).ToArray();

    private static double LogSumExp(double[] z)
    {
        double max = z.Max();
        return max + Math.Log(z.Sum(v => Math.Exp(v - max)));
    }
}
