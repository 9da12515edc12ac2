using System.Collections.Immutable;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Fixes;
using LossGuard.Analyzers.Flow;
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
                    var (activation, line) = context.Describe(origin, argument.Location);
                    var (fix, remedy) = Remedy(context, argument, context.LayerActivationOf(origin, argument.Value.Domain), descriptor == Catalogue.Descriptors.SoftmaxIntoLogitsLoss ? "softmax" : "sigmoid");
                    context.Report(descriptor, argument.Location, origin, fix, call.Name, context.Received(argument), activation, line, remedy);
                }
            }
        }
    }

    /// <summary>
    /// Pass the logits; a compiled model keeps its activation (predict returns probabilities): tell the loss so, or
    /// remove the activation from the model. A layer's own activation (Keras <c>activation: "softmax"</c>) is named; its
    /// logits exist only once the layer is made linear, where the layer is made, so only the loss is fixed.
    /// </summary>
    private static (ImmutableDictionary<string, string?> Fix, string Remedy) Remedy(
        RuleContext context, ArgumentFact argument, ActivationNameEntry? layer, string activation)
    {
        var remove = layer is null ? null : RuleContext.RemoveActivation(layer);
        if (context.FromLogitsOf(argument) is { } fromLogits)
        {
            return (FixPlan.SetArgument(fromLogits, "false"), $"use {fromLogits}: false, or " + (remove ?? $"remove the {activation} from the model"));
        }

        return remove is null ? (FixPlan.PassInput(), "pass the logits") : (FixPlan.None, "pass the logits: " + remove);
    }
}
