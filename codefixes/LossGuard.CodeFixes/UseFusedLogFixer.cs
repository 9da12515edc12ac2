using System.Linq;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Fixes;
using LossGuard.Analyzers.Knowledge;
using LossGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.CodeFixes;

/// <summary>
/// The fused log-activation in place of an activation whose output is taken the log of (LG0003:
/// <c>log(softmax(x))</c> → <c>log_softmax(x)</c>) or read as log-probabilities (LG0007: <c>nll_loss(softmax(x))</c>).
/// </summary>
internal sealed class UseFusedLogFixer : PlanFixer
{
    public UseFusedLogFixer()
        : base(FixKind.FusedLog, RuleIds.UnstableComposition, RuleIds.WrongDomainForLoss)
    {
    }

    public override bool Handles(string kind) => kind is FixKind.FusedLog or FixKind.RenameOrigin;

    public override string Title(Finding finding) => "Use " + finding.Property(FixPlan.Name);

    public override string EquivalenceKey(Finding finding) => EquivalenceKeys.UseFusedLog;

    public override SyntaxNode? Rewrite(Finding finding)
    {
        if (finding.Origin is not InvocationExpressionSyntax activation
            || finding.Property(FixPlan.Name) is not { } name
            || CallSyntax.WithMethod(activation, name, finding.Property(FixPlan.Type), finding.Model, finding.CancellationToken) is not { } fused)
        {
            return null;
        }

        return finding.Property(FixPlan.Kind) == FixKind.FusedLog
            ? ReplaceLog(finding, activation, fused)
            : RenameActivation(finding, activation, fused);
    }

    /// <summary>
    /// The log call becomes the fused activation; the activation's arguments must read the same there. A log that
    /// writes into a destination gets the fused activation writing there.
    /// </summary>
    private static SyntaxNode? ReplaceLog(Finding finding, InvocationExpressionSyntax activation, InvocationExpressionSyntax fused)
    {
        var (model, cancellationToken) = (finding.Model, finding.CancellationToken);
        var knowledge = LibraryKnowledge.Resolve(model.Compilation);
        if (finding.Node is not ExpressionSyntax node
            || CallSyntax.Unparenthesize(node) is not InvocationExpressionSyntax log
            || model.GetOperation(log, cancellationToken) is not IInvocationOperation operation
            || knowledge.FindTransform(operation.TargetMethod) is not { } transform
            || CallSyntax.Input(log, transform.Input, model, cancellationToken) is not { } input)
        {
            return null;
        }

        if (transform.Destination is not null)
        {
            return ReplaceBufferLog(finding, log, CallSyntax.Argument(log, transform.Destination, model, cancellationToken), activation, fused);
        }

        if (ActivationArgument.Find(input, activation, model, cancellationToken) is not { } use
            || !activation.ArgumentList.Arguments.All(argument => use.CanMove(argument.Expression, model, cancellationToken))
            || !ReceiverMoves(use, activation, model, cancellationToken))
        {
            return null;
        }

        return use.Replace(finding.Root, log, fused.WithTriviaFrom(log));
    }

    /// <summary>
    /// <c>Softmax(z, p, c); Log(p, d);</c> → <c>Softmax(z, p, c); LogSoftmax(z, d, c);</c>: the fused activation writes
    /// where the log wrote, when both are statements of one block, nothing reassigns the logits or class count, and no
    /// statement between them names them (a buffer's elements could change).
    /// </summary>
    private static SyntaxNode? ReplaceBufferLog(
        Finding finding, InvocationExpressionSyntax log, ArgumentSyntax? logDestination, InvocationExpressionSyntax activation, InvocationExpressionSyntax fused)
    {
        var (model, cancellationToken) = (finding.Model, finding.CancellationToken);
        if (logDestination is null
            || log.Parent is not ExpressionStatementSyntax
            || activation.Parent is not ExpressionStatementSyntax
            || log.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member
            || !ReferenceEquals(member, activation.FirstAncestorOrSelf<MemberDeclarationSyntax>())
            || model.GetOperation(activation, cancellationToken) is not IInvocationOperation call
            || LibraryKnowledge.Resolve(model.Compilation).FindProducer(call.TargetMethod) is not { Destination: { } destination }
            || CallSyntax.Argument(activation, destination, model, cancellationToken) is not { } written)
        {
            return null;
        }

        var moved = activation.ArgumentList.Arguments.Where(argument => argument != written).ToList();
        bool readsTheSame = moved.All(argument => StableReads.SameValueEverywhere(argument.Expression, member, model, cancellationToken))
            && moved.All(argument => StableReads.NotNamedBetween(argument.Expression, (StatementSyntax)activation.Parent, (StatementSyntax)log.Parent));
        var writesThere = fused.ReplaceNode(fused.ArgumentList.Arguments[activation.ArgumentList.Arguments.IndexOf(written)].Expression, logDestination.Expression);
        return readsTheSame ? finding.Root.ReplaceNode(log, writesThere.WithTriviaFrom(log)) : null;
    }

    /// <summary>The activation itself becomes the fused one, where nothing but the loss reads its output.</summary>
    private static SyntaxNode? RenameActivation(Finding finding, InvocationExpressionSyntax activation, InvocationExpressionSyntax fused) =>
        finding.Node is ExpressionSyntax argument
        && ActivationArgument.Find(argument, activation, finding.Model, finding.CancellationToken) is { IsShared: false }
            ? finding.Root.ReplaceNode(activation, fused)
            : null;

    /// <summary>An instance activation (<c>x.softmax(1)</c>) moves only with a receiver that reads the same at the log.</summary>
    private static bool ReceiverMoves(ActivationArgument use, InvocationExpressionSyntax activation, SemanticModel model, System.Threading.CancellationToken cancellationToken) =>
        activation.Expression is not MemberAccessExpressionSyntax access
        || model.GetSymbolInfo(access.Expression, cancellationToken).Symbol is INamespaceOrTypeSymbol
        || use.CanMove(access.Expression, model, cancellationToken);
}
