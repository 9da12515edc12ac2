namespace LossGuard.Runtime.Benchmarks;

/// <summary>The softmax cross-entropy calls a paired run times (mean over rows), from one library or build.</summary>
public interface ILossCalls
{
    string Name { get; }

    /// <summary>Caps the library's threads (0: its default).</summary>
    void SetThreads(int threads);

    float Sparse(Shape shape, bool gradient);

    float Dense(Shape shape, bool gradient);
}
