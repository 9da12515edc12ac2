using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Benchmarks;

/// <summary>
/// Where the analyzer's time goes, sequentially and outside the analyzer driver: building operation trees, the
/// relevance gate, the structure check (and control-flow graphs where it fails), and the engine (by call depth).
/// Run with <c>--phases [depth]</c>.
/// </summary>
internal static class PhaseBreakdown
{
    public static void Run(IReadOnlyList<string> files, ImmutableArray<MetadataReference> references, int maxCallDepth)
    {
        var compilation = CSharpCompilation.Create(
            "Phases",
            files.Select((text, index) => CSharpSyntaxTree.ParseText(text, path: $"File{index}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        compilation.GetDiagnostics();
        var engine = new DataflowEngine(compilation, LibraryKnowledge.Resolve(compilation));
        var operations = new Stopwatch();
        var gate = new Stopwatch();
        var graphs = new Stopwatch();
        var analysis = new Stopwatch();
        int bodies = 0, relevant = 0, walked = 0;
        long graphBytes = 0, engineBytes = 0;
        var analysed = new List<(FlowBody Body, ISymbol Owner)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            {
                operations.Start();
                var body = model.GetOperation(declaration);
                operations.Stop();
                if (body is not (IMethodBodyOperation or IConstructorBodyOperation))
                {
                    continue;
                }

                bodies++;
                gate.Start();
                var isRelevant = engine.IsRelevant(body);
                gate.Stop();
                if (!isRelevant)
                {
                    continue;
                }

                relevant++;
                var before = GC.GetAllocatedBytesForCurrentThread();
                graphs.Start();
                var flowBody = FlowBody.Of(body, CancellationToken.None);
                walked += flowBody.Graph is null ? 1 : 0;
                graphs.Stop();
                var between = GC.GetAllocatedBytesForCurrentThread();
                analysis.Start();
                var owner = model.GetDeclaredSymbol(declaration)!;
                engine.Analyze(flowBody, owner, maxCallDepth, default);
                analysis.Stop();
                analysed.Add((flowBody, owner));
                graphBytes += between - before;
                engineBytes += GC.GetAllocatedBytesForCurrentThread() - between;
            }
        }

        // Again with every cache of the engine filled and every member bound: the evaluation alone.
        var warm = Stopwatch.StartNew();
        var warmBytes = GC.GetAllocatedBytesForCurrentThread();
        foreach (var (flowBody, owner) in analysed)
        {
            engine.Analyze(flowBody, owner, maxCallDepth, default);
        }

        warm.Stop();
        warmBytes = GC.GetAllocatedBytesForCurrentThread() - warmBytes;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"depth {maxCallDepth}: {bodies} bodies, {relevant} relevant ({walked} on their operation tree, the rest on a graph); operation trees {operations.ElapsedMilliseconds} ms, gate {gate.ElapsedMilliseconds} ms, structure check and graphs {graphs.ElapsedMilliseconds} ms ({graphBytes / 1024 / 1024} MB), engine {analysis.ElapsedMilliseconds} ms ({engineBytes / 1024 / 1024} MB), engine again {warm.ElapsedMilliseconds} ms ({warmBytes / 1024 / 1024} MB)"));
    }
}
