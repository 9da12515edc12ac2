using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>Builds a fix eagerly and offers it only when it changes the document without adding compile errors.</summary>
internal static class SafeAction
{
    public static async Task<CodeAction?> CreateAsync(
        string title, string equivalenceKey, Document document, Func<SyntaxNode, SyntaxNode?> rewrite, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || rewrite(root) is not { } newRoot || newRoot.IsEquivalentTo(root))
        {
            return null;
        }

        var newDocument = await CleanUpAsync(document.WithSyntaxRoot(newRoot), cancellationToken).ConfigureAwait(false);
        var newModel = await newDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (newModel is null || ErrorCount(newModel, cancellationToken) > ErrorCount(model, cancellationToken))
        {
            return null;
        }

        return CodeAction.Create(title, _ => Task.FromResult(newDocument), equivalenceKey);
    }

    /// <summary>Adds the imports and simplifies the names the rewrite annotated (before validating, so what is checked is what is offered).</summary>
    private static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
    {
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static int ErrorCount(SemanticModel model, CancellationToken cancellationToken) =>
        model.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
}
