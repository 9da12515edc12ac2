using System.Collections.Immutable;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Rules;

/// <summary>
/// LG0005: one-hot labels reaching a loss parameter that takes class indices. Where the loss also accepts float
/// distributions (TorchSharp <c>cross_entropy</c>), only integer one-hot labels are a mistake.
/// </summary>
internal sealed class OneHotIntoSparseLossRule : IDomainRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Catalogue.Descriptors.OneHotIntoSparseLoss);

    public void Check(RuleContext context)
    {
        foreach (var call in context.Facts.Calls)
        {
            foreach (var input in call.LossInputs)
            {
                if (input.Expects == ValueDomain.ClassIndices
                    && call.Argument(input.Parameter) is { IsDefault: false, Value: { Domain: ValueDomain.OneHotLabels, Origin: { } origin } value } argument
                    && (!input.AcceptsDistribution || value.Integer == true))
                {
                    var (producer, line) = context.Describe(origin);
                    context.Report(Catalogue.Descriptors.OneHotIntoSparseLoss, argument.Location, origin, call.Name, input.Parameter, producer, line);
                }
            }
        }
    }
}
