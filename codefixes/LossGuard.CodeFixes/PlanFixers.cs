using System.Collections.Immutable;
using System.Linq;
using LossGuard.Analyzers.Fixes;
using LossGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LossGuard.CodeFixes;

/// <summary>The fixer of every kind of plan, and the one that carries out a finding's own plan.</summary>
internal static class PlanFixers
{
    public static ImmutableArray<PlanFixer> All { get; } = ImmutableArray.Create<PlanFixer>(
        new PassInputFixer(),
        new SetArgumentFixer(),
        new UseVariantFixer(),
        new UseFusedLogFixer(),
        new PassObjectsFixer(),
        new UseStableSoftmaxFixer(),
        new MultiplyByScaleFixer());

    /// <summary>Every rule some plan fixes.</summary>
    public static ImmutableArray<string> DiagnosticIds { get; } =
        All.SelectMany(fixer => fixer.DiagnosticIds).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToImmutableArray();

    /// <summary>The fixer of <paramref name="diagnostic"/>'s plan; <c>null</c> for a finding the rule gave no plan (no fix by design).</summary>
    public static PlanFixer? For(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(FixPlan.Kind, out var kind) && kind is not null
            ? All.FirstOrDefault(fixer => fixer.Handles(kind) && fixer.DiagnosticIds.Contains(diagnostic.Id))
            : null;
}
