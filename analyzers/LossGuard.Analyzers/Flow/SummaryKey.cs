using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>A method and what is known of its arguments: the key of a cached summary.</summary>
internal readonly struct SummaryKey : IEquatable<SummaryKey>
{
    private readonly IMethodSymbol method;
    private readonly ImmutableArray<AbstractValue> arguments;

    public SummaryKey(IMethodSymbol method, ImmutableArray<AbstractValue> arguments)
    {
        this.method = method;
        this.arguments = arguments;
    }

    public bool Equals(SummaryKey other) =>
        SymbolEqualityComparer.Default.Equals(method, other.method) && arguments.SequenceEqual(other.arguments);

    public override bool Equals(object? obj) => obj is SummaryKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = SymbolEqualityComparer.Default.GetHashCode(method);
        foreach (var argument in arguments)
        {
            hash = unchecked((hash * 31) + argument.GetHashCode());
        }

        return hash;
    }
}
