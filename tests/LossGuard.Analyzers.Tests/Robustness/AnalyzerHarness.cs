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

    /// <summary>Every code fix the package ships.</summary>
    public static readonly ImmutableArray<CodeFixProvider> Fixes = typeof(LossGuardCodeFixProvider).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type) && type.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).Length > 0)
        .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    private readonly ImmutableArray<MetadataReference> references;

    private AnalyzerHarness(ImmutableArray<MetadataReference> references) => this.references = references;

    public ConcurrentBag<string> Failures { get; } = new();

    public int FixesApplied;

    /// <summary>How many fixes were applied per rule id.</summary>
    public ConcurrentDictionary<string, int> FixesPerRule { get; } = new();

    public static async Task<AnalyzerHarness> CreateAsync() => new(await TestReferences.WithLibrariesAsync());

    /// <summary>
    /// Analyses the source; records analyzer exceptions, AD0001 and fixes that return no document; with
    /// <paramref name="verifyFixes"/>, also every fix whose result adds a compile error or keeps the finding it fixed.
    /// </summary>
    public async Task<ImmutableArray<Diagnostic>> RunAsync(string name, string source, bool verifyFixes = false)
    {
        using var workspace = new AdhocWorkspace();
        var project = LibraryProject.Add(workspace, "Robustness", references);
        var document = workspace.AddDocument(project.Id, "Test.cs", SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, diagnostic) => Failures.Add($"{name}: {analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await AnalyzeAsync(compilation, options);
        foreach (var failure in diagnostics.Where(diagnostic => diagnostic.Id == "AD0001"))
        {
            Failures.Add($"{name}: {failure.GetMessage()}");
        }

        await FixAsync(name, document, diagnostics, verifyFixes ? options : null);
        return diagnostics;
    }

    private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, CompilationWithAnalyzersOptions options) =>
        compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync();

    private async Task FixAsync(string name, Document document, ImmutableArray<Diagnostic> diagnostics, CompilationWithAnalyzersOptions? verify)
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
                            FixesPerRule.AddOrUpdate(diagnostic.Id, 1, (_, count) => count + 1);
                            if (verify is not null)
                            {
                                await VerifyOutcomeAsync($"{name}: {diagnostic.Id} '{action.Title}'", document, changed, diagnostics, diagnostic.Id, verify);
                            }
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

    /// <summary>The fixed document compiles with no more errors than before, and has fewer findings of the fixed rule.</summary>
    private async Task VerifyOutcomeAsync(
        string name, Document before, Document after, ImmutableArray<Diagnostic> findings, string id, CompilationWithAnalyzersOptions options)
    {
        var oldCompilation = (await before.Project.GetCompilationAsync())!;
        var newCompilation = (await after.Project.GetCompilationAsync())!;
        int oldErrors = oldCompilation.GetDiagnostics().Count(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        var newErrors = newCompilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        if (newErrors.Count > oldErrors)
        {
            Failures.Add($"{name} added compile errors: {string.Join("; ", newErrors.Select(error => error.GetMessage()))}\n{await after.GetTextAsync()}");
        }

        var remaining = await AnalyzeAsync(newCompilation, options);
        if (remaining.Count(diagnostic => diagnostic.Id == id) >= findings.Count(diagnostic => diagnostic.Id == id))
        {
            Failures.Add($"{name} left the finding in place:\n{await after.GetTextAsync()}");
        }
    }
}
