using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LossGuard.Analyzers.Benchmarks;

/// <summary>
/// What LossGuard pays at each compilation's start, before any body is read: resolving the library tables against the
/// compilation and making the engine, on fresh compilations of one small file, the first time in this process and then
/// warm (median of <c>rounds</c>). Run with <c>--start</c>.
/// </summary>
internal static class StartCost
{
    public static void Run(string name, ImmutableArray<MetadataReference> references, int rounds)
    {
        var first = Measure(references, out var firstBytes);
        var times = new List<double>();
        long bytes = 0;
        for (var round = 0; round < rounds; round++)
        {
            times.Add(Measure(references, out bytes));
        }

        times.Sort();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {first:F2} ({firstBytes / 1024} KB) | {times[times.Count / 2]:F3} | {times[0]:F3} | {bytes / 1024} KB |"));
    }

    private static double Measure(ImmutableArray<MetadataReference> references, out long bytes)
    {
        var compilation = CSharpCompilation.Create(
            "Start",
            new[] { CSharpSyntaxTree.ParseText("class C { }") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _ = compilation.Assembly;
        _ = compilation.SourceModule.ReferencedAssemblySymbols;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var knowledge = LibraryKnowledge.Resolve(compilation);
        if (!knowledge.IsEmpty)
        {
            _ = new DataflowEngine(compilation, knowledge);
        }

        var elapsed = clock.Elapsed.TotalMilliseconds;
        bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        return elapsed;
    }
}
