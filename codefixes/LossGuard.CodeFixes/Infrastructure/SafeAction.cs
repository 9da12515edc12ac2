using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>Builds a fix eagerly and offers it only when it changes the document without adding compile errors.</summary>
internal static class SafeAction
{
    public static async Task<CodeAction?> CreateAsync(
        string title, string equivalenceKey, Document document, Func<SyntaxNode, SyntaxNode?> rewrite, CancellationToken cancellationToken)
    {
        var newDocument = await FixedDocument.CreateAsync(document, rewrite, cancellationToken).ConfigureAwait(false);
        if (newDocument is null || await FixedDocument.AddsErrorsAsync(document, newDocument, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return CodeAction.Create(title, _ => Task.FromResult(newDocument), equivalenceKey);
    }
}
