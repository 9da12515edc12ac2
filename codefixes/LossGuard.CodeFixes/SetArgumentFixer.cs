using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Fixes;
using LossGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LossGuard.CodeFixes;

/// <summary>
/// Sets one argument: a Keras loss's <c>from_logits</c> (LG0001, LG0002, LG0007), a one-unit layer's activation
/// (LG0004), the softmax axis (LG0008).
/// </summary>
internal sealed class SetArgumentFixer : PlanFixer
{
    public SetArgumentFixer()
        : base(
            FixKind.SetArgument,
            RuleIds.SoftmaxIntoLogitsLoss,
            RuleIds.SigmoidIntoLogitsLoss,
            RuleIds.SingleClassSoftmax,
            RuleIds.WrongDomainForLoss,
            RuleIds.SoftmaxAlongBatchAxis)
    {
    }

    public override string Title(Finding finding) =>
        "Set " + finding.Property(FixPlan.Parameter) + ": " + finding.Property(FixPlan.Value);

    public override string EquivalenceKey(Finding finding) => EquivalenceKeys.SetArgument;

    public override SyntaxNode? Rewrite(Finding finding)
    {
        if (CallSyntax.Target(finding) is not { } call
            || finding.Property(FixPlan.Parameter) is not { } parameter
            || finding.Property(FixPlan.Value) is not { } value
            || ArgumentEdits.Set(call, parameter, SyntaxFactory.ParseExpression(value), finding.Model, finding.CancellationToken) is not { } changed)
        {
            return null;
        }

        return finding.Root.ReplaceNode(call, changed);
    }
}
