using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Fixes;
using LossGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace LossGuard.CodeFixes;

/// <summary>
/// LG0010: <c>TensorPrimitives.SoftMax(x, destination)</c> → <c>Activations.Softmax(x, destination, x.Length)</c>, one
/// softmax over the whole span, max-subtracted; offered only where LossGuard.Runtime is referenced.
/// </summary>
internal sealed class UseStableSoftmaxFixer : PlanFixer
{
    private const string Activations = "LossGuard.Activations";

    public UseStableSoftmaxFixer()
        : base(FixKind.StableSoftmax, RuleIds.UnstableTensorPrimitivesSoftMax)
    {
    }

    public override string Title(Finding finding) => "Use LossGuard.Activations.Softmax";

    public override string EquivalenceKey(Finding finding) => EquivalenceKeys.UseStableSoftmax;

    public override SyntaxNode? Rewrite(Finding finding)
    {
        var (model, cancellationToken) = (finding.Model, finding.CancellationToken);
        if (model.Compilation.GetTypeByMetadataName(Activations) is null
            || CallSyntax.Target(finding) is not InvocationExpressionSyntax call
            || CallSyntax.Arguments(call, model, cancellationToken) is not { Length: 2 } arguments
            || arguments[0].Syntax.Expression is not IdentifierNameSyntax values)
        {
            return null;
        }

        // The length is read where the values are: a name reads the same twice.
        var replacement = SyntaxFactory.ParseExpression(
                "global::" + Activations + ".Softmax(" + values.Identifier.ValueText + ", " + arguments[1].Syntax.Expression.WithoutTrivia() + ", " + values.Identifier.ValueText + ".Length)")
            .WithTriviaFrom(call)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        return finding.Root.ReplaceNode(call, replacement);
    }
}
