using System;
using System.Numerics;

namespace LossGuard.Internal;

/// <summary>Turns the double sum of per-row losses into the value a <see cref="Reduction"/> asks for.</summary>
internal readonly struct Reducer
{
    private readonly Reduction reduction;
    private readonly double divisor;

    public Reducer(Reduction reduction, double divisor)
    {
        this.reduction = reduction;
        this.divisor = divisor;
    }

    /// <summary>The factor that turns d(row loss)/d(logits) into d(returned loss)/d(logits).</summary>
    public double GradientScale => reduction == Reduction.Mean ? 1.0 / divisor : 1.0;

    public T Finish<T>(double sum)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        T.CreateTruncating(reduction == Reduction.Mean ? sum / divisor : sum);

    public static void Store<T>(Span<T> rowLosses, int row, double loss)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!rowLosses.IsEmpty)
        {
            rowLosses[row] = T.CreateTruncating(loss);
        }
    }
}
