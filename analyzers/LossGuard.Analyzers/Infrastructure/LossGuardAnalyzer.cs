using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LossGuard.Analyzers.Infrastructure;

/// <summary>
/// Base of every LossGuard analyzer: concurrent, silent on generated code, and registering nothing at all when the
/// compilation references none of the libraries LossGuard knows.
/// </summary>
public abstract class LossGuardAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
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
