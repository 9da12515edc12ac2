using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace LossGuard.Runtime.Benchmarks;

/// <summary>
/// LossGuard against a naive scalar loop and a TensorPrimitives composition, forward and gradient in one call:
/// <c>dotnet run -c Release --project tests/LossGuard.Runtime.Benchmarks -- --filter *RuntimeBenchmarks* --job short</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RuntimeBenchmarks
{
    private float[] scratch = System.Array.Empty<float>();

    public static IEnumerable<Shape> Shapes => Shape.All;

    [ParamsSource(nameof(Shapes))]
    public Shape Shape { get; set; } = Shape.All[0];

    [GlobalSetup]
    public void Setup() => scratch = new float[Shape.Logits.Length];

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("sparse CE forward+gradient")]
    public float NaiveSparse() => Baselines.NaiveSparse(Shape);

    [Benchmark]
    [BenchmarkCategory("sparse CE forward+gradient")]
    public float TensorPrimitivesSparse() => Baselines.TensorPrimitivesSparse(Shape);

    [Benchmark]
    [BenchmarkCategory("sparse CE forward+gradient")]
    public float LossGuardSparse() => Losses.SparseSoftmaxCrossEntropyWithLogits(Shape.Logits, Shape.Labels, Shape.Classes, Shape.Gradient);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("sigmoid CE forward+gradient")]
    public float NaiveSigmoid() => Baselines.NaiveSigmoid(Shape);

    [Benchmark]
    [BenchmarkCategory("sigmoid CE forward+gradient")]
    public float TensorPrimitivesSigmoid() => Baselines.TensorPrimitivesSigmoid(Shape, scratch);

    [Benchmark]
    [BenchmarkCategory("sigmoid CE forward+gradient")]
    public float LossGuardSigmoid() => Losses.SigmoidCrossEntropyWithLogits(Shape.Logits, Shape.Targets, Shape.Gradient);
}
