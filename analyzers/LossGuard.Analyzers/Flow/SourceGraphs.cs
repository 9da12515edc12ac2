using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>The control-flow graph of a method declared in the compilation, for summaries.</summary>
internal static class SourceGraphs
{
    /// <summary>Only methods whose body is the one that runs: not abstract, not overridable, declared in source.</summary>
    public static ControlFlowGraph? Of(Compilation compilation, IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.IsAbstract || method.IsExtern || IsOverridable(method) || method.MethodKind is not (MethodKind.Ordinary or MethodKind.ReducedExtension))
        {
            return null;
        }

        var declaration = method.ReducedFrom ?? method;
        declaration = declaration.PartialImplementationPart ?? declaration;
        foreach (var reference in declaration.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

#pragma warning disable RS1030 // The callee lives in another tree than the one analysed; its model is needed once per method and cached.
            var model = compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            if (model.GetOperation(syntax, cancellationToken) is IMethodBodyOperation body)
            {
                return ControlFlowGraph.Create(body, cancellationToken);
            }
        }

        return null;
    }

    private static bool IsOverridable(IMethodSymbol method) =>
        (method.IsVirtual || method.IsOverride) && !method.IsSealed && method.ContainingType.IsSealed is false
        || method.ContainingType.TypeKind == TypeKind.Interface;

    public static bool IsDeclaredIn(Compilation compilation, IMethodSymbol method) =>
        method.Locations.Any(location => location.IsInSource && compilation.ContainsSyntaxTree(location.SourceTree!));
}
