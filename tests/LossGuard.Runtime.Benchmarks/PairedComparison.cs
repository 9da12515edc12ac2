using System;
using System.Globalization;
using System.Linq;

namespace LossGuard.Runtime.Benchmarks;

/// <summary>
/// This build of LossGuard.Runtime against another build (<c>--baseline path/to/LossGuard.Runtime.dll</c>) or against
/// TorchSharp (<c>--baseline torchsharp</c>) in the same process, on the softmax cross-entropy calls, in interleaved
/// pairs (<see cref="Paired"/>): a change of a few percent shows as a ratio whose 10-90 % range stays on one side of 1.
/// Both sides get the same thread cap (<c>--threads N</c>, 1 by default; 0 leaves each its default) unless
/// <c>--baseline-threads N</c> sets the baseline's apart (for the effect of the thread cap itself). Single-threaded
/// pairs count the thread's CPU time, others wall-clock time.
/// </summary>
public static class PairedComparison
{
    private static readonly (string Name, Func<ILossCalls, Shape, float> Call)[] Calls =
    {
        ("sparse CE forward", (api, s) => api.Sparse(s, gradient: false)),
        ("sparse CE forward+gradient", (api, s) => api.Sparse(s, gradient: true)),
        ("dense CE forward", (api, s) => api.Dense(s, gradient: false)),
        ("dense CE forward+gradient", (api, s) => api.Dense(s, gradient: true)),
    };

    /// <summary>Short rows, small batches and large shapes.</summary>
    private static readonly string[] DefaultShapes =
    {
        "4096x2", "4096x8", "4096x12", "4096x16", "1024x32", "64x10", "256x10", "32x1000", "1024x100", "65536x128", "8192x1024", "256x32768",
    };

    public static int Run(string[] args)
    {
        string? baselinePath = Option(args, "--baseline");
        if (baselinePath is null)
        {
            Console.Error.WriteLine("usage: paired --baseline path/to/LossGuard.Runtime.dll|torchsharp [--threads N] [--baseline-threads N] [--shapes 4096x8,64x10] [--repetitions N] [--calls \"sparse CE forward\"] [--wall-clock]");
            return 2;
        }

        int threads = int.Parse(Option(args, "--threads") ?? "1", CultureInfo.InvariantCulture);
        int baselineThreads = int.Parse(Option(args, "--baseline-threads") ?? threads.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        int repetitions = int.Parse(Option(args, "--repetitions") ?? "15", CultureInfo.InvariantCulture);
        var shapes = (Option(args, "--shapes")?.Split(',') ?? DefaultShapes).Select(Shape.Parse).ToArray();
        bool cpuTime = threads == 1 && baselineThreads == 1 && ThreadClock.Available && !args.Contains("--wall-clock");
        ILossCalls baseline = baselinePath == "torchsharp" ? new TorchSharpLosses() : Implementation.Load(baselinePath);
        var current = Implementation.Current();
        baseline.SetThreads(baselineThreads);
        current.SetThreads(threads);

        Console.WriteLine($"{current.Name} against {baseline.Name} ({baselinePath}), threads: {Threads(threads)}, baseline {Threads(baselineThreads)}; {repetitions} interleaved pairs per cell, {(cpuTime ? "the thread's CPU time" : "wall-clock time")}");
        Console.WriteLine("speed-up: baseline time / current time; median and 10-90 % range of the pairs");
        string? only = Option(args, "--calls");
        foreach (var (name, call) in Calls.Where(c => only is null || c.Name == only))
        {
            Console.WriteLine();
            Console.WriteLine($"## {name}");
            Console.WriteLine($"| shape | {baseline.Name} G logits/s | {baseline.Name} ns/call | current G logits/s | current ns/call | speed-up | range |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var shape in shapes)
            {
                var result = Paired.Measure(() => call(baseline, shape), () => call(current, shape), cpuTime, repetitions);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {shape} | {shape.Elements / result.BaselineSeconds / 1e9:F2} | {result.BaselineSeconds * 1e9:F0} | {shape.Elements / result.CandidateSeconds / 1e9:F2} | {result.CandidateSeconds * 1e9:F0} | {result.RatioMedian:F2}x | {result.RatioLow:F2}-{result.RatioHigh:F2} |"));
            }
        }

        return 0;
    }

    private static string Threads(int threads) => threads == 0 ? "default" : threads.ToString(CultureInfo.InvariantCulture);

    private static string? Option(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
