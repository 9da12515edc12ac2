using System;
using System.Buffers;
using System.Numerics;

namespace LossGuard.Internal;

/// <summary>
/// A row as a softmax sees it, with its maximum. A finite maximum leaves the row as it is. An infinite one gives the
/// row the softmax tends to: with +inf logits, those become 0 and the rest -inf (the infinite ones share the mass);
/// with every logit -inf, all become 0 (equal logits: uniform). That row is rented and returned on dispose.
/// </summary>
internal readonly ref struct LimitRow<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[]? rented;

    public LimitRow(ReadOnlySpan<T> row, double max)
    {
        if (!double.IsInfinity(max))
        {
            rented = null;
            Row = row;
            Max = max;
            return;
        }

        rented = ArrayPool<T>.Shared.Rent(row.Length);
        var limit = rented.AsSpan(0, row.Length);
        for (int c = 0; c < row.Length; c++)
        {
            limit[c] = double.IsPositiveInfinity(max) && !T.IsPositiveInfinity(row[c]) ? T.NegativeInfinity : T.Zero;
        }

        Row = limit;
        Max = 0;
    }

    public ReadOnlySpan<T> Row { get; }

    public double Max { get; }

    public void Dispose()
    {
        if (rented is not null)
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }
}
