using System;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Infrastructure;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Rules;

/// <summary>What a rule reads (the body's facts, the library tables) and how it reports.</summary>
internal sealed class RuleContext
{
    private readonly Action<Diagnostic> report;

    public RuleContext(BodyFacts facts, LibraryKnowledge knowledge, Action<Diagnostic> report)
    {
        Facts = facts;
        Knowledge = knowledge;
        this.report = report;
    }

    public BodyFacts Facts { get; }

    public LibraryKnowledge Knowledge { get; }

    /// <summary>Reports at <paramref name="location"/>, with the call that made the value as additional location.</summary>
    public void Report(DiagnosticDescriptor descriptor, Location location, IOperation? origin, params object[] arguments) =>
        report(Diagnostic.Create(
            descriptor,
            location,
            origin is null ? null : new[] { origin.Syntax.GetLocation() },
            arguments));

    /// <summary>The fused, stable log of the activation that made a value (a producer call, or an activation module's creation).</summary>
    public string? FusedLogOf(IOperation origin) =>
        origin is IInvocationOperation call && Knowledge.FindProducer(call.TargetMethod) is { } producer
            ? producer.FusedLog
            : Knowledge.FindModule(origin.Type)?.FusedLog;

    /// <summary>The message arguments that name the call that made a value, and its line.</summary>
    public (string Name, string Line) Describe(IOperation origin) => (Knowledge.DisplayOrigin(origin), Display.Line(origin.Syntax));
}
