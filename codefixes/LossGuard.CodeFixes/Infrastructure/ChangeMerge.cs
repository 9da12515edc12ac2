using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>
/// Several fixes of one document, each made alone from the same original, applied together: a fix whose edits touch
/// another's is left out (a second run applies it), edits two fixes make alike (an added <c>using</c>) are made once,
/// and the result may not add compile errors, or the fixes are taken one by one, each kept only if it compiles.
/// </summary>
internal static class ChangeMerge
{
    public static async Task<Document> ApplyAsync(Document original, IReadOnlyList<Document> fixedAlone, CancellationToken cancellationToken)
    {
        var edits = new List<IReadOnlyList<TextChange>>();
        var taken = new List<TextChange>();
        foreach (var fixedDocument in fixedAlone)
        {
            var changes = (await fixedDocument.GetTextChangesAsync(original, cancellationToken).ConfigureAwait(false)).ToList();
            var fresh = changes.Where(change => !taken.Contains(change)).ToList();
            if (fresh.Count > 0 && fresh.All(change => !taken.Any(other => Conflict(change, other))))
            {
                edits.Add(changes);
                taken.AddRange(fresh);
            }
        }

        if (edits.Count == 0)
        {
            return original;
        }

        var text = await original.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var merged = Apply(original, text, taken);
        if (!await ErrorCheck.AddsErrorsAsync(original, merged, cancellationToken).ConfigureAwait(false))
        {
            return merged;
        }

        return await OneByOneAsync(original, text, edits, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The fixes added in order, each kept only when the document with it has no more errors than the original.</summary>
    private static async Task<Document> OneByOneAsync(Document original, SourceText text, List<IReadOnlyList<TextChange>> edits, CancellationToken cancellationToken)
    {
        var kept = new List<TextChange>();
        var result = original;
        foreach (var edit in edits)
        {
            var fresh = edit.Where(change => !kept.Contains(change)).ToList();
            var candidate = Apply(original, text, kept.Concat(fresh));
            if (!await ErrorCheck.AddsErrorsAsync(original, candidate, cancellationToken).ConfigureAwait(false))
            {
                kept.AddRange(fresh);
                result = candidate;
            }
        }

        return result;
    }

    private static Document Apply(Document original, SourceText text, IEnumerable<TextChange> changes) =>
        original.WithText(text.WithChanges(changes.OrderBy(change => change.Span.Start).ThenBy(change => change.Span.End)));

    /// <summary>Edits that overlap, or insert at the same place, cannot both be applied in a meaningful order.</summary>
    private static bool Conflict(TextChange first, TextChange second) =>
        first.Span.Start == second.Span.Start || (first.Span.Start < second.Span.End && second.Span.Start < first.Span.End);
}
