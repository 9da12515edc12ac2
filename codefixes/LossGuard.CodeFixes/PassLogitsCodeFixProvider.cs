using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Knowledge;
using LossGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.CodeFixes;

/// <summary>LG0001 / LG0002: pass the activation's input (the logits) to the loss instead of its output.</summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(PassLogitsCodeFixProvider)), Shared]
public sealed class PassLogitsCodeFixProvider : CodeFixProvider
{
    private const string Title = "Pass the logits to the loss";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.SoftmaxIntoLogitsLoss, RuleIds.SigmoidIntoLogitsLoss);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.FirstOrDefault() is not { } origin
                || origin.SourceTree != root.SyntaxTree
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax argument
                || root.FindNode(origin.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax activation
                || Logits(activation, model, context.CancellationToken) is not { } logits)
            {
                continue;
            }

            var action = await SafeAction.CreateAsync(
                Title,
                EquivalenceKeys.PassLogits,
                context.Document,
                current => Rewrite(current, model, argument, activation, logits, context.CancellationToken),
                context.CancellationToken).ConfigureAwait(false);
            if (action is not null)
            {
                context.RegisterCodeFix(action, diagnostic);
            }
        }
    }

    /// <summary>The expression passed as the activation's input parameter.</summary>
    private static ExpressionSyntax? Logits(InvocationExpressionSyntax activation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetOperation(activation, cancellationToken) is not IInvocationOperation call
            || LibraryKnowledge.Resolve(model.Compilation).FindProducer(call.TargetMethod) is not { Input: { } input })
        {
            return null;
        }

        return call.Arguments.FirstOrDefault(a => a.Parameter?.Name == input && a.ArgumentKind == ArgumentKind.Explicit)
            ?.Syntax is ArgumentSyntax syntax ? syntax.Expression : null;
    }

    private static SyntaxNode? Rewrite(
        SyntaxNode root, SemanticModel model, ExpressionSyntax argument, InvocationExpressionSyntax activation,
        ExpressionSyntax logits, CancellationToken cancellationToken)
    {
        var replacement = logits.WithTriviaFrom(argument);
        if (Unparenthesize(argument) == activation)
        {
            return root.ReplaceNode(argument, replacement);
        }

        if (argument is not IdentifierNameSyntax identifier
            || model.GetSymbolInfo(identifier, cancellationToken).Symbol is not ILocalSymbol local
            || activation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || !SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator, cancellationToken), local)
            || declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member
            || !StableReads.SameValueEverywhere(identifier, member, model, cancellationToken)
            || !StableReads.SameValueEverywhere(logits, member, model, cancellationToken))
        {
            return null;
        }

        bool stillUsed = member.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Any(use => use != identifier && use.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(use, cancellationToken).Symbol, local));
        var statement = declarator.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>();
        if (stillUsed || statement is null || statement.Declaration.Variables.Count != 1)
        {
            return root.ReplaceNode(argument, replacement);
        }

        var tracked = root.TrackNodes(argument, statement);
        tracked = tracked.ReplaceNode(tracked.GetCurrentNode(argument)!, replacement);
        return RemoveDeadDeclaration(tracked, tracked.GetCurrentNode(statement));
    }

    /// <summary>Removes a declaration statement; its leading comments move to the statement that follows.</summary>
    private static SyntaxNode? RemoveDeadDeclaration(SyntaxNode root, LocalDeclarationStatementSyntax? current)
    {
        if (current?.Parent is not BlockSyntax block)
        {
            return null;
        }

        int index = block.Statements.IndexOf(current);
        var statements = block.Statements;
        if (index + 1 < statements.Count)
        {
            statements = statements.Replace(statements[index + 1], statements[index + 1].WithLeadingTrivia(current.GetLeadingTrivia()));
        }

        return root.ReplaceNode(block, block.WithStatements(statements.RemoveAt(index)));
    }

    private static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }
}
