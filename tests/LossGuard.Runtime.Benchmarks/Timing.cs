using System;
using System.Diagnostics;

namespace LossGuard.Runtime.Benchmarks;

/// <summary>Median seconds per call: a warm-up long enough for the JIT's tiers, then samples of back-to-back calls.</summary>
public static class Timing
{
    public static double Median(Action call, double sampleSeconds = 0.03, int samples = 9)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < 0.3)
        {
            call();
        }

        var results = new double[samples];
        for (int sample = 0; sample < samples; sample++)
        {
            int calls = 0;
            watch.Restart();
            while (watch.Elapsed.TotalSeconds < sampleSeconds)
            {
                call();
                calls++;
            }

            results[sample] = watch.Elapsed.TotalSeconds / calls;
        }

        Array.Sort(results);
        return results[samples / 2];
    }
}
