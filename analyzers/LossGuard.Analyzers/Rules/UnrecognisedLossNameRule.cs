using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LossGuard.Analyzers.Fixes;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Rules;

/// <summary>
/// LG0009: names given where the library recognises only a few and silently does something else for the rest
/// (a loss name other than "mse" / "mae", any optimizer name but RMSprop's). One finding per call, naming each.
/// </summary>
internal sealed class UnrecognisedLossNameRule : IDomainRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Catalogue.Descriptors.UnrecognisedKerasLossName);

    public void Check(RuleContext context)
    {
        foreach (var call in context.Facts.Calls)
        {
            var ignored = call.RecognisedStrings
                .Select(option => (Option: option, Name: call.Argument(option.Parameter)?.Value.Constant as string))
                .Where(pair => pair.Name is not null && !pair.Option.Recognised.Contains(pair.Name))
                .ToList();
            if (ignored.Count == 0)
            {
                continue;
            }

            var names = string.Join(" and ", ignored.Select(pair => $"the {pair.Option.Parameter} name \"{pair.Name}\""));
            var fallbacks = string.Join(" and ", ignored.Select(pair => pair.Option.Fallback));
            context.Report(Catalogue.Descriptors.UnrecognisedKerasLossName, call.Call.Syntax.GetLocation(), origin: null, Fix(call), names, fallbacks);
        }
    }

    /// <summary>Every name the call passes replaced by the object it stands for; no fix when one of them has none.</summary>
    private static ImmutableDictionary<string, string?> Fix(CallFact call)
    {
        var objects = call.RecognisedStrings.SelectMany(option => option.Objects).Distinct().ToList();
        var replacements = new Dictionary<string, string>();
        foreach (var parameter in objects.Select(entry => entry.Parameter).Distinct())
        {
            var name = call.Argument(parameter)?.Value.Constant as string;
            if (objects.FirstOrDefault(entry => entry.Parameter == parameter && entry.Name == name) is not { } named)
            {
                return FixPlan.None;
            }

            replacements.Add(parameter, named.Expression);
        }

        return replacements.Count == 0 ? FixPlan.None : FixPlan.ReplaceArguments(replacements);
    }
}
