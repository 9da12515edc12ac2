using System.Collections.Immutable;
using System.Linq;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>An argument of a library call and what held for its value on every path to the call.</summary>
internal sealed record ArgumentFact(IArgumentOperation Argument, AbstractValue Value)
{
    public IParameterSymbol? Parameter => Argument.Parameter;

    /// <summary>Where to report a finding about this argument: its value as written.</summary>
    public Location Location => Argument.Value.Syntax.GetLocation();
}

/// <summary>A call a library table knows, with the facts for each of its arguments.</summary>
internal sealed record CallFact(
    IInvocationOperation Call,
    ImmutableArray<ArgumentFact> Arguments,
    ProducerEntry? Producer,
    TransformEntry? Transform,
    ImmutableArray<LossInputEntry> LossInputs)
{
    public IMethodSymbol Method => Call.TargetMethod;

    public ArgumentFact? Argument(string? parameterName) =>
        parameterName is null ? null : Arguments.FirstOrDefault(argument => argument.Parameter?.Name == parameterName);

    /// <summary>The constant an integer parameter (a class count) receives, where known.</summary>
    public int? IntegerArgument(string? parameterName) => Argument(parameterName)?.Value.Constant is int value ? value : null;
}

/// <summary>A value a body returns, or yields as its result (model outputs, for the single-class rule).</summary>
internal sealed record ReturnFact(IOperation Returned, AbstractValue Value);

/// <summary>Everything the engine established for one body (with its lambdas and local functions): what rules read.</summary>
internal sealed record BodyFacts(SyntaxNode Body, ImmutableArray<CallFact> Calls, ImmutableArray<ReturnFact> Returns)
{
    public static BodyFacts Empty(SyntaxNode body) => new(body, ImmutableArray<CallFact>.Empty, ImmutableArray<ReturnFact>.Empty);

    /// <summary>Whether a place lies in this body: rules report origins only where the body that owns them is analysed.</summary>
    public bool Contains(IOperation? operation) =>
        operation is not null && operation.Syntax.SyntaxTree == Body.SyntaxTree && Body.Span.Contains(operation.Syntax.Span);
}
