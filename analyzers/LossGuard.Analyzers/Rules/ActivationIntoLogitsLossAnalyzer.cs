using System.Collections.Immutable;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Infrastructure;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Rules;

/// <summary>LG0001 / LG0002: softmax or sigmoid output reaching a loss parameter that expects logits.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ActivationIntoLogitsLossAnalyzer : LossGuardAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SoftmaxIntoLogitsLoss, Descriptors.SigmoidIntoLogitsLoss);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, LibraryKnowledge knowledge) =>
        context.RegisterOperationAction(operation => Analyze(operation, knowledge), OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context, LibraryKnowledge knowledge)
    {
        var loss = (IInvocationOperation)context.Operation;
        foreach (var argument in loss.Arguments)
        {
            if (argument.Parameter is null
                || argument.ArgumentKind == ArgumentKind.DefaultValue
                || knowledge.FindLossInput(loss.TargetMethod, argument.Parameter) is not { Expects: ValueDomain.Logits })
            {
                continue;
            }

            var origin = SingleDefinitionTracer.Trace(argument.Value, knowledge, context.CancellationToken);
            var descriptor = origin?.Domain switch
            {
                ValueDomain.Probabilities => Descriptors.SoftmaxIntoLogitsLoss,
                ValueDomain.IndependentProbabilities => Descriptors.SigmoidIntoLogitsLoss,
                _ => null,
            };
            if (descriptor is null || origin is null)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                descriptor,
                argument.Value.Syntax.GetLocation(),
                additionalLocations: new[] { origin.Call.Syntax.GetLocation() },
                Display.Method(loss.TargetMethod),
                argument.Parameter.Name,
                Display.Method(origin.Call.TargetMethod),
                Display.Line(origin.Call.Syntax)));
        }
    }
}
