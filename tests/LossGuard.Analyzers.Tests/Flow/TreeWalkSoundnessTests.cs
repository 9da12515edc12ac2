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
/// Bodies the tree walk takes since deconstructions, <c>??</c>, throw arms and initializers are followed on it, each with
/// what the graph says: nothing runs after an expression every arm of which throws, and a corpus class of such bodies that
/// <see cref="TreeAnalysisEquivalenceTests"/> compares both ways.
/// </summary>
public sealed class TreeWalkSoundnessTests
{
    [Theory]
    [InlineData(CoalesceOfNullIntoThrow)]
    [InlineData(DecidedConditionalIntoThrow)]
    [InlineData(OutVarInLoop)]
    [InlineData(OutVariableInLoop)]
    public Task Nothing_is_reported_where_the_graph_reaches_nothing_or_the_value_was_replaced(string members) =>
        Verify.AnalyzerAsync(TorchSharpClass.Of("sealed class Trainer", members));

    [Theory]
    [InlineData("F.softmax(logits, 1) ?? (none ?? throw new System.InvalidOperationException())")]
    [InlineData("ready ? F.softmax(logits, 1) : (none ?? throw new System.InvalidOperationException())")]
    public Task An_arm_that_always_throws_adds_nothing_to_the_value(string choice) =>
        Verify.AnalyzerAsync(
            TorchSharpClass.Of("static class Trainer", """
                static Tensor Step(bool ready, Tensor logits, Tensor target)
                {
                    Tensor? none = null;
                    var probabilities = CHOICE;
                    return F.cross_entropy({|#0:probabilities|}, target);
                }
                """.Replace("CHOICE", choice, System.StringComparison.Ordinal)),
            Finding.At(Descriptors.SoftmaxIntoLogitsLoss));

    private const string CoalesceOfNullIntoThrow = """
        static Tensor Step(Tensor logits, Tensor target)
        {
            Tensor? cached = null;
            var unused = cached ?? throw new System.InvalidOperationException("not built");
            return F.cross_entropy(F.softmax(logits, 1), target);
        }
        """;

    private const string DecidedConditionalIntoThrow = """
        const bool Supported = false;

        static Tensor Step(Tensor logits, Tensor target)
        {
            var input = Supported ? logits : throw new System.NotSupportedException();
            return F.cross_entropy(F.softmax(input, 1), target);
        }
        """;

    // out var: the callee writes the variable on every call, so what the previous run of the loop stored is gone.
    private const string OutVarInLoop = """
        public bool Next(out Tensor scores) { scores = randn(4, 3); return true; }

        public Tensor Train(Tensor target, int steps)
        {
            var total = zeros(1);
            for (var step = 0; step < steps; step++)
            {
                Next(out var scores);
                total = total + F.cross_entropy(scores, target);
                scores = F.softmax(scores, 1);
                total = total + scores.sum();
            }

            return total;
        }
        """;

    private const string OutVariableInLoop = """
        public bool Next(out Tensor scores) { scores = randn(4, 3); return true; }

        public Tensor Train(Tensor target, int steps)
        {
            var total = zeros(1);
            Tensor scores;
            for (var step = 0; step < steps; step++)
            {
                Next(out scores);
                total = total + F.cross_entropy(scores, target);
                scores = F.softmax(scores, 1);
                total = total + scores.sum();
            }

            return total;
        }
        """;

    // Bodies for the equivalence corpus (TreeAnalysisEquivalenceTests reads every raw string holding a class).
    [Fact]
    public async Task The_corpus_bodies_are_walked_on_their_tree()
    {
        var tree = CSharpSyntaxTree.ParseText(Corpus);
        var compilation = CSharpCompilation.Create(
            "TreeWalked",
            new[] { tree },
            (await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(TestReferences.TorchSharp),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        var model = compilation.GetSemanticModel(tree);
        var graphs = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(method => method.Body is not null && FlowBody.Of(model.GetOperation(method)!, CancellationToken.None).Graph is not null)
            .Select(method => method.Identifier.ValueText)
            .ToList();
        Assert.Empty(graphs);
    }

    private const string Corpus = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using TorchSharp;
        using static TorchSharp.torch;
        using F = TorchSharp.torch.nn.functional;

        sealed class WalkedCorpus
        {
            private Tensor? cache;
            private Tensor probabilities = zeros(1);
            public Tensor Held { get; set; } = zeros(1);

            static bool Next(Tensor input, out Tensor scores) { scores = F.softmax(input, 1); return true; }

            Tensor Build(Tensor x) { cache = F.softmax(x, 1); return cache; }

            public Tensor CoalesceAssigns(Tensor? scores, Tensor logits, Tensor target)
            {
                var input = logits;
                var chosen = scores ?? (input = F.softmax(logits, 1));
                return F.cross_entropy(input, target) + F.cross_entropy(chosen, target);
            }

            public Tensor CoalesceCallsMember(Tensor logits, Tensor target)
            {
                var value = cache ?? Build(logits);
                return F.cross_entropy(value, target) + F.cross_entropy(cache!, target);
            }

            public Tensor NestedCoalesce(Tensor? a, Tensor? b, Tensor logits, Tensor target)
            {
                var value = a ?? b ?? F.softmax(logits, 1);
                var other = (a ?? F.log_softmax(logits, 1)) ?? F.softmax(logits, 1);
                return F.cross_entropy(value, target) + F.nll_loss(other, target);
            }

            public Tensor NullNested(Tensor logits, Tensor target)
            {
                Tensor? none = null;
                var probabilities = F.softmax(logits, 1) ?? (none ?? throw new InvalidOperationException());
                return F.cross_entropy(probabilities, target);
            }

            public Tensor NullThrow(Tensor logits, Tensor target)
            {
                Tensor? none = null;
                var unused = none ?? throw new InvalidOperationException();
                return F.cross_entropy(F.softmax(logits, 1), target);
            }

            public Tensor CoalesceInLoop(List<Tensor?> batches, Tensor target)
            {
                var total = zeros(1);
                Tensor? previous = null;
                foreach (var batch in batches)
                {
                    var input = batch ?? previous ?? throw new ArgumentException("empty");
                    total = total + F.cross_entropy(input, target);
                    previous = F.softmax(input, 1);
                }

                return total;
            }

            public Tensor CoalesceInConditions(Tensor? a, Tensor logits, Tensor target)
            {
                var total = zeros(1);
                if ((a ?? (a = F.softmax(logits, 1))) is { } found)
                {
                    total = total + F.cross_entropy(found, target);
                }

                var steps = 0;
                while ((cache ?? throw new InvalidOperationException()) is { } c && steps++ < 3)
                {
                    total = total + F.cross_entropy(c, target) + F.cross_entropy(a, target);
                    cache = F.softmax(c, 1);
                }

                return total;
            }

            public Tensor ThrowArms(bool ready, Tensor? scores, Tensor logits, Tensor target)
            {
                var input = ready ? F.softmax(logits, 1) : throw new ArgumentException(nameof(ready));
                var other = !ready ? throw new ArgumentException(F.softmax(logits, 1).ToString()) : F.log_softmax(logits, 1);
                var third = scores ?? throw new ArgumentNullException(nameof(scores), F.softmax(logits, 1).ToString());
                return F.cross_entropy(input, target) + F.nll_loss(other, target) + F.cross_entropy(third, target);
            }

            public Tensor ThrowArmsInLoop(List<Tensor> batches, Tensor target)
            {
                var total = zeros(1);
                Tensor? last = null;
                for (var i = 0; i < batches.Count; i++)
                {
                    var input = i > 0 ? last ?? throw new InvalidOperationException() : batches[i];
                    total = total + F.cross_entropy(input, target);
                    last = F.softmax(input, 1);
                }

                return total;
            }

            public Tensor Deconstructions(Tensor logits, Tensor target)
            {
                Tensor q;
                (this.probabilities, q) = (F.softmax(logits, 1), F.log_softmax(logits, 1));
                (Held, _) = (F.softmax(logits, 1), 0);
                var (a, (b, c)) = (logits, (F.softmax(logits, 1), 3));
                (a, b) = (b, a);
                return F.cross_entropy(probabilities, target) + F.nll_loss(q, target) + F.cross_entropy(Held, target)
                    + F.cross_entropy(a, target) + F.cross_entropy(b, target);
            }

            public Tensor ForeachDeconstruction(List<(Tensor Input, Tensor Target)> batches, Dictionary<string, Tensor> named)
            {
                var total = zeros(1);
                Tensor carried = zeros(1);
                foreach (var (input, target) in batches)
                {
                    total = total + F.cross_entropy(carried, target) + F.cross_entropy(input, target);
                    carried = F.softmax(input, 1);
                }

                foreach ((var x, var y) in batches)
                {
                    total = total + F.cross_entropy(x, y);
                }

                foreach ((Tensor p, var (t, _)) in new[] { (carried, (carried, 1)) })
                {
                    total = total + F.cross_entropy(p, t);
                }

                foreach (var (name, value) in named)
                {
                    total = total + F.cross_entropy(value, carried) + name.Length;
                }

                return total;
            }

            public Tensor OutVars(Tensor logits, Tensor target, int steps)
            {
                var total = zeros(1);
                for (var i = 0; i < steps; i++)
                {
                    Next(logits, out var scores);
                    total = total + F.cross_entropy(scores, target);
                    scores = F.softmax(scores, 1);
                    _ = int.TryParse("1", out _);
                }

                return total;
            }

            public Tensor Patterns(object o, Tensor logits, Tensor target)
            {
                var total = zeros(1);
                if (o is Tensor { } t)
                {
                    total = total + F.cross_entropy(t, target);
                }

                if (cache is { } held && held is not null)
                {
                    total = total + F.cross_entropy(held, target);
                }

                if (o is ValueTuple<Tensor, Tensor> { Item1: var first })
                {
                    total = total + F.cross_entropy(first, target);
                }

                return total;
            }

            public async Task<Tensor> Awaits(Func<Task<Tensor>> load, Tensor target, int steps)
            {
                var total = zeros(1);
                for (var i = 0; i < steps; i++)
                {
                    var logits = await load();
                    total = total + F.cross_entropy(logits, target);
                    total = total + F.cross_entropy(F.softmax(await Task.FromResult(logits), 1), target);
                }

                return total;
            }

            public Tensor Ranges(Tensor logits, Tensor target)
            {
                var probs = F.softmax(logits, 1);
                var head = probs[.., 0..2];
                var tail = logits[1.., ^2..];
                return F.cross_entropy(head, target) + F.cross_entropy(tail, target) + nameof(Tensor).Length;
            }

            public Tensor Lambdas(Tensor logits, Tensor target)
            {
                Func<Tensor?, Tensor> pick = t => t ?? F.softmax(logits, 1);
                Func<bool, Tensor> choose = b => b ? F.log_softmax(logits, 1) : throw new ArgumentException();
                return F.cross_entropy(pick(null), target) + F.nll_loss(choose(true), target);
            }
            public int OutVarRead(Dictionary<string, int> counts, string key)
            {
                counts.TryGetValue(key, out var value);
                return value;
            }

            public int OutVarInConditional(Dictionary<string, int> counts, string key) =>
                counts.TryGetValue(key, out int value) ? value : counts["<unk>"];

            private Device? device;

            public Tensor FieldFromCoalesce(Device? given, Tensor input)
            {
                device = given ?? (cuda.is_available() ? CUDA : CPU);
                return input.to(device);
            }

            public Tensor FieldFromConditional(bool gpu, Tensor input)
            {
                device = gpu ? CUDA : CPU;
                return input.to(device);
            }

            public object ReturnCoalesce(object? best, Func<object> sample)
            {
                var action = best;
                return action ?? sample();
            }
        }
        """;
}
