using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using LossGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LossGuard.CodeFixes;

/// <summary>
/// The one code fix of every LossGuard rule: each finding carries the plan its rule made, and the fixer of that plan
/// edits the syntax; the action is offered only when the edit changes the document and the members it changes bind
/// as well as before (<see cref="SafeAction"/>). Fix All (IDE, <c>dotnet format</c>) applies each finding's own plan,
/// whichever action it was started from, and skips the findings without one. One provider per rule is what
/// <c>dotnet format</c> needs: it asks every provider of a rule in turn with the findings it analysed before the first
/// of them changed the code.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LossGuardCodeFixProvider)), Shared]
public sealed class LossGuardCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => PlanFixers.DiagnosticIds;

    public override FixAllProvider GetFixAllProvider() => PlanFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (PlanFixers.For(diagnostic) is not { } fixer)
            {
                continue;
            }

            var finding = new Finding(diagnostic, root, model, context.CancellationToken);
            var action = await SafeAction.CreateAsync(
                fixer.Title(finding),
                fixer.EquivalenceKey(finding),
                context.Document,
                model,
                _ => fixer.Rewrite(finding),
                context.CancellationToken).ConfigureAwait(false);
            if (action is not null)
            {
                context.RegisterCodeFix(action, diagnostic);
            }
        }
    }
}
