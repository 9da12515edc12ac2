using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>The bodies of members declared in the compilation, for summaries, call sites and construction.</summary>
internal static class SourceBodies
{
    /// <summary>The body of a method declared in source (not abstract, not extern).</summary>
    public static FlowBody? Of(SourceModels models, IMethodSymbol method, CancellationToken cancellationToken)
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
                return FlowBody.Of(body, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>A method, constructor or accessor body declared in the compilation.</summary>
    public static FlowBody? OfMember(SourceModels models, SyntaxNode member, CancellationToken cancellationToken) =>
        models.Of(member)?.GetOperation(member, cancellationToken) switch
        {
            IMethodBodyOperation body => FlowBody.Of(body, cancellationToken),
            IConstructorBodyOperation constructor => FlowBody.Of(constructor, cancellationToken),
            _ => null,
        };

    /// <summary>
    /// The member whose body holds <paramref name="node"/>: a method, constructor or accessor declaration, or the
    /// compilation unit of top-level statements; <c>null</c> elsewhere (field and property initialisers,
    /// expression-bodied properties) and, unless <paramref name="throughNestedFunctions"/>, inside a lambda or local function.
    /// </summary>
    public static SyntaxNode? EnclosingMember(SyntaxNode node, bool throughNestedFunctions)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax when !throughNestedFunctions:
                    return null;
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                    return ancestor;
                case GlobalStatementSyntax:
                    return ancestor.Parent;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The initialiser of a field's or property's declaration, if it has one.</summary>
    public static EqualsValueClauseSyntax? InitializerOf(SyntaxNode declaration) => declaration switch
    {
        VariableDeclaratorSyntax declarator => declarator.Initializer,
        PropertyDeclarationSyntax property => property.Initializer,
        _ => null,
    };

    /// <summary>A constructor body or field initializer declared in the compilation.</summary>
    public static FlowBody? OfSyntax(SourceModels models, SyntaxNode syntax, CancellationToken cancellationToken) =>
        models.Of(syntax)?.GetOperation(syntax, cancellationToken) switch
        {
            IConstructorBodyOperation { Parent: null } constructor => FlowBody.Of(constructor, cancellationToken),
            IFieldInitializerOperation { Parent: null } initializer => FlowBody.Of(initializer, cancellationToken),
            IPropertyInitializerOperation { Parent: null } initializer => FlowBody.Of(initializer, cancellationToken),
            _ => null,
        };

    /// <summary>A method written with <c>yield</c>: calling it runs none of its body until it is enumerated.</summary>
    public static bool IsIterator(IMethodSymbol method) =>
        method.DeclaringSyntaxReferences.Any(reference => IsIterator(reference.GetSyntax()));

    public static bool IsIterator(SyntaxNode declaration) => declaration.DescendantNodes().OfType<YieldStatementSyntax>().Any();

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
