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

        bool skip = args.Contains("--no-pytorch");
        var torch = new[]
        {
            ("PyTorch", PyTorch(shapes, skip, tunedMalloc: false)),
            ("PyTorch, malloc tuned", PyTorch(shapes, skip, tunedMalloc: true)),
        }.Where(run => run.Item2 is not null).Select(run => (Name: run.Item1, Result: run.Item2!.Value)).ToList();
        Console.WriteLine(torch.Count == 0
            ? "PyTorch: not available (python3 with torch), LossGuard only"
            : $"PyTorch {torch[0].Result.Version}, {torch[0].Result.Threads} thread(s) (its default); \"malloc tuned\": glibc keeps freed memory, so fresh pages do not dominate");
        foreach (var measure in Measure.All)
        {
            Console.WriteLine();
            Console.WriteLine($"## {measure.Name}");
            Console.WriteLine("| shape | LossGuard G logits/s | GB/s | share of bandwidth |" + string.Concat(torch.Select(run => $" {run.Name} G logits/s | ratio |")));
            Console.WriteLine("|---|---|---|---|" + string.Concat(torch.Select(_ => "---|---|")));
            var ratios = torch.Select(_ => new List<double>()).ToList();
            foreach (var shape in shapes)
            {
                double seconds = ours[(measure.Name, shape.ToString())];
                double rate = shape.Elements / seconds / 1e9;
                double gigabytes = rate * measure.BytesPerLogit;
                var line = $"| {shape} | {Format(rate)} | {Format(gigabytes)} | {Format(100 * gigabytes / bandwidth)}% |";
                for (int run = 0; run < torch.Count; run++)
                {
                    double torchSeconds = torch[run].Result.Seconds[measure.Name][shape.ToString()];
                    ratios[run].Add(torchSeconds / seconds);
                    line += $" {Format(shape.Elements / torchSeconds / 1e9)} | {Format(torchSeconds / seconds)}x |";
                }

                Console.WriteLine(line);
            }

            for (int run = 0; run < torch.Count; run++)
            {
                Console.WriteLine($"against {torch[run].Name}: geometric mean {Format(Math.Exp(ratios[run].Average(Math.Log)))}x, slowest shape {Format(ratios[run].Min())}x");
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

    private static (string Version, int Threads, Dictionary<string, Dictionary<string, double>> Seconds)? PyTorch(Shape[] shapes, bool skip, bool tunedMalloc)
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
                if (tunedMalloc)
                {
                    // Freed memory stays in the process, as a long-running trainer's allocator would keep it.
                    start.Environment["MALLOC_MMAP_THRESHOLD_"] = "4294967295";
                    start.Environment["MALLOC_TRIM_THRESHOLD_"] = "4294967295";
                    start.Environment["MALLOC_TOP_PAD_"] = "1073741824";
                }

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
