using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using LossGuard.Internal.Simd;
using Xunit;

namespace LossGuard.Runtime.Tests;

/// <summary>The public thread cap: honoured, scoped per thread, validated, and without effect on any bit.</summary>
public sealed class ParallelismTests
{
    private const int Rows = 4096;
    private const int Classes = 300;

    [Fact]
    public void Every_cap_gives_the_same_bits()
    {
        var random = new Random(21);
        float[] logits = Reference.RandomLogits(random, Rows * Classes, 5);
        int[] labels = Enumerable.Range(0, Rows).Select(_ => random.Next(Classes)).ToArray();
        float[] targets = Reference.RandomLogits(random, Rows * Classes, 1).Select(Math.Abs).ToArray();

        float[] Run(int threads)
        {
            using var scope = Parallelism.Limit(threads);
            var sparseGradient = new float[logits.Length];
            var denseGradient = new float[logits.Length];
            var sigmoidGradient = new float[logits.Length];
            float sparse = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, Classes, sparseGradient, labelSmoothing: 0.1f);
            float dense = Losses.SoftmaxCrossEntropyWithLogits(logits, targets, Classes, denseGradient);
            float sigmoid = Losses.SigmoidCrossEntropyWithLogits(logits, targets, sigmoidGradient);
            return new[] { sparse, dense, sigmoid }.Concat(sparseGradient).Concat(denseGradient).Concat(sigmoidGradient).ToArray();
        }

        float[] single = Run(1);
        foreach (int threads in new[] { 2, 3, 64 })
        {
            float[] capped = Run(threads);
            Assert.Equal(single.Select(BitConverter.SingleToInt32Bits), capped.Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_thread_cap_is_honoured(int cap)
    {
        int[] used;
        using (Parallelism.Limit(cap))
        {
            used = ThreadsUsed(Rows * Classes);
        }

        Assert.InRange(used.Length, 1, cap);
        if (cap == 1)
        {
            Assert.Equal(Environment.CurrentManagedThreadId, Assert.Single(used));
        }
    }

    [Fact]
    public void The_process_wide_cap_is_honoured_and_restorable()
    {
        Assert.Equal(Environment.ProcessorCount, Parallelism.MaxThreads);
        try
        {
            Parallelism.MaxThreads = 1;
            Assert.Equal(1, Parallelism.ThreadsForThisThread);
            Assert.Equal(Environment.CurrentManagedThreadId, Assert.Single(ThreadsUsed(Rows * Classes)));
        }
        finally
        {
            Parallelism.MaxThreads = Environment.ProcessorCount;
        }
    }

    [Fact]
    public void A_call_below_the_parallel_threshold_stays_on_the_calling_thread()
    {
        Assert.Equal(Environment.CurrentManagedThreadId, Assert.Single(ThreadsUsed(Chunked.ParallelElements - 1)));
    }

    [Fact]
    public void Scopes_nest_and_cap_only_their_own_thread()
    {
        int everywhere = Parallelism.MaxThreads;
        using (Parallelism.Limit(2))
        {
            Assert.Equal(Math.Min(2, everywhere), Parallelism.ThreadsForThisThread);
            using (Parallelism.Limit(1))
            {
                Assert.Equal(1, Parallelism.ThreadsForThisThread);
                int elsewhere = 0;
                var other = new Thread(() => elsewhere = Parallelism.ThreadsForThisThread);
                other.Start();
                other.Join();
                Assert.Equal(everywhere, elsewhere);
            }

            Assert.Equal(Math.Min(2, everywhere), Parallelism.ThreadsForThisThread);
        }

        Assert.Equal(everywhere, Parallelism.ThreadsForThisThread);
    }

    [Fact]
    public void Caps_below_one_are_rejected_by_name()
    {
        int before = Parallelism.MaxThreads;
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => Parallelism.MaxThreads = 0).ParamName);
        Assert.Equal("maxThreads", Assert.Throws<ArgumentOutOfRangeException>(() => Parallelism.Limit(0)).ParamName);
        Assert.Equal("maxThreads", Assert.Throws<ArgumentOutOfRangeException>(() => Parallelism.Limit(-1)).ParamName);
        Assert.Equal(before, Parallelism.MaxThreads);
        Assert.Equal(before, Parallelism.ThreadsForThisThread);
    }

    /// <summary>The threads that ran the chunks of a job over this many single-element rows.</summary>
    private static int[] ThreadsUsed(int rows)
    {
        var threads = new ConcurrentDictionary<int, bool>();
        Chunked.Sum(new RecordingJob(threads), rows, 1);
        return threads.Keys.ToArray();
    }

    private readonly struct RecordingJob : IRowJob
    {
        private readonly ConcurrentDictionary<int, bool> threads;

        public RecordingJob(ConcurrentDictionary<int, bool> threads) => this.threads = threads;

        public double Run(int firstRow, int rowCount)
        {
            threads[Environment.CurrentManagedThreadId] = true;
            Thread.SpinWait(20_000);
            return rowCount;
        }
    }
}
