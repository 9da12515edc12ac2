using System.Collections.Generic;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Fixes;
using LossGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.CodeFixes;

/// <summary>
/// Calls the library's variant of a loss or activation with the same arguments: the fused with-logits loss (LG0003,
/// LG0007, given the activation's input where it took the activation's output), the sigmoid for a one-class softmax
/// (LG0004), the sparse loss for class indices (LG0006).
/// </summary>
internal sealed class UseVariantFixer : PlanFixer
{
    public UseVariantFixer()
        : base(FixKind.Rename, RuleIds.UnstableComposition, RuleIds.SingleClassSoftmax, RuleIds.IndicesIntoCategoricalLoss, RuleIds.WrongDomainForLoss)
    {
    }

    public override string Title(Finding finding) => "Use " + finding.Property(FixPlan.Name);

    public override string EquivalenceKey(Finding finding) => EquivalenceKeys.UseVariant;

    public override SyntaxNode? Rewrite(Finding finding)
    {
        if (CallSyntax.Target(finding) is not InvocationExpressionSyntax call || finding.Property(FixPlan.Name) is not { } name)
        {
            return null;
        }

        var values = new Dictionary<string, ExpressionSyntax>();
        ActivationArgument? use = null;
        if (finding.Property(FixPlan.Parameter) is { } unwrap)
        {
            if (CallSyntax.Argument(call, unwrap, finding.Model, finding.CancellationToken) is not { } argument
                || finding.Origin is not InvocationExpressionSyntax activation
                || ActivationArgument.Find(argument.Expression, activation, finding.Model, finding.CancellationToken) is not { } found
                || CallSyntax.ProducerInput(activation, finding.Model, finding.CancellationToken) is not { } input
                || !found.CanMove(input, finding.Model, finding.CancellationToken))
            {
                return null;
            }

            use = found;
            values.Add(unwrap, input);
        }

        if (MethodSwap.Swap(call, name, finding.Property(FixPlan.Drop), values, finding.Model, finding.CancellationToken) is not { } swapped)
        {
            return null;
        }

        return use is null ? finding.Root.ReplaceNode(call, swapped) : use.Replace(finding.Root, call, swapped);
    }
}
