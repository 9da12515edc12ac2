using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>
/// Offers a fix when its rewrite changes the document and the members it changed bind as well as before (a local
/// check, as the light bulb asks on every caret move); cleaning it up (imports, simplified names, formatting) and the
/// compile check of what is applied wait until it is applied. What is applied never adds a compile error: the cleaned
/// fix, or else the fix as rewritten, or else nothing.
/// </summary>
internal static class SafeAction
{
    public static async Task<CodeAction?> CreateAsync(
        string title, string equivalenceKey, Document document, SemanticModel model, Func<SyntaxNode, SyntaxNode?> rewrite, CancellationToken cancellationToken)
    {
        var root = await model.SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        if (FixedDocument.Rewritten(document, root, rewrite) is not { } rewritten
            || await AddsErrorsAsync(document, model, root, rewritten, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return CodeAction.Create(title, token => ApplyAsync(document, rewritten, token), equivalenceKey);
    }

    private static async Task<bool> AddsErrorsAsync(Document document, SemanticModel model, SyntaxNode root, Document rewritten, CancellationToken cancellationToken)
    {
        var newRoot = await rewritten.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return ChangedMembers.Find(root, newRoot!) is { } members && SpeculativeCheck.AddsInvalidOperations(model, members, cancellationToken) is { } invalid
            ? invalid
            : await ErrorCheck.AddsErrorsAsync(document, rewritten, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Document> ApplyAsync(Document document, Document rewritten, CancellationToken cancellationToken)
    {
        var cleaned = await FixedDocument.CleanUpAsync(rewritten, cancellationToken).ConfigureAwait(false);
        if (!await ErrorCheck.AddsErrorsAsync(document, cleaned, cancellationToken).ConfigureAwait(false))
        {
            return cleaned;
        }

        return cleaned != rewritten && !await ErrorCheck.AddsErrorsAsync(document, rewritten, cancellationToken).ConfigureAwait(false)
            ? rewritten
            : document;
    }
}
