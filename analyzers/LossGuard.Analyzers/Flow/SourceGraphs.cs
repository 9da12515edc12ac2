using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>The control-flow graph of a method declared in the compilation, for summaries.</summary>
internal static class SourceGraphs
{
    /// <summary>The body of a method declared in source (not abstract, not extern).</summary>
    public static ControlFlowGraph? Of(SourceModels models, IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.IsAbstract || method.IsExtern || method.MethodKind is not (MethodKind.Ordinary or MethodKind.ReducedExtension))
        {
            return null;
        }

        var declaration = method.ReducedFrom ?? method;
        declaration = declaration.PartialImplementationPart ?? declaration;
        foreach (var reference in declaration.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (models.Of(syntax)?.GetOperation(syntax, cancellationToken) is IMethodBodyOperation body)
            {
                return ControlFlowGraph.Create(body, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>The graph of a method, constructor or accessor body declared in the compilation.</summary>
    public static ControlFlowGraph? OfMember(SourceModels models, SyntaxNode member, CancellationToken cancellationToken) =>
        models.Of(member)?.GetOperation(member, cancellationToken) switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
            _ => null,
        };

    /// <summary>The graph of a constructor body or field initializer declared in the compilation.</summary>
    public static ControlFlowGraph? OfSyntax(SourceModels models, SyntaxNode syntax, CancellationToken cancellationToken) =>
        models.Of(syntax)?.GetOperation(syntax, cancellationToken) switch
        {
            IConstructorBodyOperation { Parent: null } constructor => ControlFlowGraph.Create(constructor, cancellationToken),
            IFieldInitializerOperation { Parent: null } initializer => ControlFlowGraph.Create(initializer, cancellationToken),
            _ => null,
        };

    /// <summary>An override may run instead of this body, unless the receiver's class is known.</summary>
    public static bool IsOverridable(IMethodSymbol method) =>
        (method.IsVirtual || method.IsOverride) && !method.IsSealed && method.ContainingType.IsSealed is false
        || method.ContainingType.TypeKind == TypeKind.Interface;

    public static bool IsDeclaredIn(Compilation compilation, IMethodSymbol method)
    {
        foreach (var location in method.Locations)
        {
            if (location.IsInSource && compilation.ContainsSyntaxTree(location.SourceTree!))
            {
                return true;
            }
        }

        return false;
    }
}
