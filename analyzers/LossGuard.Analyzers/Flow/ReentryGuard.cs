using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Compilation-wide work that can ask for itself on the same thread: a constructor that applies its own model
/// (<c>this.forward(starter)</c>) asks for the fields its construction is computing; a field whose assigning member
/// reads it asks for its own value. The repeated ask gets nothing (unknown), instead of starting the work again.
/// </summary>
internal sealed class ReentryGuard
{
    private readonly ThreadLocal<HashSet<ISymbol>> active = new(() => new HashSet<ISymbol>(SymbolEqualityComparer.Default));

    /// <summary>Whether the work for <paramref name="symbol"/> may start on this thread (it is not already under way there).</summary>
    public bool TryEnter(ISymbol symbol) => active.Value!.Add(symbol);

    public void Exit(ISymbol symbol) => active.Value!.Remove(symbol);
}
