using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Infrastructure;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Rules;

/// <summary>
/// Runs the value-domain engine once per body that calls a known library, and lets every rule read its facts.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ValueDomainAnalyzer : LossGuardAnalyzer
{
    private static readonly ImmutableArray<IDomainRule> Rules = ImmutableArray.Create<IDomainRule>(
        new ActivationIntoLogitsLossRule(),
        new UnstableCompositionRule(),
        new SingleClassSoftmaxRule(),
        new LabelKindRule(),
        new WrongDomainForLossRule(),
        new SoftmaxAlongBatchAxisRule(),
        new UnrecognisedLossNameRule(),
        new UnstableSoftMaxRule(),
        new UnscaledCosineLogitsRule());

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Rules.SelectMany(rule => rule.Descriptors).Append(Catalogue.Descriptors.InvalidSetting).ToImmutableArray();

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, LibraryKnowledge knowledge)
    {
        var engine = new DataflowEngine(context.Compilation, knowledge);
        var reported = new ConcurrentDictionary<(string Id, Location Location), bool>();
        context.RegisterOperationBlockAction(block => Analyze(block, engine, reported));
        if (AnalyzerSettings.InvalidSetting(context.Compilation, context.Options) is { } invalid)
        {
            context.RegisterCompilationEndAction(end => end.ReportDiagnostic(invalid));
        }
    }

    /// <summary>
    /// Analyses one member. A finding about a module made elsewhere (a layer built in a constructor) can be reached
    /// from several bodies; <paramref name="reported"/> keeps it to one diagnostic per compilation.
    /// </summary>
    private static void Analyze(OperationBlockAnalysisContext context, DataflowEngine engine, ConcurrentDictionary<(string Id, Location Location), bool> reported)
    {
        if (context.IsGeneratedCode)
        {
            return;
        }

        var blocks = context.OperationBlocks;
        HashSet<IOperation>? analysed = null;
        foreach (var block in blocks)
        {
            var root = Root(block);
            if (root.Kind is not (OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.FieldInitializer or OperationKind.PropertyInitializer)
                || blocks.Length > 1 && !(analysed ??= new HashSet<IOperation>()).Add(root)
                || engine.Scan(root) is not { IsRelevant: true } scan)
            {
                continue;
            }

            AnalyzeBody(context, block, root, scan, engine, reported);
        }
    }

    /// <summary>One relevant body: the engine's facts, read by every rule (most bodies stop at the relevance gate, before this).</summary>
    private static void AnalyzeBody(
        OperationBlockAnalysisContext context, IOperation block, IOperation root, BodyScan scan, DataflowEngine engine,
        ConcurrentDictionary<(string Id, Location Location), bool> reported)
    {
        var body = FlowBody.Of(root, scan, _ => context.GetControlFlowGraph(block));
        var depth = AnalyzerSettings.MaxCallDepth(context.Options, root.Syntax.SyntaxTree);
        var facts = engine.Analyze(body, context.OwningSymbol, depth, context.CancellationToken);
        var rules = new RuleContext(facts, engine.Knowledge, diagnostic =>
        {
            if (reported.TryAdd((diagnostic.Id, diagnostic.Location), true))
            {
                context.ReportDiagnostic(diagnostic);
            }
        });
        foreach (var rule in Rules)
        {
            rule.Check(rules);
        }
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }
}
