using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>A method, what is known of its arguments and of its object: the key of a cached summary.</summary>
internal readonly struct SummaryKey : IEquatable<SummaryKey>
{
    private readonly IMethodSymbol method;
    private readonly ImmutableArray<AbstractValue> arguments;
    private readonly ISymbol? instance;

    /// <param name="instance">The model class whose constructed fields the summary started from, if any.</param>
    public SummaryKey(IMethodSymbol method, ImmutableArray<AbstractValue> arguments, ISymbol? instance)
    {
        this.method = method;
        this.arguments = arguments;
        this.instance = instance;
    }

    public bool Equals(SummaryKey other) =>
        SymbolEqualityComparer.Default.Equals(method, other.method)
        && SymbolEqualityComparer.Default.Equals(instance, other.instance)
        && arguments.SequenceEqual(other.arguments);

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
