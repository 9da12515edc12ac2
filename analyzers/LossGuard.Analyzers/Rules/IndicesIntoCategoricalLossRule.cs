using System.Collections.Immutable;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Rules;

/// <summary>LG0006: class indices reaching a loss parameter that takes one-hot or distribution labels.</summary>
internal sealed class IndicesIntoCategoricalLossRule : IDomainRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Catalogue.Descriptors.IndicesIntoCategoricalLoss);

    public void Check(RuleContext context)
    {
        foreach (var call in context.Facts.Calls)
        {
            foreach (var input in call.LossInputs)
            {
                if (input.Expects == ValueDomain.OneHotLabels
                    && call.Argument(input.Parameter) is { IsDefault: false, Value: { Domain: ValueDomain.ClassIndices, Origin: { } origin } } argument)
                {
                    var (producer, line) = context.Describe(origin);
                    context.Report(Catalogue.Descriptors.IndicesIntoCategoricalLoss, argument.Location, origin, call.Name, input.Parameter, producer, line);
                }
            }
        }
    }
}
