using System.Collections.Immutable;

namespace LossGuard.Analyzers.Knowledge;

/// <summary>What one library contributes: the types that reveal it, its producers and its loss inputs.</summary>
internal sealed record LibraryTable(
    string Name,
    ImmutableArray<string> MarkerTypes,
    ImmutableArray<ProducerEntry> Producers,
    ImmutableArray<LossInputEntry> LossInputs);
