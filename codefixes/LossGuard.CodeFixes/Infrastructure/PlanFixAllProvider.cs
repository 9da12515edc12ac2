using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>
/// Fix All in a document, project or solution: every finding of the rules being fixed gets its own plan's edit,
/// whatever equivalence key the request carries (<c>dotnet format</c> takes it from whichever finding it looked at
/// first, of any rule, fixable or not); findings without a plan, or whose edit declines, are skipped.
/// </summary>
internal sealed class PlanFixAllProvider : DocumentBasedFixAllProvider
{
    public static PlanFixAllProvider Instance { get; } = new();

    private PlanFixAllProvider()
    {
    }

    protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var cancellationToken = fixAllContext.CancellationToken;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var fixedAlone = new List<Document>();
        foreach (var diagnostic in diagnostics.OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start))
        {
            if (PlanFixers.For(diagnostic) is not { } fixer)
            {
                continue;
            }

            var finding = new Finding(diagnostic, root, model, cancellationToken);
            if (await FixedDocument.CreateAsync(document, _ => fixer.Rewrite(finding), cancellationToken).ConfigureAwait(false) is { } result)
            {
                fixedAlone.Add(result);
            }
        }

        return await ChangeMerge.ApplyAsync(document, fixedAlone, cancellationToken).ConfigureAwait(false);
    }
}
