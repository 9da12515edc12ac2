using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LossGuard.Analyzers.Rules;
using LossGuard.Analyzers.Tests.Infrastructure;
using LossGuard.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LossGuard.Analyzers.Tests.Robustness;

/// <summary>Runs every analyzer and code fix on a source the way the IDE would, collecting any exception they throw.</summary>
internal sealed class AnalyzerHarness
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ValueDomainAnalyzer());
    private static readonly ImmutableArray<CodeFixProvider> Fixes = ImmutableArray.Create<CodeFixProvider>(new PassLogitsCodeFixProvider());

    private readonly ImmutableArray<MetadataReference> references;

    private AnalyzerHarness(ImmutableArray<MetadataReference> references) => this.references = references;

    public ConcurrentBag<string> Failures { get; } = new();

    public int FixesApplied;

    public static async Task<AnalyzerHarness> CreateAsync()
    {
        var framework = await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return new AnalyzerHarness(framework.AddRange(new[]
        {
            TestReferences.Runtime, TestReferences.Tensors, TestReferences.TorchSharp, TensorFlowReferences.Binding, TensorFlowReferences.Keras,
        }));
    }

    /// <summary>Analyses the source; records analyzer exceptions, AD0001 and fixes that return no document.</summary>
    public async Task<ImmutableArray<Diagnostic>> RunAsync(string name, string source)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "Robustness",
            "Robustness",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            metadataReferences: references));
        var document = workspace.AddDocument(project.Id, "Test.cs", SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, diagnostic) => Failures.Add($"{name}: {analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync();
        foreach (var failure in diagnostics.Where(diagnostic => diagnostic.Id == "AD0001"))
        {
            Failures.Add($"{name}: {failure.GetMessage()}");
        }

        await FixAsync(name, document, diagnostics);
        return diagnostics;
    }

    private async Task FixAsync(string name, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var fixable = diagnostics.Where(diagnostic => Fixes.Any(fix => fix.FixableDiagnosticIds.Contains(diagnostic.Id))).ToList();
        foreach (var diagnostic in fixable)
        {
            foreach (var fix in Fixes.Where(fix => fix.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new ConcurrentBag<CodeAction>();
                try
                {
                    var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
                    await fix.RegisterCodeFixesAsync(context);
                    foreach (var action in actions)
                    {
                        var operations = await action.GetOperationsAsync(CancellationToken.None);
                        var changed = operations.OfType<ApplyChangesOperation>().SingleOrDefault()?.ChangedSolution.GetDocument(document.Id);
                        if (changed is null || await changed.GetTextAsync() is null)
                        {
                            Failures.Add($"{name}: {fix.GetType().Name} offered '{action.Title}' without a document");
                        }
                        else
                        {
                            Interlocked.Increment(ref FixesApplied);
                        }
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Failures.Add($"{name}: {fix.GetType().Name} threw {exception}");
                }
            }
        }
    }
}
