using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using LossGuard.Analyzers.Fixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>
/// A code fix that carries out one kind of <see cref="FixPlan"/>: the rule decided what to do, the fix edits the syntax,
/// and the action is offered only when the edit changes the document and compiles (<see cref="SafeAction"/>).
/// </summary>
public abstract class PlanCodeFixProvider : CodeFixProvider
{
    private protected PlanCodeFixProvider(string kind, params string[] diagnosticIds)
    {
        Kind = kind;
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticIds);
    }

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    private string Kind { get; }

    /// <summary>Whether this fix carries out plans of <paramref name="kind"/>.</summary>
    private protected virtual bool Handles(string kind) => kind == Kind;

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixPlan.Kind, out var kind) || kind is null || !Handles(kind))
            {
                continue;
            }

            var finding = new Finding(diagnostic, root, model, context.CancellationToken);
            var action = await SafeAction.CreateAsync(
                Title(finding),
                EquivalenceKey(finding),
                context.Document,
                _ => Rewrite(finding),
                context.CancellationToken).ConfigureAwait(false);
            if (action is not null)
            {
                context.RegisterCodeFix(action, diagnostic);
            }
        }
    }

    private protected abstract string Title(Finding finding);

    private protected abstract string EquivalenceKey(Finding finding);

    /// <summary>The document's new root, or <c>null</c> when the edit cannot be made safely here.</summary>
    private protected abstract SyntaxNode? Rewrite(Finding finding);
}

/// <summary>A diagnostic with the document it was reported in.</summary>
internal sealed class Finding
{
    public Finding(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        Diagnostic = diagnostic;
        Root = root;
        Model = model;
        CancellationToken = cancellationToken;
    }

    public Diagnostic Diagnostic { get; }

    public SyntaxNode Root { get; }

    public SemanticModel Model { get; }

    public CancellationToken CancellationToken { get; }

    public string? Property(string key) => Diagnostic.Properties.TryGetValue(key, out var value) ? value : null;

    /// <summary>The innermost node at the diagnostic's location.</summary>
    public SyntaxNode Node => Root.FindNode(Diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

    /// <summary>The innermost node at the first additional location (the call that made the value), in this document.</summary>
    public SyntaxNode? Origin =>
        Diagnostic.AdditionalLocations.Count > 0 && Diagnostic.AdditionalLocations[0].SourceTree == Root.SyntaxTree
            ? Root.FindNode(Diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true)
            : null;
}
