using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LossGuard.Analyzers.Benchmarks;

/// <summary>One project measured: compile time, and each analyzer's own execution time reported by Roslyn.</summary>
internal sealed record CostResult(string Project, int Files, int Lines, TimeSpan Compile, TimeSpan Analyzer, TimeSpan Empty, int Diagnostics)
{
    public double AnalyzerShare => Analyzer.TotalMilliseconds / Compile.TotalMilliseconds;

    public double EmptyShare => Empty.TotalMilliseconds / Compile.TotalMilliseconds;
}

internal static class CostMeasurement
{
    /// <summary>
    /// Medians over <paramref name="rounds"/> fresh compilations, after <paramref name="warmUps"/> rounds that are not
    /// counted: tiered compilation runs both the compiler and the analyzer unoptimised (then instrumented) for the first
    /// seconds, and a long-lived compiler server runs them optimised.
    /// </summary>
    public static async Task<CostResult> MeasureAsync(
        string project, IReadOnlyList<string> files, ImmutableArray<MetadataReference> references, int warmUps, int rounds, bool concurrent)
    {
        var compiles = new List<TimeSpan>();
        var analyzers = new List<TimeSpan>();
        var empties = new List<TimeSpan>();
        var diagnostics = 0;
        for (var round = 1 - warmUps; round <= rounds; round++)
        {
            var compilation = Create(project, files, references, concurrent);
            var clock = Stopwatch.StartNew();
            var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"The generated {project} project does not compile:\n{string.Join("\n", errors.Take(12))}");
            }

            using (var image = new MemoryStream())
            {
                compilation.Emit(image);
            }

            var compile = clock.Elapsed;
            var lossGuard = new Rules.ValueDomainAnalyzer();
            var empty = new EmptyAnalyzer();
            var withAnalyzers = Create(project, files, references, concurrent).WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(lossGuard, empty),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: true));
            var found = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            if (round < 1)
            {
                continue;
            }

            diagnostics = found.Count(diagnostic => diagnostic.Id.StartsWith("LG", StringComparison.Ordinal));
            var analyzer = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(lossGuard, default)).ExecutionTime;
            Console.Error.WriteLine($"{project}, round {round}: compile {compile.TotalMilliseconds:F0} ms, LossGuard {analyzer.TotalMilliseconds:F0} ms");
            compiles.Add(compile);
            analyzers.Add(analyzer);
            empties.Add((await withAnalyzers.GetAnalyzerTelemetryInfoAsync(empty, default)).ExecutionTime);
        }

        return new CostResult(project, files.Count, files.Sum(file => file.Count(c => c == '\n')), Median(compiles), Median(analyzers), Median(empties), diagnostics);
    }

    private static CSharpCompilation Create(string name, IReadOnlyList<string> files, ImmutableArray<MetadataReference> references, bool concurrent) =>
        CSharpCompilation.Create(
            name,
            files.Select((text, index) => CSharpSyntaxTree.ParseText(text, path: $"File{index}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: concurrent));

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);
}
