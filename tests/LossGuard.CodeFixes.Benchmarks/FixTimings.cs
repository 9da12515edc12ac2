using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LossGuard.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LossGuard.CodeFixes.Benchmarks;

/// <summary>
/// A file in a workspace with its findings analysed and its semantic model built (as an editor holds them), and the
/// time a provider takes to offer a fix for one finding, to apply it, and to fix all findings of the file.
/// </summary>
internal sealed class FixTimings
{
    private readonly Document document;
    private readonly ImmutableArray<Diagnostic> findings;

    private FixTimings(Document document, ImmutableArray<Diagnostic> findings)
    {
        this.document = document;
        this.findings = findings;
    }

    public int Findings => findings.Length;

    public static async Task<FixTimings> CreateAsync(string text, IEnumerable<MetadataReference> references)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Create(), "Training", "Training", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            metadataReferences: references));
        var document = workspace.AddDocument(project.Id, "Training.cs", SourceText.From(text));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var findings = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ValueDomainAnalyzer())).GetAnalyzerDiagnosticsAsync();
        await document.GetSemanticModelAsync();
        return new FixTimings(document, findings.Sort((a, b) => a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start)));
    }

    /// <summary>Median milliseconds to offer the fix of one finding and to apply it, over <paramref name="samples"/> findings spread through the file.</summary>
    public async Task<(double Offer, double Apply)> OneFixAsync(CodeFixProvider provider, int samples)
    {
        var offers = new List<double>();
        var applies = new List<double>();
        for (int sample = 0; sample < samples; sample++)
        {
            var finding = findings[(int)((long)sample * findings.Length / samples)];
            var actions = new List<CodeAction>();
            var clock = Stopwatch.StartNew();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, finding, (action, _) => actions.Add(action), CancellationToken.None));
            offers.Add(clock.Elapsed.TotalMilliseconds);
            if (actions.Count != 1)
            {
                throw new InvalidOperationException($"{actions.Count} fixes offered for {finding}");
            }

            clock.Restart();
            await ChangedTextAsync(actions[0]);
            applies.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (Median(offers), Median(applies));
    }

    /// <summary>Milliseconds to fix every finding of the file with Fix All in document, and how many findings that leaves.</summary>
    public async Task<(double Milliseconds, int Left)> FixAllAsync(CodeFixProvider provider)
    {
        var clock = Stopwatch.StartNew();
        var context = new FixAllContext(
            document, provider, FixAllScope.Document, null!, findings.Select(finding => finding.Id).Distinct(), new AnalysedFindings(findings), CancellationToken.None);
        var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
        var text = await ChangedTextAsync(action!);
        double elapsed = clock.Elapsed.TotalMilliseconds;

        var compilation = (await document.WithText(text).Project.GetCompilationAsync())!;
        var left = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ValueDomainAnalyzer())).GetAnalyzerDiagnosticsAsync();
        return (elapsed, left.Length);
    }

    private async Task<SourceText> ChangedTextAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        return await changed.GetTextAsync();
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private sealed class AnalysedFindings(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
