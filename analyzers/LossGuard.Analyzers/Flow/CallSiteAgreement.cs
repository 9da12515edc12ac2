using System.Threading;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// The entry state of a method's parameters: the join of what each call site passes (a loss module, a model,
/// softmax output, a tensor), when every call site is known; unknown when one is not, or when there is none. A
/// call site's arguments are read from its caller's facts, whose own parameters hold what their call sites pass,
/// <c>levels</c> callers up.
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
        foreach (var site in sites)
        {
            var found = false;
            foreach (var fact in engine.CallerCalls(CallSites.CallerMember(site)!, levels - 1, cancellationToken))
            {
                // A call in a lambda is analysed on its own and wherever the lambda is invoked: every analysis counts.
                if (fact.Call.Syntax != site)
                {
                    continue;
                }

                found = true;
                for (var i = 0; i < joined.Length; i++)
                {
                    var value = ArgumentFor(fact, i);
                    joined[i] = joined[i] is { } previous ? AbstractValue.Join(previous, value) : value;
                }
            }

            if (!found)
            {
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
