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
/// Deconstructions, <c>out var</c>, ranges, a <c>foreach</c> into a deconstruction and <c>??</c> of a reference are walked
/// on the operation tree (no control-flow graph is built for their bodies), and values flow through them as on a graph
/// (<see cref="TreeAnalysisEquivalenceTests"/> compares the facts of these tests' bodies both ways).
/// </summary>
public sealed class TreeWalkedExpressionTests
{
    [Theory]
    [InlineData("var (a, b) = (x, x + 1); return a + b;")]
    [InlineData("(int a, _) = (x, 2); return a;")]
    [InlineData("int.TryParse(\"1\", out var a); return a + x;")]
    [InlineData("var total = 0; foreach (var (a, b) in new[] { (1, 2) }) { total += a + b; } return total;")]
    [InlineData("return this[1..] + this[..^1] + x;")]
    [InlineData("string? s = null; return (s ?? \"b\").Length + x;")]
    [InlineData("return nameof(System.Math).Length + x;")]
    [InlineData("string? s = null; return (s ?? throw new System.ArgumentException(\"s\")).Length + x;")]
    [InlineData("return x > 0 ? x : throw new System.ArgumentException(\"x\");")]
    [InlineData("object o = x; return o is string { Length: > 2 } s ? s.Length : x;")]
    [InlineData("var list = new System.Collections.Generic.List<int> { x, 2 }; return list.Count;")]
    [InlineData("int[] shape = [x, 2]; long[] sizes = [x]; return shape.Length + sizes.Length;")]
    [InlineData("var options = new Options { Rate = x, Count = 2 }; return options.Count;")]
    [InlineData("return await System.Threading.Tasks.Task.FromResult(x) + x;")]
    public async Task A_body_using_it_is_walked_on_its_tree(string statements) =>
        Assert.Null((await BodyOfAsync(statements)).Graph);

    [Theory]
    [InlineData("int? a = null; return a ?? x;")]
    [InlineData("string? s = null; return s?.Length ?? x;")]
    [InlineData("var list = new System.Collections.Generic.List<int>(4) { x }; return list.Count;")]
    [InlineData("int[] shape = [x, 2]; int[] longer = [..shape, 3]; return longer.Length;")]
    [InlineData("var set = new System.Collections.Generic.HashSet<int> { x }; return set.Count;")]
    [InlineData("var map = new System.Collections.Generic.Dictionary<int, int> { [x] = 1 }; return map.Count;")]
    [InlineData("var holder = new Holder { Options = { Rate = x } }; return holder.Options.Count;")]
    public async Task Other_null_checks_conditional_accesses_and_initializers_are_read_on_the_graph(string statements) =>
        Assert.NotNull((await BodyOfAsync(statements)).Graph);

    [Theory]
    [InlineData(DeconstructedInLoop, "LG0001")]
    [InlineData(ForeachIntoDeconstruction, "LG0003")]
    [InlineData(CoalesceOfNull, "LG0001")]
    [InlineData(ThrowingArm, "LG0001")]
    [InlineData(ListInitializer, "LG0001")]
    public Task A_value_flows_through_it_as_on_a_graph(string members, string rule) =>
        Verify.AnalyzerAsync(TorchSharpClass.Of("static class Trainer", members), Finding.At(rule == "LG0001" ? Descriptors.SoftmaxIntoLogitsLoss : Descriptors.UnstableComposition));

    [Theory]
    [InlineData(CoalesceOfUnknown)]
    [InlineData(CoalesceRightSideOnlyWhereNull)]
    [InlineData(CoalesceRightSideEffectKept)]
    public Task A_coalesce_that_may_give_either_side_is_silent(string members) =>
        Verify.AnalyzerAsync(TorchSharpClass.Of("static class Trainer", members));

    [Fact]
    public Task A_member_set_in_an_object_initializer_is_the_new_object_s_not_this_one_s() =>
        Verify.AnalyzerAsync(TorchSharpClass.Of("sealed class Step", """
            private Tensor Scores { get; set; } = zeros(1);

            public Tensor Run(Tensor logits, Tensor target)
            {
                Scores = logits;
                var other = new Step { Scores = F.softmax(logits, 1) };
                return F.cross_entropy(Scores, target) + other.Scores.sum();
            }
            """));

    private const string DeconstructedInLoop = """
        static Tensor Train(Tensor logits, Tensor target, int epochs)
        {
            var total = zeros(1);
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                var (probabilities, count) = (F.softmax(logits, 1), epoch + 1);
                total = total + F.cross_entropy({|#0:probabilities|}, target) / count;
            }

            return total;
        }
        """;

    private const string ForeachIntoDeconstruction = """
        static Tensor Train(System.Collections.Generic.List<(Tensor Input, Tensor Target)> batches)
        {
            var total = zeros(1);
            foreach (var (input, target) in batches)
            {
                total = total + F.cross_entropy(input, target);
                total = total + F.nll_loss({|#0:log(F.softmax(input, 1))|}, target);
            }

            return total;
        }
        """;

    private const string CoalesceOfNull = """
        static Tensor Step(Tensor logits, Tensor target)
        {
            Tensor? cached = null;
            var probabilities = cached ?? F.softmax(logits, 1);
            return F.cross_entropy({|#0:probabilities|}, target);
        }
        """;

    private const string ThrowingArm = """
        static Tensor Step(bool ready, Tensor logits, Tensor target)
        {
            var probabilities = ready ? F.softmax(logits, 1) : throw new System.ArgumentException("not ready", nameof(ready));
            return F.cross_entropy({|#0:probabilities|}, target);
        }
        """;

    private const string ListInitializer = """
        static Tensor Step(Tensor input, Tensor target)
        {
            var layers = new System.Collections.Generic.List<Module<Tensor, Tensor>> { Linear(8, 4), Softmax(1) };
            var output = input;
            foreach (var layer in layers)
            {
                output = layer.forward(output);
            }

            return F.cross_entropy({|#0:output|}, target);
        }
        """;

    private const string CoalesceOfUnknown = """
        static Tensor Step(Tensor? scores, Tensor logits, Tensor target)
        {
            var input = scores ?? F.softmax(logits, 1);
            return F.cross_entropy(input, target);
        }
        """;

    private const string CoalesceRightSideOnlyWhereNull = """
        static Tensor Step(Tensor? scores, Tensor logits, Tensor target)
        {
            var input = logits;
            var unused = scores ?? (input = F.softmax(logits, 1));
            return F.cross_entropy(input, target);
        }
        """;

    private const string CoalesceRightSideEffectKept = """
        static Tensor Step(Tensor? scores, Tensor logits, Tensor target)
        {
            var input = F.softmax(logits, 1);
            var unused = scores ?? (input = logits);
            return F.cross_entropy(input, target);
        }
        """;

    private static async Task<FlowBody> BodyOfAsync(string statements)
    {
        var tree = CSharpSyntaxTree.ParseText("#nullable enable\nclass Options { public int Rate { get; set; } public int Count; }\nclass Holder { public Options Options { get; } = new(); }\nclass C { int this[System.Range range] => 0; async System.Threading.Tasks.Task<int> M(int x) { " + statements + " } }");
        var compilation = CSharpCompilation.Create(
            "Walked",
            new[] { tree },
            await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        return FlowBody.Of(compilation.GetSemanticModel(tree).GetOperation(method)!, CancellationToken.None);
    }
}
