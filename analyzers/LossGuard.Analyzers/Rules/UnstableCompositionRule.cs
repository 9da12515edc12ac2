using System.Collections.Immutable;
using LossGuard.Analyzers.Fixes;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Infrastructure;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Rules;

/// <summary>
/// LG0003: <c>log</c> of softmax or sigmoid output (also of its elements, also through clipping), and a
/// probability-space loss given the output of an activation the program computed from logits.
/// </summary>
internal sealed class UnstableCompositionRule : IDomainRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Catalogue.Descriptors.UnstableComposition);

    public void Check(RuleContext context)
    {
        foreach (var call in context.Facts.Calls)
        {
            if (call.Transform is { Kind: TransformKind.Log } log)
            {
                CheckLog(context, call, log);
            }

            foreach (var input in call.LossInputs)
            {
                CheckProbabilityLoss(context, call, input);
            }
        }
    }

    /// <summary>
    /// The log of an activation's output: the fused log in its place (a fix where a producer call made the output; an
    /// activation module or layer stays, as for LG0007). For a layer's own activation (Keras <c>activation: "sigmoid"</c>),
    /// the layer made linear and the fused form on its logits, with no fix (the layer is made elsewhere, and its output
    /// may serve others).
    /// </summary>
    private static void CheckLog(RuleContext context, CallFact call, TransformEntry log)
    {
        if (call.Argument(log.Input)?.Value is not { Origin: { } origin } value
            || value.Domain is not (ValueDomain.Probabilities or ValueDomain.IndependentProbabilities))
        {
            return;
        }

        if (context.LayerActivationOf(origin, value.Domain) is { } activation)
        {
            if (RuleContext.FusedLogOf(activation) is { } onLogits)
            {
                Report(context, call, origin, RuleContext.RemoveActivation(activation) + " and use the fused '" + onLogits.Display + "' on its logits", FixPlan.None);
            }
        }
        else if (context.FusedLogOf(origin) is { } fused)
        {
            var fix = context.IsProducerCall(origin) ? FixPlan.FusedLog(fused.Method, fused.Type) : FixPlan.None;
            Report(context, call, origin, UseFused(fused.Display), fix);
        }
    }

    private static void CheckProbabilityLoss(RuleContext context, CallFact call, LossInputEntry input)
    {
        if (input is { Expects: ValueDomain.Probabilities or ValueDomain.IndependentProbabilities, LogitsVariant: { } fused }
            && call.Argument(input.Parameter)?.Value is { Origin: { } origin } value
            && value.Domain == input.Expects)
        {
            var fix = RuleContext.IsDirectCall(call, input) ? FixPlan.Rename(fused, unwrap: input.Parameter) : FixPlan.None;
            Report(context, call, origin, UseFused(fused), fix);
        }
    }

    private static string UseFused(string fused) => "use the fused '" + fused + "'";

    private static void Report(RuleContext context, CallFact call, IOperation origin, string remedy, ImmutableDictionary<string, string?> fix)
    {
        var location = call.Call.Syntax.GetLocation();
        var (activation, line) = context.Describe(origin, location);
        context.Report(Catalogue.Descriptors.UnstableComposition, location, origin, fix, call.Name, activation, line, remedy);
    }
}
