using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>A method, what is known of its arguments and of its object: the key of cached summaries (<see cref="SummaryEntry"/>).</summary>
internal readonly struct SummaryKey : IEquatable<SummaryKey>
{
    private readonly IMethodSymbol method;
    private readonly ImmutableArray<AbstractValue> arguments;
    private readonly object? instance;
    private readonly bool keepsFields;

    /// <param name="instance">
    /// The model class whose constructed fields the summary started from, or the one construction (<see cref="ConstructedObject"/>), if any.
    /// </param>
    /// <param name="keepsFields">Whether the run keeps fields across calls (<see cref="EngineBudget.KeepsFields"/>).</param>
    public SummaryKey(IMethodSymbol method, ImmutableArray<AbstractValue> arguments, object? instance, bool keepsFields)
    {
        this.keepsFields = keepsFields;
        this.method = method;
        this.arguments = arguments;
        this.instance = instance;
    }

    /// <summary>
    /// The same key without what ties its arguments to one call site: where each was made, and which buffer it is
    /// (a run sees an argument's buffer only as its parameter's). Runs from keys that agree here differ only in the
    /// origins they carry, so a result that names nothing of its arguments holds for every such key.
    /// </summary>
    public SummaryKey WithoutSite() =>
        new(method, arguments.Select(WithoutSite).ToImmutableArray(), instance, keepsFields);

    private static AbstractValue WithoutSite(AbstractValue argument) =>
        argument.Origin is null && (argument.Storage is null || argument.Storage == Storages.Any)
            ? argument
            : argument with { Origin = null, Storage = argument.Storage is null ? null : Storages.Any };

    public bool Equals(SummaryKey other) =>
        keepsFields == other.keepsFields
        && SymbolEqualityComparer.Default.Equals(method, other.method)
        && (instance is ISymbol symbol ? SymbolEqualityComparer.Default.Equals(symbol, other.instance as ISymbol) : Equals(instance, other.instance))
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

/// <summary>
/// A summary computed with <see cref="DepthLeft"/> calls to follow, which used <see cref="Used"/> of them and cut a call
/// for lack of depth or not, and what else the run left (<see cref="CallEffects"/>). It answers a query with the same depth left, and, when it cut nothing, any query with at
/// least <see cref="Used"/> left: so what a body is found to do never depends on which body asked first.
/// </summary>
internal sealed record SummaryEntry(AbstractValue Value, int DepthLeft, int Used, bool Cut, CallEffects? Effects = null)
{
    public bool Answers(int depthLeft) => depthLeft == DepthLeft || !Cut && Used <= depthLeft;
}
