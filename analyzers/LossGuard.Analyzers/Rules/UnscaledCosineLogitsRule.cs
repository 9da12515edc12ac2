using System.Collections.Immutable;
using LossGuard.Analyzers.Fixes;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Rules;

/// <summary>
/// LG0011: cosine similarities (unit vectors against unit vectors) reaching a softmax cross-entropy, or a softmax,
/// without a scale: a softmax over values in [-1, 1] cannot become confident.
/// </summary>
internal sealed class UnscaledCosineLogitsRule : IDomainRule
{
    /// <summary>The scale ArcFace and CosFace use (30 to 64): what the fix multiplies by, for the user to tune.</summary>
    private const string Scale = "64f";

    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Catalogue.Descriptors.UnscaledCosineLogits);

    public void Check(RuleContext context)
    {
        foreach (var call in context.Facts.Calls)
        {
            foreach (var input in call.LossInputs)
            {
                if (input.AppliesSoftmax)
                {
                    Check(context, call, call.Argument(input.Parameter));
                }
            }

            // A softmax or log-softmax (a normalisation along an axis), not a sigmoid.
            if (call.Producer is { Domain: ValueDomain.Probabilities or ValueDomain.LogProbabilities, Axis: not null, Input: { } parameter })
            {
                Check(context, call, call.Argument(parameter));
            }
        }
    }

    private static void Check(RuleContext context, CallFact call, ArgumentFact? argument)
    {
        if (argument is { Value: { Domain: ValueDomain.Cosines, Origin: { } origin } })
        {
            var (similarity, line) = context.Describe(origin, argument.Location);
            context.Report(Catalogue.Descriptors.UnscaledCosineLogits, argument.Location, origin, FixPlan.MultiplyBy(Scale), call.Name, similarity, line, argument.Name ?? "input");
        }
    }
}
