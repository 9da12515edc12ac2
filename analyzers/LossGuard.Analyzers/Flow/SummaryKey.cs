using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// A method, what is known of its arguments and of its object, and how many calls deeper its summary may follow: the
/// key of a cached summary. The depth left is part of the key, so that what a body is found to do never depends on
/// which body asked first.
/// </summary>
internal readonly struct SummaryKey : IEquatable<SummaryKey>
{
    private readonly IMethodSymbol method;
    private readonly ImmutableArray<AbstractValue> arguments;
    private readonly ISymbol? instance;
    private readonly int depthLeft;
    private readonly bool keepsFields;

    /// <param name="instance">The model class whose constructed fields the summary started from, if any.</param>
    /// <param name="depthLeft">How many calls deeper the summary's body may follow.</param>
    /// <param name="keepsFields">Whether the run keeps fields across calls (<see cref="EngineBudget.KeepsFields"/>).</param>
    public SummaryKey(IMethodSymbol method, ImmutableArray<AbstractValue> arguments, ISymbol? instance, int depthLeft, bool keepsFields)
    {
        this.keepsFields = keepsFields;
        this.method = method;
        this.arguments = arguments;
        this.instance = instance;
        this.depthLeft = depthLeft;
    }

    public bool Equals(SummaryKey other) =>
        depthLeft == other.depthLeft
        && keepsFields == other.keepsFields
        && SymbolEqualityComparer.Default.Equals(method, other.method)
        && SymbolEqualityComparer.Default.Equals(instance, other.instance)
        && arguments.SequenceEqual(other.arguments);

    public override bool Equals(object? obj) => obj is SummaryKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = (SymbolEqualityComparer.Default.GetHashCode(method) * 31) + depthLeft;
        foreach (var argument in arguments)
        {
            hash = unchecked((hash * 31) + argument.GetHashCode());
        }

        return hash;
    }
}
