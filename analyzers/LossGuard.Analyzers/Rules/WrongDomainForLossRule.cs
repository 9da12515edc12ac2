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
/// probability-space loss, raw logits into either; positive rates where a Poisson loss reads log-rates, raw outputs where
/// it reads rates.
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
                    && DomainFit.IsWrong(expects, value.Domain))
                {
                    var (producer, line) = context.Describe(origin, argument.Location);
                    var (fix, remedy) = flag is { } set ? FlagFix(context, call, input, argument, set, expects) : Fix(context, call, input, argument, expects);
                    context.Report(
                        Catalogue.Descriptors.WrongDomainForLoss,
                        argument.Location,
                        origin,
                        fix,
                        call.Name,
                        flag is { } known ? Display.Domain(expects) + " with " + input.LogFlag + ": " + (known ? "true" : "false") : Display.Domain(expects),
                        context.Received(argument),
                        Display.Domain(value.Domain),
                        producer,
                        line,
                        remedy);
                }
            }
        }
    }

    /// <summary>
    /// What the parameter expects, and the value of the flag that decides it (<c>log_target</c>, <c>log_input</c>) if one
    /// does; nothing when that flag's value is not known.
    /// </summary>
    private static (ValueDomain Expects, bool? Flag)? Expected(CallFact call, LossInputEntry input)
    {
        if (input.LogFlag is not { } name)
        {
            return (input.Expects, null);
        }

        return RuleContext.FlagOf(call, name) switch
        {
            true => (DomainFit.LogOf(input.Expects), true),
            false => (input.Expects, false),
            null => null,
        };
    }

    /// <summary>
    /// A value whose form does not match the flag: the exponential's input where an <c>exp</c> made rates that should have
    /// been log-rates (exact, and no <c>eps</c> in a log of the rates); otherwise the flag set to the value's form (the
    /// fix, where the call is the loss function itself).
    /// </summary>
    private static (ImmutableDictionary<string, string?> Fix, string Remedy) FlagFix(
        RuleContext context, CallFact call, LossInputEntry input, ArgumentFact argument, bool flag, ValueDomain expects)
    {
        if (flag && expects == ValueDomain.LogRates && argument.Value.Origin is IInvocationOperation made
            && context.Knowledge.FindProducer(made.TargetMethod) is { Exponential: true })
        {
            return (FixPlan.PassInput(), "pass what '" + context.Knowledge.DisplayOrigin(made) + "' is applied to (the log-rates)");
        }

        var other = flag ? input.Expects : DomainFit.LogOf(input.Expects);
        if (!DomainFit.Fits(other, argument.Value.Domain))
        {
            return (FixPlan.None, Pass(expects));
        }

        string value = flag ? "false" : "true";
        return (RuleContext.IsDirectCall(call, input) ? FixPlan.SetArgument(input.LogFlag!, value, onArgument: true) : FixPlan.None, $"set {input.LogFlag}: {value}");
    }

    /// <summary>
    /// What to do, and the fix that does it where that is safe. Logits: the loss that takes them (or, for a loss object,
    /// <c>from_logits: true</c>); softmax output into a log-probability loss: the fused log-softmax in its place.
    /// </summary>
    private static (ImmutableDictionary<string, string?> Fix, string Remedy) Fix(
        RuleContext context, CallFact call, LossInputEntry input, ArgumentFact argument, ValueDomain expects)
    {
        switch (argument.Value.Domain)
        {
            case ValueDomain.Logits when context.FromLogitsOf(argument) is { } fromLogits:
                return (FixPlan.SetArgument(fromLogits, "true"), $"use {fromLogits}: true");
            case ValueDomain.Logits when input.LogitsVariant is { } variant:
                return (RuleContext.IsDirectCall(call, input) ? FixPlan.Rename(variant, onArgument: true) : FixPlan.None, $"use '{variant}', which takes logits");
            case ValueDomain.Probabilities when expects == ValueDomain.LogProbabilities
                && argument.Value.Origin is { } origin
                && context.FusedLogOf(origin) is { } fused:
                var fix = context.IsProducerCall(origin) ? FixPlan.RenameOrigin(fused.Method, fused.Type) : FixPlan.None;
                return (fix, $"use the fused '{fused.Display}' in its place");
            default:
                return (FixPlan.None, Pass(expects));
        }
    }

    private static string Pass(ValueDomain expects) => "pass " + Display.Domain(expects);
}
