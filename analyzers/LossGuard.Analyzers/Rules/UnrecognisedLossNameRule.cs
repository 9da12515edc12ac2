using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LossGuard.Analyzers.Fixes;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Rules;

/// <summary>LG0009: a loss given by name where the library recognises only a few names and silently uses another loss for the rest.</summary>
internal sealed class UnrecognisedLossNameRule : IDomainRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Catalogue.Descriptors.UnrecognisedKerasLossName);

    public void Check(RuleContext context)
    {
        foreach (var call in context.Facts.Calls)
        {
            foreach (var option in call.RecognisedStrings)
            {
                if (call.Argument(option.Parameter)?.Value.Constant is string name && !option.Recognised.Contains(name))
                {
                    context.Report(Catalogue.Descriptors.UnrecognisedKerasLossName, call.Call.Syntax.GetLocation(), origin: null, Fix(call, option), name);
                }
            }
        }
    }

    /// <summary>Every name the call passes replaced by the object it stands for; no fix when one of them has none.</summary>
    private static ImmutableDictionary<string, string?> Fix(CallFact call, RecognisedStringEntry option)
    {
        var replacements = new Dictionary<string, string>();
        foreach (var parameter in option.Objects.Select(entry => entry.Parameter).Distinct())
        {
            var name = call.Argument(parameter)?.Value.Constant as string;
            if (option.Objects.FirstOrDefault(entry => entry.Parameter == parameter && entry.Name == name) is not { } named)
            {
                return FixPlan.None;
            }

            replacements.Add(parameter, named.Expression);
        }

        return replacements.Count == 0 ? FixPlan.None : FixPlan.ReplaceArguments(replacements);
    }
}
