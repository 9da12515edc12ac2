using System;

namespace LossGuard;

/// <summary>A thread cap from <see cref="Parallelism.Limit"/>; disposing it restores the cap that was in force before.</summary>
public readonly struct ParallelismScope : IDisposable
{
    private readonly int previousLimit;

    internal ParallelismScope(int previousLimit) => this.previousLimit = previousLimit;

    /// <summary>Restores the current thread's previous cap.</summary>
    public void Dispose() => Parallelism.Restore(previousLimit);
}
