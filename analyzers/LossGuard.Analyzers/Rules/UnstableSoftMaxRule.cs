using System.Collections.Immutable;
using LossGuard.Analyzers.Fixes;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Rules;

/// <summary>LG0010: a softmax that overflows (<c>TensorPrimitives.SoftMax</c>) on values not known to be max-subtracted.</summary>
internal sealed class UnstableSoftMaxRule : IDomainRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Catalogue.Descriptors.UnstableTensorPrimitivesSoftMax);

    public void Check(RuleContext context)
    {
        foreach (var call in context.Facts.Calls)
        {
            if (call.Producer is { NeedsMaxSubtractedInput: true } producer
                && call.Argument(producer.Input)?.Value.Domain is not (ValueDomain.MaxSubtracted or ValueDomain.Probabilities or ValueDomain.IndependentProbabilities))
            {
                context.Report(Catalogue.Descriptors.UnstableTensorPrimitivesSoftMax, call.Call.Syntax.GetLocation(), origin: null, FixPlan.StableSoftmax());
            }
        }
    }
}
