using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace LossGuard.Runtime.Tests;

/// <summary>Losses and gradients against PyTorch's, for the fixed inputs in Golden/pytorch.json (runtime/golden/make_golden.py).</summary>
public sealed class PyTorchGoldenTests
{
    public static TheoryData<string> Cases() => new(Golden.Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float_losses_and_gradients_match_PyTorch(string name)
    {
        var golden = Golden.Cases.Single(c => c.Name == name);
        var (losses, gradient) = Run(golden, golden.Logits.Select(v => (float)v).ToArray());
        AssertClose(golden.Loss, losses, 2e-5);
        AssertClose(golden.Gradient, gradient, 2e-5);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Double_losses_and_gradients_match_PyTorch(string name)
    {
        var golden = Golden.Cases.Single(c => c.Name == name);
        var (losses, gradient) = Run(golden, golden.Logits);
        AssertClose(golden.Loss, losses, 1e-9);
        AssertClose(golden.Gradient, gradient, 1e-9);
    }

    [Fact]
    public void The_golden_file_holds_every_loss_kind()
    {
        Assert.Equal(new[] { "dense", "sigmoid", "sparse" }, Golden.Cases.Select(c => c.Kind).Distinct().Order());
    }

    private static (double[] Losses, double[] Gradient) Run(GoldenCase golden, float[] logits)
    {
        var gradient = new float[logits.Length];
        var rows = new float[golden.Rows];
        var reduction = golden.Reduction;
        float loss = golden.Kind switch
        {
            "sparse" => Losses.SparseSoftmaxCrossEntropyWithLogits(
                logits, golden.Labels, golden.Classes, gradient, reduction, golden.ClassWeights.Select(w => (float)w).ToArray(),
                (float)golden.LabelSmoothing, rowLosses: rows),
            "dense" => Losses.SoftmaxCrossEntropyWithLogits(
                logits, golden.Targets.Select(t => (float)t).ToArray(), golden.Classes, gradient, reduction, labelSmoothing: (float)golden.LabelSmoothing),
            _ => Losses.SigmoidCrossEntropyWithLogits(
                logits, golden.Targets.Select(t => (float)t).ToArray(), gradient, reduction, (float)golden.PositiveWeight),
        };
        return (reduction == Reduction.None ? rows.Select(v => (double)v).ToArray() : new double[] { loss }, gradient.Select(v => (double)v).ToArray());
    }

    private static (double[] Losses, double[] Gradient) Run(GoldenCase golden, double[] logits)
    {
        var gradient = new double[logits.Length];
        var rows = new double[golden.Rows];
        var reduction = golden.Reduction;
        double loss = golden.Kind switch
        {
            "sparse" => Losses.SparseSoftmaxCrossEntropyWithLogits(
                logits, golden.Labels, golden.Classes, gradient, reduction, golden.ClassWeights, golden.LabelSmoothing, rowLosses: rows),
            "dense" => Losses.SoftmaxCrossEntropyWithLogits(logits, golden.Targets, golden.Classes, gradient, reduction, labelSmoothing: golden.LabelSmoothing),
            _ => Losses.SigmoidCrossEntropyWithLogits(logits, golden.Targets, gradient, reduction, golden.PositiveWeight),
        };
        return (reduction == Reduction.None ? rows : new[] { loss }, gradient);
    }

    /// <summary>Equal within <paramref name="tolerance"/> relative to the larger of 1 and the expected value.</summary>
    private static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            double allowed = tolerance * Math.Max(1.0, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= allowed, $"element {i}: expected {expected[i]}, got {actual[i]}");
        }
    }

    private sealed record GoldenCase(
        string Name, string Kind, int Rows, int Classes, double[] Logits, int[] Labels, double[] Targets, Reduction Reduction,
        double LabelSmoothing, double[] ClassWeights, double PositiveWeight, double[] Loss, double[] Gradient);

    private static class Golden
    {
        public static IReadOnlyList<GoldenCase> Cases { get; } = Load();

        private static List<GoldenCase> Load()
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "pytorch.json")));
            return json.RootElement.GetProperty("cases").EnumerateArray().Select(c => new GoldenCase(
                c.GetProperty("name").GetString()!,
                c.GetProperty("kind").GetString()!,
                c.GetProperty("rows").GetInt32(),
                c.GetProperty("classes").GetInt32(),
                Doubles(c, "logits"),
                c.TryGetProperty("labels", out var labels) ? labels.EnumerateArray().Select(v => v.GetInt32()).ToArray() : Array.Empty<int>(),
                Doubles(c, "targets"),
                c.GetProperty("reduction").GetString() switch { "sum" => Reduction.Sum, "none" => Reduction.None, _ => Reduction.Mean },
                c.TryGetProperty("labelSmoothing", out var smoothing) ? smoothing.GetDouble() : 0,
                Doubles(c, "classWeights"),
                c.TryGetProperty("positiveWeight", out var weight) ? weight.GetDouble() : 1,
                Doubles(c, "loss"),
                Doubles(c, "gradient"))).ToList();
        }

        private static double[] Doubles(JsonElement element, string name) =>
            element.TryGetProperty(name, out var values) ? values.EnumerateArray().Select(v => v.GetDouble()).ToArray() : Array.Empty<double>();
    }
}
