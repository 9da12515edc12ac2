using System;
using BenchmarkDotNet.Attributes;
using LossGuard.Internal.Simd;

namespace LossGuard.Runtime.Benchmarks;

/// <summary>
/// The row kernel at 256 and 512 bits on one thread, which decided <c>Width</c>:
/// <c>dotnet run -c Release --project tests/LossGuard.Runtime.Benchmarks -- --filter *VectorWidth* --job short</c>.
/// </summary>
public class VectorWidthBenchmarks
{
    private readonly Shape shape = new(256, 4096);

    [Benchmark(Baseline = true)]
    public double Vector256() => Run<Float256>();

    [Benchmark]
    public double Vector512() => Run<Float512>();

    private double Run<TVec>()
        where TVec : struct, IFloatVector<TVec>
    {
        var kernel = new SoftmaxCrossEntropyRows<TVec>(shape.Classes, 0, 1.0 / shape.Rows);
        double sum = 0;
        for (int row = 0; row < shape.Rows; row++)
        {
            sum += kernel.Sparse(shape.Logits.AsSpan(row * shape.Classes, shape.Classes), shape.Labels[row], shape.Gradient.AsSpan(row * shape.Classes, shape.Classes));
        }

        return sum;
    }
}
