using System.Collections.Generic;
using System.Linq;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Fixes;
using LossGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.CodeFixes;

/// <summary>LG0009: <c>compile</c> given the optimizer and loss objects its strings named, so the loss is the one asked for.</summary>
internal sealed class PassObjectsFixer : PlanFixer
{
    public PassObjectsFixer()
        : base(FixKind.ReplaceArguments, RuleIds.UnrecognisedKerasLossName)
    {
    }

    public override string Title(Finding finding) => "Pass optimizer and loss objects";

    public override string EquivalenceKey(Finding finding) => EquivalenceKeys.PassObjects;

    public override SyntaxNode? Rewrite(Finding finding)
    {
        if (CallSyntax.Target(finding) is not { } call)
        {
            return null;
        }

        var replacements = new Dictionary<ExpressionSyntax, ExpressionSyntax>();
        foreach (var property in finding.Diagnostic.Properties.Where(property => property.Key.StartsWith(FixPlan.ArgumentPrefix, System.StringComparison.Ordinal)))
        {
            var parameter = property.Key.Substring(FixPlan.ArgumentPrefix.Length);
            if (property.Value is null
                || CallSyntax.Argument(call, parameter, finding.Model, finding.CancellationToken) is not { } argument)
            {
                return null;
            }

            replacements.Add(
                argument.Expression,
                ShortestName.At(property.Value, argument.SpanStart, finding.Model).WithTriviaFrom(argument.Expression));
        }

        return replacements.Count == 0 ? null : finding.Root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
    }
}
