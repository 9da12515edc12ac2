using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LossGuard.Analyzers.Benchmarks;

/// <summary>
/// This build's analyzer and another build of it (an earlier commit's <c>LossGuard.Analyzers.dll</c>) in the same driver
/// runs, so that both meet the same machine load. The two take turns going first, as the first to reach a body pays for
/// what the other then finds done (binding, symbols, memory caches: about a third of the time on the training code), so
/// the result is the ratio of their total times over an even number of rounds, and each one's median when first.
/// Run with <c>--compare=&lt;path of the other LossGuard.Analyzers.dll&gt;</c>.
/// </summary>
internal static class PairedComparison
{
    /// <summary>The title and the head of the table <see cref="RunAsync"/> writes a row of.</summary>
    public static void WriteHeader(string title)
    {
        Console.WriteLine(title);
        Console.WriteLine();
        Console.WriteLine("| project | this build, total (ms) | other build, total (ms) | ratio | this build first, median (ms) | other build first, median (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    }

    /// <param name="rounds">Counted rounds; made even, so that each build goes first as often.</param>
    /// <param name="compile">Makes a fresh compilation of the project, one for each round.</param>
    public static async Task RunAsync(string project, Func<CSharpCompilation> compile, string otherAssembly, int warmUps, int rounds)
    {
        rounds += rounds % 2;
        var other = new IsolatedContext(otherAssembly).LoadFromAssemblyPath(otherAssembly);
        var times = new List<(double This, double Other, bool ThisFirst)>();
        for (var round = 1 - warmUps; round <= rounds; round++)
        {
            var mine = new Rules.ValueDomainAnalyzer();
            var theirs = (DiagnosticAnalyzer)Activator.CreateInstance(other.GetType("LossGuard.Analyzers.Rules.ValueDomainAnalyzer", throwOnError: true)!)!;
            var order = round % 2 == 0 ? ImmutableArray.Create<DiagnosticAnalyzer>(mine, theirs) : ImmutableArray.Create<DiagnosticAnalyzer>(theirs, mine);
            var compilation = compile();
            _ = compilation.Assembly;
            var withAnalyzers = compilation.WithAnalyzers(
                order,
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var found = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            if (round < 1)
            {
                continue;
            }

            var thisTime = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(mine, default)).ExecutionTime.TotalMilliseconds;
            var otherTime = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(theirs, default)).ExecutionTime.TotalMilliseconds;
            times.Add((thisTime, otherTime, round % 2 == 0));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{project}, round {round}: this build {thisTime:F0} ms, other {otherTime:F0} ms ({found.Length} diagnostics)"));
        }

        var thisFirst = Median(times.Where(time => time.ThisFirst).Select(time => time.This));
        var otherFirst = Median(times.Where(time => !time.ThisFirst).Select(time => time.Other));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {project} | {times.Sum(time => time.This):F0} | {times.Sum(time => time.Other):F0} | {times.Sum(time => time.This) / times.Sum(time => time.Other):F3} | {thisFirst:F0} | {otherFirst:F0} |"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>Loads the other build of the analyzer beside this one; everything it references is shared with this process.</summary>
    private sealed class IsolatedContext(string path) : AssemblyLoadContext($"LossGuard {path}")
    {
        protected override Assembly? Load(AssemblyName assemblyName) => null;
    }
}
