using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>
/// Carries out one kind of <see cref="Analyzers.Fixes.FixPlan"/>: the rule decided what to do, the fixer edits the
/// syntax. <see cref="LossGuardCodeFixProvider"/> asks the fixer of each finding's plan, for one finding or for all.
/// </summary>
internal abstract class PlanFixer
{
    private protected PlanFixer(string kind, params string[] diagnosticIds)
    {
        Kind = kind;
        DiagnosticIds = ImmutableArray.Create(diagnosticIds);
    }

    /// <summary>The rules whose findings may carry this fixer's plans.</summary>
    public ImmutableArray<string> DiagnosticIds { get; }

    private string Kind { get; }

    /// <summary>Whether this fixer carries out plans of <paramref name="kind"/>.</summary>
    public virtual bool Handles(string kind) => kind == Kind;

    public abstract string Title(Finding finding);

    public abstract string EquivalenceKey(Finding finding);

    /// <summary>The document's new root, or <c>null</c> when the edit cannot be made safely here.</summary>
    public abstract SyntaxNode? Rewrite(Finding finding);
}
