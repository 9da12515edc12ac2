using System.Collections.Immutable;
using System.Linq;
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
                    context.Report(Catalogue.Descriptors.UnrecognisedKerasLossName, call.Call.Syntax.GetLocation(), origin: null, name);
                }
            }
        }
    }
}
