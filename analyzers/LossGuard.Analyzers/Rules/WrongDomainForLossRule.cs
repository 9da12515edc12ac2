using System.Collections.Immutable;
using LossGuard.Analyzers.Infrastructure;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Rules;

/// <summary>
/// LG0007: a loss input in the wrong space: probabilities into a log-probability loss, log-probabilities into a
/// probability-space loss, raw logits into either.
/// </summary>
internal sealed class WrongDomainForLossRule : IDomainRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Catalogue.Descriptors.WrongDomainForLoss);

    public void Check(RuleContext context)
    {
        foreach (var call in context.Facts.Calls)
        {
            foreach (var input in call.LossInputs)
            {
                if (call.Argument(input.Parameter) is { Value: { Origin: { } origin } value } argument
                    && IsWrong(input.Expects, value.Domain))
                {
                    var (producer, line) = context.Describe(origin);
                    context.Report(
                        Catalogue.Descriptors.WrongDomainForLoss,
                        argument.Location,
                        origin,
                        call.Name,
                        Display.Domain(input.Expects),
                        input.Parameter,
                        Display.Domain(value.Domain),
                        producer,
                        line);
                }
            }
        }
    }

    private static bool IsWrong(ValueDomain expects, ValueDomain actual) => expects switch
    {
        ValueDomain.LogProbabilities => actual is ValueDomain.Probabilities or ValueDomain.IndependentProbabilities or ValueDomain.Logits,
        ValueDomain.Probabilities or ValueDomain.IndependentProbabilities => actual is ValueDomain.LogProbabilities or ValueDomain.Logits,
        _ => false,
    };
}
