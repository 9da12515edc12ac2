using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LossGuard.Analyzers.Infrastructure;

/// <summary>
/// Base of every LossGuard analyzer: concurrent, silent on generated code, and registering nothing at all when the
/// compilation references none of the libraries LossGuard knows.
/// </summary>
/// <remarks>
/// Generated code is skipped by each analyzer's actions (<see cref="OperationBlockAnalysisContext.IsGeneratedCode"/>)
/// rather than by the driver: a driver that filters an analyzer's diagnostics walks every reported-on tree for
/// <c>[GeneratedCode]</c> attributes, which measured at about a tenth of LossGuard's time on dense training code.
/// </remarks>
public abstract class LossGuardAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var knowledge = LibraryKnowledge.Resolve(start.Compilation);
            if (!knowledge.IsEmpty)
            {
                OnCompilationStart(start, knowledge);
            }
        });
    }

    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, LibraryKnowledge knowledge);
}
