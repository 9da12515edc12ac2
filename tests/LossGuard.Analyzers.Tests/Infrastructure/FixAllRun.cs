using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LossGuard.Analyzers.Rules;
using LossGuard.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LossGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// Fix All over a project of several files, started the way <c>dotnet format</c> starts it: one rule, the findings
/// analysed beforehand, and an equivalence key that need not belong to that rule's actions.
/// </summary>
internal static class FixAllRun
{
    /// <summary>The files' texts after Fix All of <paramref name="id"/> in <paramref name="scope"/> (from the first file), by file name.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> RunAsync(
        IReadOnlyDictionary<string, string> files, string id, string? equivalenceKey, FixAllScope scope = FixAllScope.Solution)
    {
        using var workspace = new AdhocWorkspace();
        var project = LibraryProject.Add(workspace, "FixAll", await TestReferences.WithLibrariesAsync());
        foreach (var (name, text) in files)
        {
            project = workspace.AddDocument(project.Id, name, SourceText.From(text)).Project;
        }

        var compilation = (await project.GetCompilationAsync())!;
        var findings = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ValueDomainAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var provider = new LossGuardCodeFixProvider();
        var context = new FixAllContext(
            project.Documents.First(document => document.Name == files.Keys.First()),
            provider,
            scope,
            equivalenceKey!,
            new[] { id },
            new Findings(findings),
            CancellationToken.None);
        var action = await provider.GetFixAllProvider().GetFixAsync(context);
        var solution = project.Solution;
        if (action is not null)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        var result = new Dictionary<string, string>();
        foreach (var document in solution.GetProject(project.Id)!.Documents)
        {
            result.Add(document.Name, (await document.GetTextAsync()).ToString());
        }

        return result;
    }

    private sealed class Findings(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(diagnostic => diagnostic.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
