using System.Linq;
using System.Threading.Tasks;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Knowledge;
using LossGuard.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LossGuard.Analyzers.Tests.Flow;

/// <summary>The engine runs only on bodies holding a call some rule reads: a loss, a softmax, a log, a module applied.</summary>
public sealed class RelevanceGateTests
{
    [Theory]
    [InlineData("return Losses.SparseSoftmaxCrossEntropyWithLogits(z, y, 3);")]
    [InlineData("var p = new float[z.Length]; Activations.Softmax(z, p, 3); return p[0];")]
    [InlineData("TensorPrimitives.SoftMax(z, z); return 0;")]
    [InlineData("var p = new float[z.Length]; Activations.Sigmoid(z, p); return MathF.Log(p[0]);")]
    [InlineData("return MathF.Log(Own(z));")]
    [InlineData("System.Func<float> loss = () => Losses.SigmoidCrossEntropyWithLogits(z, new float[z.Length]); return loss();")]
    public Task A_body_with_a_call_a_rule_reads_is_analysed(string body) => AssertRelevantAsync(body, expected: true);

    [Theory]
    [InlineData("var p = new float[z.Length]; Activations.Sigmoid(z, p); return p[0];")]
    [InlineData("var labels = Labels.ArgMax(z, 3); return labels.Length;")]
    [InlineData("return MathF.Log(z[0]);")]
    [InlineData("return TensorPrimitives.Sum(z);")]
    public Task A_body_whose_library_calls_no_rule_reads_is_not_analysed(string body) => AssertRelevantAsync(body, expected: false);

    private static async Task AssertRelevantAsync(string body, bool expected)
    {
        var source = $$"""
            using System;
            using System.Numerics.Tensors;
            using LossGuard;
            static class Step
            {
                static float Own(float[] z) => z[0];
                static float Body(float[] z, int[] y) { {{body}} }
            }
            """;
        var references = (await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, default)).Add(TestReferences.Runtime).Add(TestReferences.Tensors);
        var compilation = CSharpCompilation.Create("Gate", new[] { CSharpSyntaxTree.ParseText(source) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        var tree = compilation.SyntaxTrees.Single();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(declaration => declaration.Identifier.Text == "Body");
        var operation = compilation.GetSemanticModel(tree).GetOperation(method)!;
        var engine = new DataflowEngine(compilation, LibraryKnowledge.Resolve(compilation));

        Assert.Equal(expected, engine.IsRelevant(operation));
    }
}
