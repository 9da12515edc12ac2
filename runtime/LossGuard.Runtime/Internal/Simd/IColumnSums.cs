using System.Runtime.Intrinsics;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Per-row sums of a block of 16 rows read as columns (<see cref="TransposedRows.RowSums"/>): begun with the block's
/// labels (zero for dense rows), handed every column once, then stored for the block's first row.
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
}
