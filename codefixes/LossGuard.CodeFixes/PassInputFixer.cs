using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Fixes;
using LossGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.CodeFixes;

/// <summary>
/// LG0001 / LG0002: pass the activation's input (the logits) to the loss instead of its output; LG0005: pass the class
/// indices a one-hot encoding was made from; LG0007: pass the log-rates an <c>exp</c> made rates of to a Poisson loss
/// that reads log-rates. A local holding the activation goes when nothing else reads it.
/// </summary>
internal sealed class PassInputFixer : PlanFixer
{
    public PassInputFixer()
        : base(FixKind.PassInput, RuleIds.SoftmaxIntoLogitsLoss, RuleIds.SigmoidIntoLogitsLoss, RuleIds.OneHotIntoSparseLoss, RuleIds.WrongDomainForLoss)
    {
    }

    public override string Title(Finding finding) => finding.Diagnostic.Id switch
    {
        RuleIds.OneHotIntoSparseLoss => "Pass the class indices",
        RuleIds.WrongDomainForLoss => "Pass the log-rates to the loss",
        _ => "Pass the logits to the loss",
    };

    public override string EquivalenceKey(Finding finding) => finding.Diagnostic.Id switch
    {
        RuleIds.OneHotIntoSparseLoss => EquivalenceKeys.PassClassIndices,
        RuleIds.WrongDomainForLoss => EquivalenceKeys.PassLogRates,
        _ => EquivalenceKeys.PassLogits,
    };

    public override SyntaxNode? Rewrite(Finding finding)
    {
        if (finding.Node is not ExpressionSyntax argument
            || finding.Origin is not InvocationExpressionSyntax producer
            || ActivationArgument.Find(argument, producer, finding.Model, finding.CancellationToken) is not { } use
            || CallSyntax.ProducerInput(producer, finding.Model, finding.CancellationToken) is not { } input
            || !use.CanMove(input, finding.Model, finding.CancellationToken))
        {
            return null;
        }

        return use.Replace(finding.Root, use.Argument, input.WithTriviaFrom(use.Argument));
    }
}
