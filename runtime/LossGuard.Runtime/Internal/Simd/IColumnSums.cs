using System.Runtime.Intrinsics;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Per-row sums of a block of 16 rows read as columns (<see cref="TransposedRows.RowSums"/>): begun with the block's
/// labels (zero for dense rows), handed every column once, then stored for the block's first row; with a gradient,
/// then asked for each column's gradient.
/// </summary>
internal interface IColumnSums
{
    void Begin(Vector512<int> labels);

    /// <summary>
    /// Column <paramref name="column"/>: its logits <paramref name="z"/>, targets <paramref name="t"/> (zero for sparse
    /// rows) and exponentials <paramref name="e"/> (shifted), one row per lane.
    /// </summary>
    void Add(Vector512<float> z, Vector512<float> t, Vector512<float> e, int column);

    void Store(int first);

    /// <summary>Each row's gradient factor once every column of the block is added (for <see cref="Gradient"/>).</summary>
    Vector512<float> Factor();

    /// <summary>
    /// Column <paramref name="column"/> of the block's gradient from its exponentials <paramref name="e"/> and targets
    /// <paramref name="t"/> (zero for sparse rows): e * factor - offset, minus the slope at the label or times the target.
    /// </summary>
    Vector512<float> Gradient(Vector512<float> e, Vector512<float> t, int column, Vector512<float> factor);
}
