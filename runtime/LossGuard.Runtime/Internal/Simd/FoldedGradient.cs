using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LossGuard.Internal.Simd;

/// <summary>
/// The gradient pass of <see cref="FoldedSparseRows"/> and <see cref="FoldedDenseRows"/>: e * factor - offset, minus
/// slope at the label (sparse) or slope times the target (dense), written over the exponentials; each row's factor is
/// spread over its lanes by one permute (<see cref="IBlockRows"/>).
/// </summary>
internal static unsafe class FoldedGradient
{
    /// <summary>Whole blocks of 16 rows: <paramref name="labels"/> (sparse) or <paramref name="targets"/> (dense) is given.</summary>
    public static void Write(
        Span<float> exps, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, int classes, ReadOnlySpan<float> factors, float offset, float slope)
    {
        if (BitOperations.IsPow2(classes))
        {
            Write(new PowerOfTwoBlocks(classes), exps, labels, targets, factors, offset, slope);
        }
        else
        {
            Write(new PaddedBlocks(classes), exps, labels, targets, factors, offset, slope);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Write<TBlocks>(
        TBlocks blocks, Span<float> exps, ReadOnlySpan<int> labels, ReadOnlySpan<float> targets, ReadOnlySpan<float> factors, float offset, float slope)
        where TBlocks : struct, IBlockRows
    {
        int classes = blocks.Classes;
        var minusOffset = Float512.Broadcast(-offset);
        var slopeLanes = Vector512.Create(slope);
        var minusSlope = Float512.Broadcast(-slope);
        bool dense = labels.IsEmpty;
        fixed (float* e = exps)
        fixed (int* y = labels)
        fixed (float* t = targets)
        fixed (float* f = factors)
        {
            for (int first = 0; first < factors.Length; first += BlockRows.Count)
            {
                var factor = Vector512.Load(f + first);
                var block = e + (first * classes);
                if (dense)
                {
                    var target = t + (first * classes);
                    for (int index = 0; index < classes; index++)
                    {
                        var scaled = Float512.MultiplyAdd(Float512.Of(Vector512.Load(block + (16 * index))), Float512.Of(Avx512F.PermuteVar16x32(factor, blocks.Row(index))), minusOffset);
                        Float512.MultiplyAdd(Float512.Of(Vector512.Load(target + (16 * index))), minusSlope, scaled).Lanes.Store(block + (16 * index));
                    }

                    continue;
                }

                var label = Vector512.Load(y + first);
                for (int index = 0; index < classes; index++)
                {
                    var atLabel = BlockRows.LabelLanes(blocks, label, index, out var row);
                    var scaled = Float512.MultiplyAdd(Float512.Of(Vector512.Load(block + (16 * index))), Float512.Of(Avx512F.PermuteVar16x32(factor, row)), minusOffset);
                    (scaled.Lanes - (atLabel & slopeLanes)).Store(block + (16 * index));
                }
            }
        }
    }
}
