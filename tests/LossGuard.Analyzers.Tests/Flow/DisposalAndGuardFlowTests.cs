using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.Flow;

/// <summary>
/// TorchSharp training code disposes tensors with <c>using</c> and guards its arguments with <c>throw</c> and
/// patterns: such bodies
/// are walked on their operation tree (no control-flow graph is built) and keep their findings. The equivalence test
/// compares the facts of each of these sources on its tree and on its graph.
/// </summary>
public sealed class DisposalAndGuardFlowTests
{
    [Fact]
    public Task A_softmax_inside_a_dispose_scope_and_a_using_block_reaches_the_loss()
    {
        const string source = """
            using System;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Trainer
            {
                static float Step(Tensor logits, Tensor target)
                {
                    if (logits is null || logits.dim() is not 2 and not 3)
                    {
                        throw new ArgumentException("rank 2 or 3 expected", nameof(logits));
                    }

                    using var scope = NewDisposeScope();
                    using (var probabilities = F.softmax(logits, 1))
                    {
                        using var loss = F.cross_entropy({|#0:probabilities|}, target);
                        return loss.item<float>();
                    }
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_path_that_throws_does_not_join_the_path_that_goes_on()
    {
        const string source = """
            using System;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Trainer
            {
                static Tensor Step(Tensor logits, Tensor target, bool probabilities)
                {
                    var prediction = logits;
                    if (!probabilities)
                    {
                        throw new InvalidOperationException("probabilities expected");
                    }
                    else
                    {
                        prediction = F.softmax(logits, 1);
                    }

                    for (var i = 0; i < 3; i++)
                    {
                        if (i > 5)
                        {
                            throw new InvalidOperationException();
                        }
                    }

                    return F.cross_entropy({|#0:prediction|}, target);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task Raw_logits_in_a_using_block_stay_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Trainer
            {
                static float Step(Tensor logits, Tensor target)
                {
                    using var scope = NewDisposeScope();
                    using var loss = F.cross_entropy(logits, target);
                    return loss.item<float>();
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Bodies_with_using_of_library_types_and_throw_statements_are_walked_without_a_graph()
    {
        const string source = """
            using System;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            sealed class Resource : IDisposable
            {
                public Tensor Held = zeros(1);
                public void Dispose() => Held = ones(1);
            }

            static class Trainer
            {
                static Tensor Library(Tensor logits)
                {
                    if (logits is null || logits.dim() is not 2) throw new ArgumentException("rank 2 expected", nameof(logits));
                    using var scope = NewDisposeScope();
                    using (var probabilities = F.softmax(logits, 1)) { return probabilities.log().MoveToOuterDisposeScope(); }
                }

                static Tensor Own(Tensor logits)
                {
                    using var resource = new Resource();
                    return F.softmax(logits, 1);
                }

                static Tensor Thrown(Tensor logits) => logits ?? throw new ArgumentNullException(nameof(logits));
            }
            """;
        var compilation = CSharpCompilation.Create(
            "Disposal",
            new[] { CSharpSyntaxTree.ParseText(source) },
            (await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(TestReferences.TorchSharp),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        bool WalkedOnTree(string name) =>
            FlowBody.Of(
                model.GetOperation(tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(method => method.Identifier.ValueText == name))!,
                CancellationToken.None).Graph is null;

        Assert.True(WalkedOnTree("Library"));
        Assert.False(WalkedOnTree("Own"));
        Assert.True(WalkedOnTree("Thrown"));
    }
}
