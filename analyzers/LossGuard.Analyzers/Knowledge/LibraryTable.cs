using System.Collections.Immutable;

namespace LossGuard.Analyzers.Knowledge;

/// <summary>
/// What one library contributes: the types that reveal it, its producers, transforms and loss inputs, and its
/// module classes. A table with no marker types (the BCL's math) never opens the gate on its own.
/// </summary>
internal sealed record LibraryTable(
    string Name,
    ImmutableArray<string> MarkerTypes,
    ImmutableArray<ProducerEntry> Producers,
    ImmutableArray<LossInputEntry> LossInputs,
    ImmutableArray<TransformEntry> Transforms)
{
    public ImmutableArray<ModuleEntry> Modules { get; init; } = ImmutableArray<ModuleEntry>.Empty;

    /// <summary>Metadata names of the module base classes (user-defined models derive from them; applying one runs its <c>forward</c>).</summary>
    public ImmutableArray<string> ModelBaseTypes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Method names that apply a module to its input(s).</summary>
    public ImmutableArray<string> ApplyMethods { get; init; } = ImmutableArray<string>.Empty;
}
