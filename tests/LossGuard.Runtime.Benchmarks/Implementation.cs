using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace LossGuard.Runtime.Benchmarks;

/// <summary>
/// The float softmax cross-entropy losses of one build of LossGuard.Runtime: the one this benchmark is built with, or
/// another build's dll loaded beside it (a baseline, for before/after in the same process).
/// </summary>
public sealed unsafe class Implementation : ILossCalls
{
    private readonly nint sparse;
    private readonly nint dense;
    private readonly Action<int> setThreads;

    private Implementation(string name, nint sparse, nint dense, Action<int> setThreads)
    {
        Name = name;
        this.sparse = sparse;
        this.dense = dense;
        this.setThreads = setThreads;
    }

    public string Name { get; }

    /// <summary>The build referenced by this project.</summary>
    public static Implementation Current() => FromAssembly("current", typeof(Losses).Assembly);

    /// <summary>A LossGuard.Runtime.dll from another build, in its own load context.</summary>
    public static Implementation Load(string path) =>
        FromAssembly(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? path,
            new AssemblyLoadContext("baseline").LoadFromAssemblyPath(Path.GetFullPath(path)));

    public void SetThreads(int threads) => setThreads(threads == 0 ? Environment.ProcessorCount : threads);

    public float Sparse(Shape s, bool gradient) =>
        ((delegate*<ReadOnlySpan<float>, ReadOnlySpan<int>, int, Span<float>, int, ReadOnlySpan<float>, float, int, Span<float>, float>)sparse)(
            s.Logits, s.Labels, s.Classes, gradient ? s.Gradient : default, 0, default, 0f, Losses.DefaultIgnoreIndex, default);

    public float Dense(Shape s, bool gradient) =>
        ((delegate*<ReadOnlySpan<float>, ReadOnlySpan<float>, int, Span<float>, int, ReadOnlySpan<float>, float, Span<float>, float>)dense)(
            s.Logits, s.Targets, s.Classes, gradient ? s.Gradient : default, 0, default, 0f, default);

    /// <summary>
    /// The float overloads are called through function pointers (the <c>Reduction</c> argument as the int it is), since
    /// another load context's <c>Reduction</c> is another type. The thread cap is the public one where the build has it,
    /// else the internal setting that came before it.
    /// </summary>
    private static Implementation FromAssembly(string name, Assembly assembly)
    {
        var losses = assembly.GetType("LossGuard.Losses", throwOnError: true)!;
        nint Find(string method, Type labels, int parameters) => losses.GetMethods()
            .Single(m => m.Name == method && m.GetParameters().Length == parameters && m.GetParameters()[1].ParameterType == labels
                && m.GetParameters()[0].ParameterType == typeof(ReadOnlySpan<float>))
            .MethodHandle.GetFunctionPointer();

        var threads = assembly.GetType("LossGuard.Parallelism")?.GetProperty("MaxThreads")
            ?? assembly.GetType("LossGuard.Internal.Simd.Chunked")?.GetProperty("MaxThreads")
            ?? throw new InvalidOperationException($"{name}: no thread setting found");
        return new Implementation(
            name,
            Find("SparseSoftmaxCrossEntropyWithLogits", typeof(ReadOnlySpan<int>), 9),
            Find("SoftmaxCrossEntropyWithLogits", typeof(ReadOnlySpan<float>), 8),
            count => threads.SetValue(null, count));
    }
}
