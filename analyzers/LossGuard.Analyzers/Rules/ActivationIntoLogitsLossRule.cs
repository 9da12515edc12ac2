using System.Collections.Immutable;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Fixes;
using LossGuard.Analyzers.Infrastructure;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Rules;

/// <summary>LG0001 / LG0002: softmax or sigmoid output reaching a loss parameter that expects logits.</summary>
internal sealed class ActivationIntoLogitsLossRule : IDomainRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        ImmutableArray.Create(Catalogue.Descriptors.SoftmaxIntoLogitsLoss, Catalogue.Descriptors.SigmoidIntoLogitsLoss);

    public void Check(RuleContext context)
    {
        foreach (var call in context.Facts.Calls)
        {
            foreach (var input in call.LossInputs)
            {
                if (input.Expects != ValueDomain.Logits
                    || call.Argument(input.Parameter) is not { IsDefault: false } argument
                    || argument.Value.Origin is not { } origin)
                {
                    continue;
                }

                var descriptor = argument.Value.Domain switch
                {
                    ValueDomain.Probabilities => Catalogue.Descriptors.SoftmaxIntoLogitsLoss,
                    ValueDomain.IndependentProbabilities => Catalogue.Descriptors.SigmoidIntoLogitsLoss,
                    _ => null,
                };
                if (descriptor is not null)
                {
                    // A compiled model keeps its activation (predict returns probabilities): the loss is told so instead.
                    var fix = context.FromLogitsOf(argument) is { } fromLogits ? FixPlan.SetArgument(fromLogits, "false") : FixPlan.PassInput();
                    var (activation, line) = context.Describe(origin);
                    context.Report(descriptor, argument.Location, origin, fix, call.Name, input.Parameter, activation, line);
                }
            }
        }
    }
}
