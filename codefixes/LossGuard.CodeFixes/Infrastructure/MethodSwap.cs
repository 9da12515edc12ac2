using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>A call rewritten to call another method of the same type, with its arguments carried over.</summary>
internal static class MethodSwap
{
    private static readonly IReadOnlyDictionary<string, ExpressionSyntax> NoValues = new Dictionary<string, ExpressionSyntax>();

    /// <summary>
    /// <paramref name="call"/> calling <paramref name="name"/> instead: the first overload the rewritten call binds to,
    /// with <paramref name="drop"/>'s argument removed and <paramref name="values"/> replacing arguments by parameter.
    /// </summary>
    public static InvocationExpressionSyntax? Swap(
        InvocationExpressionSyntax call,
        string name,
        string? drop,
        IReadOnlyDictionary<string, ExpressionSyntax>? values,
        SemanticModel model,
        CancellationToken cancellationToken)
    {
        if (model.GetOperation(call, cancellationToken) is not IInvocationOperation { TargetMethod: var from })
        {
            return null;
        }

        var arguments = CallSyntax.Arguments(call, model, cancellationToken);
        if (arguments.Length != call.ArgumentList.Arguments.Count)
        {
            return null;
        }

        int wanted = arguments.Length - (drop is null ? 0 : 1);
        var overloads = from.ContainingType.GetMembers(name).OfType<IMethodSymbol>()
            .Where(candidate => candidate.IsStatic == from.IsStatic)
            .OrderBy(candidate => Math.Abs(candidate.Parameters.Length - wanted));
        foreach (var to in overloads)
        {
            if (ArgumentEdits.ForMethod(call.ArgumentList, arguments, from, to, drop, values ?? NoValues) is { } list
                && CallSyntax.WithMethodName(call.WithArgumentList(list), name) is { } swapped
                && Binds(swapped, call, model))
            {
                return swapped;
            }
        }

        return null;
    }

    /// <summary>Whether the rewritten call, placed where the original is, binds to a method.</summary>
    private static bool Binds(InvocationExpressionSyntax swapped, InvocationExpressionSyntax original, SemanticModel model) =>
        model.GetSpeculativeSymbolInfo(original.SpanStart, swapped, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol;
}
