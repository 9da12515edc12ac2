using System;
using System.Diagnostics;
using System.Linq;

namespace LossGuard.Runtime.Benchmarks;

/// <summary>
/// Two calls timed in interleaved repetitions (A B, then B A, so that drift and neighbours' load hit both alike): each
/// repetition gives one time per call and one ratio, and the spread of the ratios says how far to trust the verdict.
/// </summary>
public sealed record Paired(double BaselineSeconds, double CandidateSeconds, double RatioMedian, double RatioLow, double RatioHigh)
{
    /// <summary>Times per call (medians) and candidate speed-up over baseline (median, 10th and 90th percentile over the repetitions).</summary>
    /// <param name="cpuTime">Count the calling thread's CPU time (<see cref="ThreadClock"/>), for single-threaded calls on a shared machine.</param>
    public static Paired Measure(Action baseline, Action candidate, bool cpuTime, int repetitions = 15, double sampleSeconds = 0.02)
    {
        Warm(baseline);
        Warm(candidate);
        var a = new double[repetitions];
        var b = new double[repetitions];
        for (int repetition = 0; repetition < repetitions; repetition++)
        {
            if (repetition % 2 == 0)
            {
                a[repetition] = Sample(baseline, sampleSeconds, cpuTime);
                b[repetition] = Sample(candidate, sampleSeconds, cpuTime);
            }
            else
            {
                b[repetition] = Sample(candidate, sampleSeconds, cpuTime);
                a[repetition] = Sample(baseline, sampleSeconds, cpuTime);
            }
        }

        double[] ratios = a.Zip(b, (x, y) => x / y).OrderBy(r => r).ToArray();
        return new Paired(Median(a), Median(b), Quantile(ratios, 0.5), Quantile(ratios, 0.1), Quantile(ratios, 0.9));
    }

    private static void Warm(Action call)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < 0.2)
        {
            call();
        }
    }

    /// <summary>Seconds per call over back-to-back calls for about <paramref name="seconds"/>.</summary>
    /// <remarks>The clock is read after batches of calls that grow to about 1/16 of the sample (reading a thread's CPU time is a system call).</remarks>
    private static double Sample(Action call, double seconds, bool cpuTime)
    {
        int calls = 0;
        int batch = 1;
        double start = ThreadClock.Now(cpuTime);
        double elapsed;
        do
        {
            for (int i = 0; i < batch; i++)
            {
                call();
            }

            calls += batch;
            elapsed = ThreadClock.Now(cpuTime) - start;
            batch = elapsed < seconds / 16 ? batch * 2 : batch;
        }
        while (elapsed < seconds);

        return elapsed / calls;
    }

    private static double Median(double[] values) => Quantile(values.OrderBy(v => v).ToArray(), 0.5);

    private static double Quantile(double[] sorted, double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
}
