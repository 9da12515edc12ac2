using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>
/// Whether an edit adds compile errors, checked where the edit can add them: an edit inside member bodies and
/// initializers can break only the members it changed, so only those are bound; an edit anywhere else (an added
/// <c>using</c>, a type's header) checks the whole document.
/// </summary>
internal static class ErrorCheck
{
    public static async Task<bool> AddsErrorsAsync(Document before, Document after, CancellationToken cancellationToken)
    {
        var oldModel = await before.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var newModel = await after.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (oldModel is null || newModel is null)
        {
            return true;
        }

        if (ChangedMembers.Find(oldModel.SyntaxTree.GetRoot(cancellationToken), newModel.SyntaxTree.GetRoot(cancellationToken)) is { } members)
        {
            return members.Sum(pair => Errors(newModel, pair.After.FullSpan, cancellationToken))
                > members.Sum(pair => Errors(oldModel, pair.Before.FullSpan, cancellationToken));
        }

        return Errors(newModel, null, cancellationToken) > Errors(oldModel, null, cancellationToken);
    }

    private static int Errors(SemanticModel model, TextSpan? span, CancellationToken cancellationToken) =>
        model.GetDiagnostics(span, cancellationToken).Count(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
}
