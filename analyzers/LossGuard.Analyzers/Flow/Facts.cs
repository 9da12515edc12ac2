using System.Collections.Immutable;
using System.Linq;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>A value passed to a call (an argument, or the object an instance method is called on) and what held for it on every path.</summary>
/// <param name="Expression">The value as written.</param>
/// <param name="Value">What the engine knows of it.</param>
/// <param name="Parameter">The parameter it binds to, if any.</param>
/// <param name="Alias">The name a table knows it by when that is not the parameter's (a receiver, a module's inputs).</param>
/// <param name="IsDefault">The argument was not written: the parameter's default value.</param>
internal sealed record ArgumentFact(
    IOperation Expression, AbstractValue Value, IParameterSymbol? Parameter = null, string? Alias = null, bool IsDefault = false)
{
    public string? Name => Alias ?? Parameter?.Name;

    /// <summary>Where to report a finding about this argument: its value as written.</summary>
    public Location Location => Expression.Syntax.GetLocation();

    public static ArgumentFact Of(IArgumentOperation argument, AbstractValue value) =>
        new(argument.Value, value, argument.Parameter, IsDefault: argument.ArgumentKind == ArgumentKind.DefaultValue);
}

/// <summary>
/// A call a library table knows (a function, or a module applied with <c>forward</c> / <c>call</c>), with the facts
/// for each of its arguments and, for a producer, what it produced.
/// </summary>
/// <param name="Call">The invocation.</param>
/// <param name="Name">How messages name it (<c>functional.cross_entropy</c>, <c>CrossEntropyLoss.forward</c>).</param>
/// <param name="Site">Where an activation's own findings are reported: the call, or the module's creation.</param>
/// <param name="Result">What a producer made (domain, class count, axis, rank); unknown otherwise.</param>
internal sealed record CallFact(
    IInvocationOperation Call,
    string Name,
    IOperation Site,
    ImmutableArray<ArgumentFact> Arguments,
    ProducerEntry? Producer,
    TransformEntry? Transform,
    ImmutableArray<LossInputEntry> LossInputs,
    AbstractValue Result)
{
    /// <summary>What the call produced: set once, by the evaluator, before the fact is recorded (its arguments are read to compute it).</summary>
    public AbstractValue Result { get; private set; } = Result;

    /// <summary>String parameters of this call that the library recognises only a few values of.</summary>
    public ImmutableArray<RecognisedStringEntry> RecognisedStrings { get; init; } = ImmutableArray<RecognisedStringEntry>.Empty;

    /// <summary>For a loss module applied, or compiled into a model (Keras <c>fit</c>): where the loss object was made.</summary>
    public IOperation? LossCreation { get; init; }

    /// <summary>For a loss module applied: the constant its constructor gave the flag it keeps (<see cref="ModuleEntry.Flag"/>).</summary>
    public (string Name, bool Value)? LossFlag { get; init; }

    public ArgumentFact? Argument(string? parameterName)
    {
        if (parameterName is not null)
        {
            foreach (var argument in Arguments)
            {
                if (argument.Name == parameterName)
                {
                    return argument;
                }
            }
        }

        return null;
    }

    public void Produced(AbstractValue result) => Result = result;

    /// <summary>The constant an integer parameter (a class count) receives, where known.</summary>
    public int? IntegerArgument(string? parameterName) => Argument(parameterName)?.Value.IntegerConstant;
}

/// <summary>A value a body returns, or yields as its result (model outputs, for the single-class rule).</summary>
internal sealed record ReturnFact(AbstractValue Value);

/// <summary>Everything the engine established for one body (with its lambdas and local functions): what rules read.</summary>
internal sealed record BodyFacts(ImmutableArray<CallFact> Calls, ImmutableArray<ReturnFact> Returns)
{
    public static BodyFacts Empty { get; } = new(ImmutableArray<CallFact>.Empty, ImmutableArray<ReturnFact>.Empty);
}
