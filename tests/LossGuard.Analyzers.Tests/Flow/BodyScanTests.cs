using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace LossGuard.Analyzers.Tests.Flow;

/// <summary>
/// The walk that decides, before the engine runs, whether a body is relevant and structured: it visits what Roslyn's
/// <c>Descendants()</c> does, and the combined scan (which stops early) answers as the two checks do on their own.
/// </summary>
public sealed class BodyScanTests
{
    [Fact]
    public async Task The_walk_visits_every_operation_under_the_root_once()
    {
        var compared = 0;
        foreach (var compilation in await CorpusBodies.CompilationsAsync())
        {
            foreach (var (body, _) in CorpusBodies.Of(compilation))
            {
                var visited = new Recorder();
                Assert.True(OperationWalk.All(body, ref visited));
                Assert.Equal(Counts(body.Descendants()), Counts(visited.Operations));
                compared++;
            }
        }

        Assert.True(compared > 900, $"{compared} bodies");
    }

    [Fact]
    public async Task The_combined_scan_answers_as_the_relevance_gate_and_the_structure_check()
    {
        var relevant = 0;
        var unstructured = 0;
        var relevantUnstructured = 0;
        foreach (var compilation in await CorpusBodies.CompilationsAsync())
        {
            var engine = new DataflowEngine(compilation, LibraryKnowledge.Resolve(compilation));
            foreach (var (body, owner) in CorpusBodies.Of(compilation))
            {
                var scan = engine.Scan(body);
                var structured = StructuredCode.IsStructured(body, out var nested);
                Assert.True(
                    scan == new BodyScan(engine.IsRelevant(body), structured, nested),
                    $"{owner.ToDisplayString()}: scan {scan}, separately relevant {engine.IsRelevant(body)}, structured {structured}, nested {nested}");
                relevant += scan.IsRelevant ? 1 : 0;
                unstructured += scan.IsStructured ? 0 : 1;
                relevantUnstructured += scan.IsRelevant && !scan.IsStructured ? 1 : 0;
            }
        }

        Assert.True(
            relevant > 300 && unstructured > 20 && relevantUnstructured > 0,
            $"{relevant} relevant bodies, {unstructured} not structured, {relevantUnstructured} both");
    }

    [Fact]
    public void A_walk_stopped_by_its_check_reports_it()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Stop",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { int M(int a) { var b = a + 1; return b * 2; } }") });
        var tree = compilation.SyntaxTrees.Single();
        var method = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single();
        var body = compilation.GetSemanticModel(tree).GetOperation(method)!;
        var stopAtReturn = new StopAt(OperationKind.Return);

        Assert.False(OperationWalk.All(body, ref stopAtReturn));
        Assert.True(stopAtReturn.Seen);
    }

    private static Dictionary<IOperation, int> Counts(IEnumerable<IOperation> operations) =>
        operations.GroupBy(operation => operation).ToDictionary(group => group.Key, group => group.Count());

    private struct Recorder : IOperationCheck
    {
        public Recorder() => Operations = new List<IOperation>();

        public List<IOperation> Operations { get; }

        public bool Visit(IOperation operation)
        {
            Operations.Add(operation);
            return true;
        }
    }

    private struct StopAt(OperationKind kind) : IOperationCheck
    {
        public bool Seen { get; private set; }

        public bool Visit(IOperation operation)
        {
            Seen |= operation.Kind == kind;
            return !Seen;
        }
    }
}
