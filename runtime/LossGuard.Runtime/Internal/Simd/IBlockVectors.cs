using System.Runtime.Intrinsics;

namespace LossGuard.Internal.Simd;

/// <summary>
/// The vectors of a block of 16 rows as <see cref="FoldedRows"/> folds them: read from memory, or made in registers
/// (<see cref="PaddedBlocks"/>' padded rows), so that a fold needs no round trip through memory.
/// </summary>
internal interface IBlockVectors
{
    /// <summary>Vector <paramref name="vector"/> of the block: elements 16 vector to 16 vector + 15.</summary>
    Vector512<float> this[int vector] { get; }
}
