using System.Collections.Immutable;
using LossGuard.Analyzers.Fixes;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Rules;

/// <summary>LG0008: softmax or log-softmax along dimension 0 of a value known to have at least two dimensions (batch first).</summary>
internal sealed class SoftmaxAlongBatchAxisRule : IDomainRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Catalogue.Descriptors.SoftmaxAlongBatchAxis);

    public void Check(RuleContext context)
    {
        foreach (var call in context.Facts.Calls)
        {
            if (call.Producer is { Domain: ValueDomain.Probabilities or ValueDomain.LogProbabilities, Axis: not null } producer
                && call.Result.Axis == 0
                && call.Argument(producer.Input)?.Value.Rank is int rank and >= 2)
            {
                // Batch first, classes last: for a matrix that is 1; deeper tensors may keep classes elsewhere (NCHW).
                var fix = rank == 2 ? FixPlan.SetArgument(producer.Axis, "1") : FixPlan.None;
                context.Report(Catalogue.Descriptors.SoftmaxAlongBatchAxis, call.Site.Syntax.GetLocation(), origin: null, fix, call.Name);
            }
        }
    }
}
