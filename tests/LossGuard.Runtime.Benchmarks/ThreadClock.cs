using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LossGuard.Runtime.Benchmarks;

/// <summary>
/// Seconds of CPU time of the calling thread (Linux), so that a single-threaded measurement does not count the time
/// other processes on a shared machine hold the core; elsewhere, or on request, wall-clock seconds.
/// </summary>
public static partial class ThreadClock
{
    private const int ThreadCpuTimeClock = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    public static double Now(bool cpuTime) =>
        cpuTime && Available && TryRead(out double seconds) ? seconds : Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;

    private static bool TryRead(out double seconds)
    {
        var time = default(TimeSpec);
        bool ok = ClockGetTime(ThreadCpuTimeClock, ref time) == 0;
        seconds = time.Seconds + (time.Nanoseconds * 1e-9);
        return ok;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, ref TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
