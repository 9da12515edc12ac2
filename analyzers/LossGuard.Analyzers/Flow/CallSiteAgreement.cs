using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// The entry state of a method's parameters: the join of what each call site passes (a loss module, a model,
/// softmax output, a tensor), when every call site is known; unknown when one is not, or when there is none. A
/// call site's arguments are read from its caller's facts: with what the caller's own call sites pass (<c>levels</c>
/// callers up) when an argument may be computed from the caller's parameters, else with them unknown, which spares
/// finding and reading the caller's callers. Sites are read in their caller's cost order (already analysed, then
/// smaller), and reading stops once no parameter can be known.
/// </summary>
internal static class CallSiteAgreement
{
    public static FlowState Of(DataflowEngine engine, IMethodSymbol method, int levels, CallSites callSites, CancellationToken cancellationToken)
    {
        var entry = new FlowState();
        if (callSites.Of(method, cancellationToken) is not { IsEmpty: false } sites)
        {
            return entry;
        }

        var joined = new AbstractValue?[method.Parameters.Length];
        foreach (var site in InCostOrder(engine, sites))
        {
            if (Arguments(engine, site, levels, joined.Length, cancellationToken) is not { } passed)
            {
                return entry;
            }

            var informative = false;
            for (var i = 0; i < joined.Length; i++)
            {
                var value = joined[i] is { } previous ? AbstractValue.Join(previous, passed[i]) : passed[i];
                joined[i] = value;
                informative |= DataflowEngine.IsInformative(value);
            }

            if (!informative && !method.Parameters.Any(parameter => BufferViews.IsBuffer(parameter.Type)))
            {
                // A join never learns again what one site did not pass; only a buffer's max-subtracted domain does.
                return entry;
            }
        }

        for (var i = 0; i < joined.Length; i++)
        {
            var parameter = method.Parameters[i];
            var value = joined[i]!;
            if (DataflowEngine.IsInformative(value))
            {
                entry.Set(parameter, value.Storage is null ? value : value with { Storage = new ExternalStorage(parameter) });
            }
        }

        return entry;
    }

    private static IEnumerable<InvocationExpressionSyntax> InCostOrder(DataflowEngine engine, ImmutableArray<InvocationExpressionSyntax> sites) =>
        sites.Length == 1
            ? sites
            : sites.OrderBy(site => engine.HasPlainFacts(CallSites.CallerMember(site)!) ? 0 : 1)
                .ThenBy(site => CallSites.CallerMember(site)!.Span.Length);

    /// <summary>
    /// What one site passes to each parameter, read from its caller analysed with what the caller's own call sites
    /// pass when an argument may be computed from the caller's parameters, else on its own; <c>null</c> when the
    /// caller's facts do not hold the call.
    /// </summary>
    private static AbstractValue[]? Arguments(DataflowEngine engine, InvocationExpressionSyntax site, int levels, int count, CancellationToken cancellationToken)
    {
        var caller = CallSites.CallerMember(site)!;
        var calls = levels > 1 && DependsOnCaller(engine, caller, site, cancellationToken)
            ? engine.CallerCalls(caller, levels - 1, cancellationToken)
            : engine.PlainCalls(caller, cancellationToken);
        return Read(calls, site, count);
    }

    /// <summary>Whether an argument of the call may be computed from the caller's parameters (<see cref="ParameterDependence"/>).</summary>
    private static bool DependsOnCaller(DataflowEngine engine, SyntaxNode caller, InvocationExpressionSyntax site, CancellationToken cancellationToken) =>
        engine.Models.Of(site)?.GetOperation(site, cancellationToken) is not IInvocationOperation invocation
        || invocation.Arguments.Any(argument => engine.ParameterDependence.MayDepend(caller, argument.Value, cancellationToken));

    /// <summary>The arguments of the call at <paramref name="site"/>, joined over every analysis of it (a call in a lambda is analysed on its own and wherever the lambda is invoked).</summary>
    private static AbstractValue[]? Read(ImmutableArray<CallFact> calls, InvocationExpressionSyntax site, int count)
    {
        AbstractValue[]? passed = null;
        foreach (var fact in calls)
        {
            if (fact.Call.Syntax != site)
            {
                continue;
            }

            if (passed is null)
            {
                passed = new AbstractValue[count];
                for (var i = 0; i < count; i++)
                {
                    passed[i] = ArgumentFor(fact, i);
                }

                continue;
            }

            for (var i = 0; i < count; i++)
            {
                passed[i] = AbstractValue.Join(passed[i], ArgumentFor(fact, i));
            }
        }

        return passed;
    }

    private static AbstractValue ArgumentFor(CallFact fact, int ordinal)
    {
        foreach (var argument in fact.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return AbstractValue.Unknown;
    }
}
