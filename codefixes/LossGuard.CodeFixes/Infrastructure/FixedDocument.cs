using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>A document after a rewrite, cleaned up as it will be applied, and whether it compiles as well as before.</summary>
internal static class FixedDocument
{
    /// <summary>The document with <paramref name="rewrite"/>'s root, imports added and names simplified; <c>null</c> when the rewrite declines or changes nothing.</summary>
    public static async Task<Document?> CreateAsync(Document document, Func<SyntaxNode, SyntaxNode?> rewrite, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || rewrite(root) is not { } newRoot || newRoot.IsEquivalentTo(root))
        {
            return null;
        }

        return await CleanUpAsync(document.WithSyntaxRoot(newRoot), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="after"/> has more compile errors than <paramref name="before"/> (or cannot be compiled).</summary>
    public static async Task<bool> AddsErrorsAsync(Document before, Document after, CancellationToken cancellationToken)
    {
        var oldModel = await before.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var newModel = await after.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return oldModel is null || newModel is null || ErrorCount(newModel, cancellationToken) > ErrorCount(oldModel, cancellationToken);
    }

    /// <summary>
    /// Adds the imports, simplifies the names and formats the nodes the rewrite annotated, as applying a code action
    /// would (before validating, so what is checked is what is applied, alone or merged with other fixes as text).
    /// </summary>
    private static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
    {
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static int ErrorCount(SemanticModel model, CancellationToken cancellationToken) =>
        model.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
}
