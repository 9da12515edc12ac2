using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Rules;

/// <summary>A rule: a small reader of what the engine established for one body.</summary>
internal interface IDomainRule
{
    ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

    void Check(RuleContext context);
}
