using System;

namespace LossGuard;

/// <summary>
/// How many threads one loss call may use (the counterpart of PyTorch's <c>torch.set_num_threads</c>). Calls below
/// 128k elements always run on the calling thread; larger ones split their rows over up to this many threads.
/// The cap changes no bit of any result: rows are summed in fixed chunks whatever the number of threads.
/// </summary>
/// <example>
/// A trainer that already runs one batch per core keeps each loss on its own thread:
/// <code>
/// using (Parallelism.Limit(1))
/// {
///     loss = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, classes, gradient);
/// }
/// </code>
/// </example>
public static class Parallelism
{
    private static int maxThreads = Environment.ProcessorCount;

    [ThreadStatic]
    private static int threadLimit;

    /// <summary>
    /// The process-wide cap on the threads of one call, at least 1; by default the number of processors.
    /// Set it to 1 to keep every loss on the calling thread.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int MaxThreads
    {
        get => maxThreads;
        set
        {
            CheckPositive(value, nameof(value));
            maxThreads = value;
        }
    }

    /// <summary>The cap that applies to calls made now on this thread: the lower of <see cref="MaxThreads"/> and any <see cref="Limit"/> in force.</summary>
    public static int ThreadsForThisThread => threadLimit == 0 ? maxThreads : Math.Min(threadLimit, maxThreads);

    /// <summary>
    /// Caps the calls made on the current thread at <paramref name="maxThreads"/> threads until the returned scope is
    /// disposed (then the previous cap of this thread applies again). Scopes nest; keep one on a single thread, as
    /// a <c>using</c> block in synchronous code.
    /// </summary>
    /// <param name="maxThreads">The cap, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxThreads"/> is less than 1.</exception>
    public static ParallelismScope Limit(int maxThreads)
    {
        CheckPositive(maxThreads, nameof(maxThreads));
        var scope = new ParallelismScope(threadLimit);
        threadLimit = maxThreads;
        return scope;
    }

    internal static void Restore(int previousLimit) => threadLimit = previousLimit;

    private static void CheckPositive(int value, string paramName)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The number of threads must be at least 1.");
        }
    }
}
