using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>
/// The check that decides whether a fix is offered: each changed member's new body is bound speculatively in the
/// document's own compilation (nothing is compiled anew), and must bind with no more invalid operations (a method
/// that does not exist, arguments no overload takes, a conversion that does not exist) than the body it replaces.
/// </summary>
internal static class SpeculativeCheck
{
    /// <summary>Whether some changed member binds worse than before; <c>null</c> when one cannot be bound speculatively (the caller compiles it).</summary>
    public static bool? AddsInvalidOperations(
        SemanticModel model, IEnumerable<(MemberDeclarationSyntax Before, MemberDeclarationSyntax After)> members, CancellationToken cancellationToken)
    {
        foreach (var (before, after) in members)
        {
            if (Bodies(before, after) is not var (oldBody, newBody)
                || Speculate(model, oldBody.SpanStart, after, newBody) is not { } speculative)
            {
                return null;
            }

            if (Invalid(speculative.GetOperation(newBody, cancellationToken)) > Invalid(model.GetOperation(oldBody, cancellationToken)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The bodies of a method, constructor or operator, or of an expression-bodied property, when only they changed.</summary>
    private static (SyntaxNode Before, SyntaxNode After)? Bodies(MemberDeclarationSyntax before, MemberDeclarationSyntax after) => (before, after) switch
    {
        (ConstructorDeclarationSyntax { Initializer: var oldInitializer }, ConstructorDeclarationSyntax { Initializer: var newInitializer })
            when !SyntaxFactory.AreEquivalent(oldInitializer, newInitializer) => null,
        (BaseMethodDeclarationSyntax oldMethod, BaseMethodDeclarationSyntax newMethod)
            when (oldMethod.Body ?? (SyntaxNode?)oldMethod.ExpressionBody) is { } oldBody
            && (newMethod.Body ?? (SyntaxNode?)newMethod.ExpressionBody) is { } newBody
            && oldBody.RawKind == newBody.RawKind => (oldBody, newBody),
        (PropertyDeclarationSyntax { ExpressionBody: { } oldBody }, PropertyDeclarationSyntax { ExpressionBody: { } newBody }) => (oldBody, newBody),
        _ => null,
    };

    /// <summary>A block body is bound as a method body; an expression body (of a method or a property) as an arrow clause.</summary>
    private static SemanticModel? Speculate(SemanticModel model, int position, MemberDeclarationSyntax after, SyntaxNode newBody) =>
        (after, newBody) switch
        {
            (BaseMethodDeclarationSyntax method, BlockSyntax) when model.TryGetSpeculativeSemanticModelForMethodBody(position, method, out var speculative) => speculative,
            (_, ArrowExpressionClauseSyntax arrow) when model.TryGetSpeculativeSemanticModel(position, arrow, out var speculative) => speculative,
            _ => null,
        };

    private static int Invalid(IOperation? body) =>
        body is null ? int.MaxValue : body.DescendantsAndSelf().Count(operation => operation.Kind == OperationKind.Invalid);
}
