using System.Collections.Immutable;
using System.Linq;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>Calls: library tables, buffer views, delegates, local functions, and summaries of the compilation's own methods.</summary>
internal sealed partial class Evaluator
{
    private AbstractValue Invoke(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        var instance = call.Instance is null ? null : Evaluate(call.Instance);
        var arguments = call.Arguments.Select(argument => new ArgumentFact(argument, Evaluate(argument.Value))).ToImmutableArray();
        if (TableCall(call, arguments) is { } tabled)
        {
            return tabled;
        }

        var view = BufferViews.Classify(method);
        if (view != BufferView.None)
        {
            return View(view, call, instance ?? arguments.FirstOrDefault()?.Value, arguments);
        }

        var result = method.MethodKind switch
        {
            MethodKind.DelegateInvoke => CallFunction(instance?.Function, arguments),
            MethodKind.LocalFunction => CallGraph(
                graph.GetLocalFunctionControlFlowGraphInScope(method.OriginalDefinition, budget.CancellationToken), method.Parameters, arguments),
            _ when SourceGraphs.IsDeclaredIn(engine.Compilation, method) => Summarized(call, method, arguments),
            _ => Unknown(call),
        };
        ForgetWritableArguments(arguments, except: null);
        if (instance is not null && BufferViews.IsBuffer(call.Instance!.Type))
        {
            WriteBuffer(call.Instance, instance, null);
        }

        return result;
    }

    /// <summary>A call a library table describes: it produces a domain, transforms one, or is a loss. The call is recorded as a fact.</summary>
    private AbstractValue? TableCall(IInvocationOperation call, ImmutableArray<ArgumentFact> arguments)
    {
        var knowledge = engine.Knowledge;
        var producer = knowledge.FindProducer(call.TargetMethod);
        var transform = producer is null ? knowledge.FindTransform(call.TargetMethod) : null;
        var losses = knowledge.FindLossInputs(call.TargetMethod).ToImmutableArray();
        if (producer is null && transform is null && losses.IsEmpty)
        {
            return null;
        }

        var fact = new CallFact(call, arguments, producer, transform, losses);
        calls?.Add(fact);
        var destination = fact.Argument(producer?.Destination ?? transform?.Destination);
        ForgetWritableArguments(arguments, except: destination);
        var result = producer is not null ? Produce(fact, producer) : transform is not null ? Transform(fact, transform) : AbstractValue.Unknown;
        if (destination is null)
        {
            return producer is not null && BufferViews.IsBuffer(call.Type) ? result with { Storage = call } : result;
        }

        WriteBuffer(destination.Argument.Value, destination.Value, result.IsKnownDomain ? result : null);
        return AbstractValue.Unknown;
    }

    private static AbstractValue Produce(CallFact fact, ProducerEntry producer) =>
        new(producer.Domain, fact.Call, fact.IntegerArgument(producer.Classes));

    private static AbstractValue Transform(CallFact fact, TransformEntry transform)
    {
        var input = transform.Input is null ? SoleVariable(fact, transform) : fact.Argument(transform.Input);
        if (input is null)
        {
            return AbstractValue.Unknown;
        }

        var value = input.Value;
        switch (transform.Kind)
        {
            case TransformKind.Log when IsProbability(value):
                return new AbstractValue(ValueDomain.LogProbabilities, value.Origin, value.Classes);
            case TransformKind.Clip when OthersAreConstant(fact, input, transform):
                return new AbstractValue(value.Domain, value.Origin, value.Classes);
            case TransformKind.MaxOf:
                return new AbstractValue(ValueDomain.Unknown, MaxOf: Identity(value));
            case TransformKind.SubtractScalar when fact.Argument(transform.Scalar)?.Value.MaxOf is { } maxOf && Equals(maxOf, Identity(value)):
                return new AbstractValue(ValueDomain.MaxSubtracted);
            default:
                return AbstractValue.Unknown;
        }
    }

    /// <summary>For a clip given as <c>Max(a, b)</c>: the one argument that is not a constant.</summary>
    private static ArgumentFact? SoleVariable(CallFact fact, TransformEntry transform)
    {
        var variables = fact.Arguments.Where(argument => argument.Value.Constant is null && argument.Parameter?.Name != transform.Destination).ToList();
        return variables.Count == 1 ? variables[0] : null;
    }

    private static bool OthersAreConstant(CallFact fact, ArgumentFact input, TransformEntry transform) =>
        fact.Arguments.All(argument =>
            argument == input || argument.Parameter?.Name == transform.Destination || argument.Value.Constant is not null);

    private static object? Identity(AbstractValue buffer) => buffer.Storage is IOperation or ExternalStorage ? buffer.Storage : null;

    private AbstractValue View(BufferView view, IInvocationOperation call, AbstractValue? source, ImmutableArray<ArgumentFact> arguments)
    {
        source ??= AbstractValue.Unknown;
        switch (view)
        {
            case BufferView.Whole:
            case BufferView.Enumerator:
                return source;
            case BufferView.Part:
                return source with { Partial = true };
            case BufferView.Copy:
                return source with { Storage = call, Partial = false };
            case BufferView.CopyTo:
                var destination = arguments.LastOrDefault(argument => BufferViews.IsWritable(argument.Parameter?.Type));
                if (destination is not null)
                {
                    var whole = arguments.Count(argument => argument.Parameter?.Ordinal != 0 || call.Instance is not null) == 1;
                    WriteBuffer(destination.Argument.Value, destination.Value, whole && !source.Partial ? source : null);
                }

                return AbstractValue.Unknown;
            default:
                return AbstractValue.Unknown;
        }
    }

    private AbstractValue CallFunction(FunctionValue? function, ImmutableArray<ArgumentFact> arguments)
    {
        if (function?.Lambda is { } lambda && function.Owner is { } owner)
        {
            return CallGraph(owner.GetAnonymousFunctionControlFlowGraph(lambda, budget.CancellationToken), lambda.Symbol.Parameters, arguments);
        }

        return function?.Method is { } method && SourceGraphs.IsDeclaredIn(engine.Compilation, method)
            ? engine.Summarize(method, ByOrdinal(method.Parameters.Length, arguments), depth, budget)
            : AbstractValue.Unknown;
    }

    private AbstractValue CallGraph(ControlFlowGraph callee, ImmutableArray<IParameterSymbol> parameters, ImmutableArray<ArgumentFact> arguments) =>
        Returned(engine.Invoke(callee, parameters, ByOrdinal(parameters.Length, arguments), depth, budget), null);

    private AbstractValue Summarized(IInvocationOperation call, IMethodSymbol method, ImmutableArray<ArgumentFact> arguments)
    {
        var result = engine.Summarize(method, ByOrdinal(method.Parameters.Length, arguments), depth, budget);
        state.ForgetFields();
        return Returned(result, call);
    }

    /// <summary>A callee's result: a buffer it allocated is new at this call; any other buffer may be one of the caller's.</summary>
    private static AbstractValue Returned(AbstractValue result, IInvocationOperation? call) => result.Storage switch
    {
        null => result,
        IOperation when call is not null => result with { Storage = call },
        _ => result with { Storage = Storages.Any },
    };

    private static ImmutableArray<AbstractValue> ByOrdinal(int count, ImmutableArray<ArgumentFact> arguments)
    {
        var values = Enumerable.Repeat(AbstractValue.Unknown, count).ToArray();
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && parameter.Ordinal < count)
            {
                values[parameter.Ordinal] = argument.Value;
            }
        }

        return values.ToImmutableArray();
    }

    private static AbstractValue Unknown(IInvocationOperation call) =>
        BufferViews.IsBuffer(call.Type) ? new AbstractValue(ValueDomain.Unknown, Storage: new ExternalStorage(call)) : AbstractValue.Unknown;

    /// <summary>What a callee may change: buffers passed where it can write them, and variables passed by reference.</summary>
    private void ForgetWritableArguments(ImmutableArray<ArgumentFact> arguments, ArgumentFact? except)
    {
        foreach (var argument in arguments)
        {
            if (argument == except || argument.Parameter is not { } parameter || argument.Argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (parameter.RefKind is RefKind.Ref or RefKind.Out)
            {
                if (Symbol(argument.Argument.Value) is { } symbol)
                {
                    SetSymbol(symbol, AbstractValue.Unknown);
                }
            }
            else if (BufferViews.IsWritable(parameter.Type) && BufferViews.IsBuffer(Unconverted(argument.Argument.Value).Type))
            {
                WriteBuffer(argument.Argument.Value, argument.Value, null);
            }
        }
    }

    private static IOperation Unconverted(IOperation operation) =>
        operation is IConversionOperation conversion ? Unconverted(conversion.Operand) : operation;
}
