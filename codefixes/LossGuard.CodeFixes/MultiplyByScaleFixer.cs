using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Fixes;
using LossGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.CodeFixes;

/// <summary>LG0011: the cosine similarities at the finding are multiplied by a scale (<c>cosine</c> → <c>cosine * 64f</c>).</summary>
internal sealed class MultiplyByScaleFixer : PlanFixer
{
    public MultiplyByScaleFixer()
        : base(FixKind.Scale, RuleIds.UnscaledCosineLogits)
    {
    }

    public override string Title(Finding finding) => "Multiply by a scale (" + finding.Property(FixPlan.Value) + ")";

    public override string EquivalenceKey(Finding finding) => EquivalenceKeys.MultiplyByScale;

    public override SyntaxNode? Rewrite(Finding finding)
    {
        if (finding.Node is not ExpressionSyntax cosines
            || finding.Property(FixPlan.Value) is not { } scale
            || SyntaxFactory.ParseExpression(scale) is not LiteralExpressionSyntax literal)
        {
            return null;
        }

        var operand = cosines is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            ? cosines.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(cosines.WithoutTrivia());
        var times = SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.AsteriskToken, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        var scaled = SyntaxFactory.BinaryExpression(SyntaxKind.MultiplyExpression, operand, times, literal).WithTriviaFrom(cosines);
        return finding.Root.ReplaceNode(cosines, scaled);
    }
}
