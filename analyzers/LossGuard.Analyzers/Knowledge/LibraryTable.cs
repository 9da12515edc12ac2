using System.Collections.Immutable;

namespace LossGuard.Analyzers.Knowledge;

/// <summary>
/// What one library contributes: the types that reveal it, its producers, transforms and loss inputs. A table with
/// no marker types (the BCL's math) never opens the gate on its own.
/// </summary>
internal sealed record LibraryTable(
    string Name,
    ImmutableArray<string> MarkerTypes,
    ImmutableArray<ProducerEntry> Producers,
    ImmutableArray<LossInputEntry> LossInputs,
    ImmutableArray<TransformEntry> Transforms);
