using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>
/// An argument whose value an activation (or another producer) made, written either inline or through a local
/// initialised with it; what a fix may do with it without changing anything else the program reads.
/// </summary>
internal sealed class ActivationArgument
{
    private ActivationArgument(ExpressionSyntax argument, InvocationExpressionSyntax activation, LocalDeclarationStatementSyntax? declaration, bool shared, SyntaxNode? member)
    {
        Argument = argument;
        Activation = activation;
        Declaration = declaration;
        IsShared = shared;
        Member = member;
    }

    /// <summary>The argument as written.</summary>
    public ExpressionSyntax Argument { get; }

    /// <summary>The call that made its value.</summary>
    public InvocationExpressionSyntax Activation { get; }

    /// <summary>The local's declaration, when the argument is a local initialised with the activation.</summary>
    public LocalDeclarationStatementSyntax? Declaration { get; }

    /// <summary>The local is also read elsewhere (metrics, display), so the activation must stay.</summary>
    public bool IsShared { get; }

    private SyntaxNode? Member { get; }

    /// <summary>
    /// Where <paramref name="argument"/> is <paramref name="activation"/> itself, or a local declared alone with it as
    /// initialiser and never written again; otherwise <c>null</c>.
    /// </summary>
    public static ActivationArgument? Find(ExpressionSyntax argument, InvocationExpressionSyntax activation, SemanticModel model, CancellationToken cancellationToken)
    {
        argument = CallSyntax.Unparenthesize(argument);
        if (argument == activation)
        {
            return new ActivationArgument(argument, activation, null, shared: false, member: null);
        }

        if (argument is not IdentifierNameSyntax identifier
            || model.GetSymbolInfo(identifier, cancellationToken).Symbol is not ILocalSymbol local
            || activation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || !SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator, cancellationToken), local)
            || declarator.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>() is not { Declaration.Variables.Count: 1 } statement
            || statement.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member
            || !StableReads.SameValueEverywhere(identifier, member, model, cancellationToken))
        {
            return null;
        }

        bool shared = member.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Any(use => use != identifier && use.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(use, cancellationToken).Symbol, local));
        return new ActivationArgument(argument, activation, statement, shared, member);
    }

    /// <summary>
    /// Whether <paramref name="expression"/> (read from the activation's call) reads the same where the argument is:
    /// always when inline; through a local, only literals and variables nothing reassigns, used in a statement of the
    /// declaration's block, with no statement between naming them (a buffer's elements could change there).
    /// </summary>
    public bool CanMove(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        Member is null
        || (StableReads.SameValueEverywhere(expression, Member, model, cancellationToken)
            && Argument.FirstAncestorOrSelf<StatementSyntax>() is { } use
            && StableReads.NotNamedBetween(expression, Declaration!, use));

    /// <summary>
    /// <paramref name="root"/> with <paramref name="target"/> (the argument, or a node containing it) replaced and, when
    /// nothing else reads the local any more, its declaration removed (its comments move to the next statement).
    /// </summary>
    public SyntaxNode? Replace(SyntaxNode root, SyntaxNode target, SyntaxNode replacement)
    {
        if (Declaration is null || IsShared)
        {
            return root.ReplaceNode(target, replacement);
        }

        var tracked = root.TrackNodes(target, Declaration);
        tracked = tracked.ReplaceNode(tracked.GetCurrentNode(target)!, replacement);
        return RemoveStatement(tracked, tracked.GetCurrentNode(Declaration));
    }

    private static SyntaxNode? RemoveStatement(SyntaxNode root, StatementSyntax? statement)
    {
        if (statement?.Parent is not BlockSyntax block)
        {
            return null;
        }

        int index = block.Statements.IndexOf(statement);
        var statements = block.Statements;
        if (index + 1 < statements.Count)
        {
            statements = statements.Replace(statements[index + 1], statements[index + 1].WithLeadingTrivia(statement.GetLeadingTrivia()));
        }

        return root.ReplaceNode(block, block.WithStatements(statements.RemoveAt(index)));
    }
}
