using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Knowledge;
using LossGuard.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.Flow;

public sealed class BudgetTests
{
    [Fact]
    public Task A_body_past_the_block_budget_is_given_up_silently()
    {
        var branches = string.Concat(Enumerable.Range(0, 2500).Select(i => $"        if (z[{i % 7}] > {i}) count++;\n"));
        var source = $$"""
            using LossGuard;

            static class Huge
            {
                static float Loss(float[] z, float[] y)
                {
                    var count = 0;
            {{branches}}
                    return count + Losses.SoftmaxCrossEntropyWithLogits(Activations.Softmax(z, 4), y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task An_expression_nested_past_the_depth_budget_is_given_up_silently()
    {
        var sum = string.Join(" + ", Enumerable.Range(0, 400).Select(i => $"z[{i % 5}]"));
        var source = $$"""
            using LossGuard;

            static class Deep
            {
                static float Loss(float[] z, float[] y) =>
                    {{sum}} + Losses.SoftmaxCrossEntropyWithLogits(Activations.Softmax(z, 4), y, 4);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_body_within_the_budget_with_many_branches_is_still_analysed()
    {
        var branches = string.Concat(Enumerable.Range(0, 200).Select(i => $"        if (z[{i % 7}] > {i}) count++;\n"));
        var source = $$"""
            using LossGuard;

            static class Large
            {
                static float Loss(float[] z, float[] y)
                {
                    var count = 0;
            {{branches}}
                    return count + Losses.SoftmaxCrossEntropyWithLogits({|#0:{|#1:Activations.Softmax(z, 4)|}|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, FlowProbe.SoftmaxReachesLoss(209, "Activations.Softmax(z, 4)"));
    }

    [Fact]
    public async Task A_tree_walk_deeper_than_the_stack_allows_is_given_up_silently()
    {
        var open = string.Concat(Enumerable.Range(0, 1500).Select(i => $"if (z[{i % 5}] > {i}) {{ "));
        var source = $$"""
            using LossGuard;
            static class Nested
            {
                static float Loss(float[] z, float[] y)
                {
                    var p = Activations.Softmax(z, 4);
                    {{open}} p = z; {{new string('}', 1500)}}
                    return Losses.SoftmaxCrossEntropyWithLogits(p, y, 4);
                }
            }
            """;
        var references = (await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, default)).Add(TestReferences.Runtime);
        var compilation = CSharpCompilation.Create("Deep", new[] { CSharpSyntaxTree.ParseText(source) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var tree = compilation.SyntaxTrees.Single();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var model = compilation.GetSemanticModel(tree);
        var body = FlowBody.Of(model.GetOperation(method)!, CancellationToken.None);
        var engine = new DataflowEngine(compilation, LibraryKnowledge.Resolve(compilation));
        Assert.Null(body.Graph);

        BodyFacts? facts = null;
        var walk = new Thread(() => facts = engine.Analyze(body, model.GetDeclaredSymbol(method)!, 0, CancellationToken.None), maxStackSize: 256 * 1024);
        walk.Start();
        walk.Join();

        Assert.Same(BodyFacts.Empty, facts);
    }
}
