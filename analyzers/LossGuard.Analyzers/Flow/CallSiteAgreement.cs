using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// The entry state of a method's parameters: the join of what each call site passes (a loss module, a model,
/// softmax output), when every call site is known; unknown when one is not, or when there is none.
/// </summary>
internal static class CallSiteAgreement
{
    public static FlowState Of(DataflowEngine engine, IMethodSymbol method, CallSites callSites, CancellationToken cancellationToken)
    {
        var entry = new FlowState();
        if (callSites.Of(method, cancellationToken) is not { IsEmpty: false } sites)
        {
            return entry;
        }

        var joined = new AbstractValue?[method.Parameters.Length];
        foreach (var site in sites)
        {
            var member = site.Ancestors().First(ancestor => ancestor is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax);
            var fact = engine.PlainCalls(member, cancellationToken).FirstOrDefault(call => call.Call.Syntax == site);
            if (fact is null)
            {
                return entry;
            }

            for (var i = 0; i < joined.Length; i++)
            {
                var value = fact.Arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == i)?.Value ?? AbstractValue.Unknown;
                joined[i] = joined[i] is { } previous ? AbstractValue.Join(previous, value) : value;
            }
        }

        for (var i = 0; i < joined.Length; i++)
        {
            var parameter = method.Parameters[i];
            var value = joined[i]!;
            entry.Set(parameter, value.Storage is null ? value : value with { Storage = new ExternalStorage(parameter) });
        }

        return entry;
    }
}
