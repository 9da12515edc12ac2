using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace LossGuard.Runtime.Benchmarks;

/// <summary>
/// LossGuard.Runtime beside PyTorch CPU, measured in the same run on the same shapes: G logits/s, GB/s (of an ideal
/// kernel's traffic), the share of this machine's measured copy bandwidth, and the ratio to PyTorch per measure.
/// </summary>
public static class Comparison
{
    public static int Run(string[] args)
    {
        var shapes = Shape.All;
        double bandwidth = CopyBandwidth();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {RuntimeDescription()}; copy bandwidth {bandwidth:F1} GB/s (read + write)"));
        var ours = new Dictionary<(string, string), double>();
        foreach (var measure in Measure.All)
        {
            foreach (var shape in shapes)
            {
                ours[(measure.Name, shape.ToString())] = Timing.Median(() => measure.LossGuard(shape));
            }
        }

        var torch = PyTorch(shapes, args.Contains("--no-pytorch"));
        Console.WriteLine(torch is null ? "PyTorch: not available (python3 with torch), LossGuard only" : $"PyTorch {torch.Value.Version}, {torch.Value.Threads} thread(s)");
        foreach (var measure in Measure.All)
        {
            Console.WriteLine();
            Console.WriteLine($"## {measure.Name}");
            Console.WriteLine("| shape | LossGuard G logits/s | GB/s | share of bandwidth | PyTorch G logits/s | ratio |");
            Console.WriteLine("|---|---|---|---|---|---|");
            var ratios = new List<double>();
            foreach (var shape in shapes)
            {
                double seconds = ours[(measure.Name, shape.ToString())];
                double rate = shape.Elements / seconds / 1e9;
                double gigabytes = rate * measure.BytesPerLogit;
                string theirs = "-";
                string ratio = "-";
                if (torch?.Seconds.TryGetValue(measure.Name, out var byShape) == true && byShape.TryGetValue(shape.ToString(), out double torchSeconds))
                {
                    theirs = Format(shape.Elements / torchSeconds / 1e9);
                    ratios.Add(torchSeconds / seconds);
                    ratio = Format(torchSeconds / seconds) + "x";
                }

                Console.WriteLine($"| {shape} | {Format(rate)} | {Format(gigabytes)} | {Format(100 * gigabytes / bandwidth)}% | {theirs} | {ratio} |");
            }

            if (ratios.Count > 0)
            {
                double geometric = Math.Exp(ratios.Average(Math.Log));
                Console.WriteLine($"geometric mean ratio {Format(geometric)}x, slowest shape {Format(ratios.Min())}x");
            }
        }

        return 0;
    }

    private static string Format(double value) => value.ToString(value >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture);

    private static string RuntimeDescription() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, Vector512 {(System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "accelerated" : "not accelerated")}";

    /// <summary>GB/s of copying 256 MiB between two buffers (read + write), the ceiling for a streaming kernel.</summary>
    private static double CopyBandwidth()
    {
        var source = new float[64 * 1024 * 1024];
        var destination = new float[source.Length];
        source.AsSpan().Fill(1f);
        double seconds = Timing.Median(() => source.AsSpan().CopyTo(destination), samples: 5);
        return 2.0 * source.Length * sizeof(float) / seconds / 1e9;
    }

    private static (string Version, int Threads, Dictionary<string, Dictionary<string, double>> Seconds)? PyTorch(Shape[] shapes, bool skip)
    {
        if (skip)
        {
            return null;
        }

        string script = Path.Combine(AppContext.BaseDirectory, "pytorch_losses.py");
        foreach (var python in new[] { Environment.GetEnvironmentVariable("LOSSGUARD_PYTHON"), "/usr/bin/python3", "python3" })
        {
            if (string.IsNullOrEmpty(python))
            {
                continue;
            }

            try
            {
                var start = new ProcessStartInfo(python, new[] { script }.Concat(shapes.Select(shape => shape.ToString())))
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                using var process = Process.Start(start)!;
                string output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    continue;
                }

                using var json = JsonDocument.Parse(output);
                var seconds = json.RootElement.GetProperty("seconds").EnumerateObject().ToDictionary(
                    measure => measure.Name,
                    measure => measure.Value.EnumerateObject().ToDictionary(shape => shape.Name, shape => shape.Value.GetDouble()));
                return (json.RootElement.GetProperty("torch").GetString()!, json.RootElement.GetProperty("threads").GetInt32(), seconds);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // No such interpreter: try the next.
            }
        }

        return null;
    }
}
