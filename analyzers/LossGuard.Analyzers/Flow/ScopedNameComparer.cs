using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>Compares a name searched for within a scope (a type's declarations, or the whole compilation when <c>null</c>).</summary>
internal sealed class ScopedNameComparer : IEqualityComparer<(ISymbol? Scope, string Name)>
{
    public static readonly ScopedNameComparer Instance = new();

    public bool Equals((ISymbol? Scope, string Name) x, (ISymbol? Scope, string Name) y) =>
        x.Name == y.Name && SymbolEqualityComparer.Default.Equals(x.Scope, y.Scope);

    public int GetHashCode((ISymbol? Scope, string Name) obj) =>
        (obj.Name.GetHashCode() * 31) + SymbolEqualityComparer.Default.GetHashCode(obj.Scope);
}
