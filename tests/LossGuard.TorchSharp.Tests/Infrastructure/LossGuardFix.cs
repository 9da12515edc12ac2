using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LossGuard.Analyzers.Rules;
using LossGuard.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LossGuard.TorchSharp.Tests.Infrastructure;

/// <summary>
/// Runs LossGuard's analyzer on a snippet, asserts that it reports <c>rule</c> exactly once, applies the one code fix
/// LossGuard offers for it (as an IDE would) and returns the rewritten source, which must no longer report the rule.
/// </summary>
internal static class LossGuardFix
{
    private static readonly ImmutableArray<CodeFixProvider> Providers = typeof(LossGuardCodeFixProvider).Assembly.GetTypes()
        .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && !type.IsAbstract)
        .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    public static async Task<string> ApplyAsync(string source, string rule)
    {
        using var workspace = new AdhocWorkspace();
        var (document, actions) = await OfferedAsync(workspace, source, rule);
        var offered = Assert.Single(actions);
        var operations = await offered.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        Assert.Empty(await FindingsAsync(changed.Project, rule));
        return (await changed.GetTextAsync()).ToString();
    }

    /// <summary>How many code fixes LossGuard offers for the one finding of <paramref name="rule"/> in <paramref name="source"/>.</summary>
    public static async Task<int> CountAsync(string source, string rule)
    {
        using var workspace = new AdhocWorkspace();
        return (await OfferedAsync(workspace, source, rule)).Actions.Count;
    }

    private static async Task<(Document Document, List<CodeAction> Actions)> OfferedAsync(AdhocWorkspace workspace, string source, string rule)
    {
        var document = workspace.AddDocument(Project(workspace).Id, "Snippet.cs", SourceText.From(source));
        var finding = Assert.Single(await FindingsAsync(document.Project, rule));
        var actions = new List<CodeAction>();
        foreach (var provider in Providers.Where(provider => provider.FixableDiagnosticIds.Contains(rule)))
        {
            var context = new CodeFixContext(document, finding, (action, _) => actions.Add(action), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
        }

        return (document, actions);
    }

    private static Project Project(AdhocWorkspace workspace) => workspace.AddProject(ProjectInfo.Create(
        ProjectId.CreateNewId(),
        VersionStamp.Create(),
        "Snippet",
        "Snippet",
        LanguageNames.CSharp,
        compilationOptions: SnippetAssembly.Options,
        parseOptions: SnippetAssembly.Parse,
        metadataReferences: SnippetReferences.All));

    private static async Task<ImmutableArray<Diagnostic>> FindingsAsync(Project project, string rule)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var analyzed = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ValueDomainAnalyzer()));
        var diagnostics = await analyzed.GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(diagnostic => diagnostic.Id == rule).ToImmutableArray();
    }
}
