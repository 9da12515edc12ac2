using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>A document after a rewrite, and the same cleaned up as it will be applied.</summary>
internal static class FixedDocument
{
    /// <summary>The document with <paramref name="rewrite"/>'s root, imports added and names simplified; <c>null</c> when the rewrite declines or changes nothing.</summary>
    public static async Task<Document?> CreateAsync(Document document, Func<SyntaxNode, SyntaxNode?> rewrite, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null || Rewritten(document, root, rewrite) is not { } rewritten
            ? null
            : await CleanUpAsync(rewritten, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The document with <paramref name="rewrite"/>'s root as the rewrite made it (names fully qualified); <c>null</c> when it declines or changes nothing.</summary>
    public static Document? Rewritten(Document document, SyntaxNode root, Func<SyntaxNode, SyntaxNode?> rewrite) =>
        rewrite(root) is { } newRoot && !newRoot.IsEquivalentTo(root) ? document.WithSyntaxRoot(newRoot) : null;

    /// <summary>
    /// Adds the imports, simplifies the names and formats the nodes the rewrite annotated, as applying a code action
    /// would (before validating, so what is checked is what is applied, alone or merged with other fixes as text).
    /// Each step runs only when some node asks for it: most rewrites annotate nothing, and each step binds the document.
    /// </summary>
    public static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
    {
        if (await AsksAsync(document, Simplifier.AddImportsAnnotation, cancellationToken).ConfigureAwait(false))
        {
            document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (await AsksAsync(document, Simplifier.Annotation, cancellationToken).ConfigureAwait(false))
        {
            document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return await AsksAsync(document, Formatter.Annotation, cancellationToken).ConfigureAwait(false)
            ? await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false)
            : document;
    }

    /// <summary>Whether some node asks for a step (added imports and simplified names ask to be formatted).</summary>
    private static async Task<bool> AsksAsync(Document document, SyntaxAnnotation annotation, CancellationToken cancellationToken) =>
        (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))?.GetAnnotatedNodesAndTokens(annotation).Any() == true;
}
