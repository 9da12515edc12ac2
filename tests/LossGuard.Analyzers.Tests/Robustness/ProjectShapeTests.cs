using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using LossGuard.Analyzers.Rules;
using LossGuard.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LossGuard.Analyzers.Tests.Robustness;

/// <summary>
/// The cost benchmark's realistic project shapes compile, are analysed without an exception, and carry exactly the
/// findings their generator marks (a small instance of each, as the benchmark compiles it: one multi-file project).
/// </summary>
public sealed class ProjectShapeTests
{
    public static TheoryData<string> Shapes => new() { "model zoo", "RL agents", "model library" };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_small_project_of_the_shape_compiles_and_carries_the_marked_findings_only(string shape)
    {
        var files = shape switch
        {
            "model zoo" => ProjectShapeGenerator.ModelZooFiles(30, seed: 1),
            "RL agents" => ProjectShapeGenerator.RlAgentFiles(12, seed: 1),
            _ => ProjectShapeGenerator.ModelLibraryFiles(30, seed: 1),
        };
        var compilation = CSharpCompilation.Create(
            shape.Replace(' ', '_'),
            files.Select((text, index) => CSharpSyntaxTree.ParseText(text, path: $"File{index}.cs")),
            await TestReferences.WithLibrariesAsync(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));

        var failures = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, diagnostic) => failures.Add($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var found = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ValueDomainAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(failures);
        Assert.DoesNotContain(found, diagnostic => diagnostic.Id == "AD0001");

        var expected = Marked(files).ToList();
        var actual = found.Where(diagnostic => diagnostic.Id.StartsWith("LG", StringComparison.Ordinal))
            .Select(diagnostic => (diagnostic.Location.SourceTree!.FilePath, diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Id))
            .ToList();
        Assert.True(expected.Count >= 2, $"the {shape} project should hold misuses; it holds {expected.Count}");
        Assert.Equal(expected.Order(), actual.Order());
    }

    /// <summary>Each line that ends with the generator's mark, with the rule it names.</summary>
    private static IEnumerable<(string File, int Line, string Id)> Marked(IReadOnlyList<string> files) =>
        files.SelectMany((text, file) => text.Split('\n').Select((line, index) => (line, index))
            .Where(item => item.line.Contains(ProjectShapeGenerator.ExpectMarker, StringComparison.Ordinal))
            .Select(item => ($"File{file}.cs", item.index, item.line[(item.line.IndexOf(ProjectShapeGenerator.ExpectMarker, StringComparison.Ordinal) + ProjectShapeGenerator.ExpectMarker.Length)..].Trim())));
}
