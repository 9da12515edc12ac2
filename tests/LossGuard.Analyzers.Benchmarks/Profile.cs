using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Benchmarks;

internal static class Profile
{
    public static void Run(System.Collections.Generic.IReadOnlyList<string> files, ImmutableArray<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create("P", files.Select((t, i) => CSharpSyntaxTree.ParseText(t, path: $"F{i}.cs")), references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        compilation.GetDiagnostics();
        var knowledge = LibraryKnowledge.Resolve(compilation);
        var engine = new DataflowEngine(compilation, knowledge);
        var op = new Stopwatch(); var rel = new Stopwatch(); var cfg = new Stopwatch(); var an = new Stopwatch();
        int bodies = 0, relevant = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            {
                op.Start(); var body = model.GetOperation(method); op.Stop();
                if (body is not IMethodBodyOperation and not IConstructorBodyOperation) continue;
                bodies++;
                rel.Start(); var isRelevant = engine.IsRelevant(body); rel.Stop();
                if (!isRelevant) continue;
                relevant++;
                cfg.Start(); var graph = body is IMethodBodyOperation m ? ControlFlowGraph.Create(m) : ControlFlowGraph.Create((IConstructorBodyOperation)body); cfg.Stop();
                an.Start(); engine.Analyze(graph, body.Syntax, model.GetDeclaredSymbol(method)!, int.Parse(Environment.GetEnvironmentVariable("LOSSGUARD_DEPTH") ?? "3"), default); an.Stop();
            }
        }

        Console.WriteLine($"bodies {bodies}, relevant {relevant}; operations {op.ElapsedMilliseconds} ms, relevance {rel.ElapsedMilliseconds} ms, graphs {cfg.ElapsedMilliseconds} ms, engine {an.ElapsedMilliseconds} ms");
    }
}
