using System.Collections.Immutable;
using LossGuard.Analyzers.Fixes;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Infrastructure;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

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
                    && Expected(call, input) is var (expects, flag)
                    && IsWrong(expects, value.Domain))
                {
                    var (producer, line) = context.Describe(origin);
                    context.Report(
                        Catalogue.Descriptors.WrongDomainForLoss,
                        argument.Location,
                        origin,
                        flag is { } set ? FlagFix(call, input, argument, set) : Fix(context, call, input, argument),
                        call.Name,
                        flag is { } known ? Display.Domain(expects) + " with " + input.LogFlag + ": " + (known ? "true" : "false") : Display.Domain(expects),
                        input.Parameter,
                        Display.Domain(value.Domain),
                        producer,
                        line);
                }
            }
        }
    }

    /// <summary>
    /// What the parameter expects, and the value of the flag that decides it (<c>log_target</c>) if one does; nothing
    /// when that flag's value is not known.
    /// </summary>
    private static (ValueDomain Expects, bool? Flag)? Expected(CallFact call, LossInputEntry input)
    {
        if (input.LogFlag is not { } name)
        {
            return (input.Expects, null);
        }

        return RuleContext.FlagOf(call, name) switch
        {
            true => (ValueDomain.LogProbabilities, true),
            false => (input.Expects, false),
            null => null,
        };
    }

    /// <summary>A target whose form does not match the flag: set the flag to the target's form, where the call is the loss function itself.</summary>
    private static ImmutableDictionary<string, string?> FlagFix(CallFact call, LossInputEntry input, ArgumentFact argument, bool flag) =>
        RuleContext.IsDirectCall(call, input) && (argument.Value.Domain, flag) is (ValueDomain.Probabilities, true) or (ValueDomain.LogProbabilities, false)
            ? FixPlan.SetArgument(input.LogFlag!, flag ? "false" : "true", onArgument: true)
            : FixPlan.None;

    private static bool IsWrong(ValueDomain expects, ValueDomain actual) => expects switch
    {
        ValueDomain.LogProbabilities => actual is ValueDomain.Probabilities or ValueDomain.IndependentProbabilities or ValueDomain.Logits,
        ValueDomain.Probabilities or ValueDomain.IndependentProbabilities => actual is ValueDomain.LogProbabilities or ValueDomain.Logits,
        _ => false,
    };

    /// <summary>
    /// Logits: the loss that takes them (or, for a loss object, <c>from_logits: true</c>); softmax output into a
    /// log-probability loss: the fused log-softmax in its place.
    /// </summary>
    private static ImmutableDictionary<string, string?> Fix(RuleContext context, CallFact call, LossInputEntry input, ArgumentFact argument)
    {
        switch (argument.Value.Domain)
        {
            case ValueDomain.Logits when context.FromLogitsOf(argument) is { } fromLogits:
                return FixPlan.SetArgument(fromLogits, "true");
            case ValueDomain.Logits when input.LogitsVariant is { } variant && RuleContext.IsDirectCall(call, input):
                return FixPlan.Rename(variant, onArgument: true);
            case ValueDomain.Probabilities when input.Expects == ValueDomain.LogProbabilities
                && argument.Value.Origin is IInvocationOperation activation
                && context.Knowledge.FindProducer(activation.TargetMethod)?.FusedLog is { } fused:
                return FixPlan.RenameOrigin(fused);
            default:
                return FixPlan.None;
        }
    }
}
