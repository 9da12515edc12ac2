using System.Threading.Tasks;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Descriptors = LossGuard.Analyzers.Catalogue.Descriptors;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// Parts collected before they are joined: a <c>List&lt;Tensor&gt;</c> filled with <c>Add</c> (also in a loop, also
/// returned from a module's <c>forward</c> in a tuple), an array or collection-expression variable, <c>ToArray()</c>;
/// <c>torch.cat</c> / <c>stack</c> of it means what every part means, under the same axis rules as parts written out.
/// </summary>
public sealed class CollectedJoinFlowTests
{
    /// <summary>A <c>Detector.Step</c> over a <c>head</c> layer and inputs <c>a</c>, <c>b</c>, <c>xs</c>; <c>#0</c> marks the finding.</summary>
    private static string Step(string statements, string members = "") => $$"""
        using System;
        using System.Collections.Generic;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        using F = TorchSharp.torch.nn.functional;

        static class Detector
        {
            static readonly Module<Tensor, Tensor> head = Linear(8, 4);

            {{members}}

            static Tensor Step(Tensor a, Tensor b, List<Tensor> xs, Tensor target)
            {
                {{statements}}
            }
        }
        """;

    [Theory]
    // Straight-line adds.
    [InlineData("var parts = new List<Tensor>(); parts.Add(F.sigmoid(a)); parts.Add(torch.sigmoid(b)); var p = torch.cat(parts, 1);")]
    // A collection initializer.
    [InlineData("var parts = new List<Tensor> { F.sigmoid(a), F.sigmoid(b) }; var p = torch.cat(parts, dim: 1);")]
    // Filled in a loop: every element added is a sigmoid output, however many.
    [InlineData("var parts = new List<Tensor>(); foreach (var x in xs) parts.Add(F.sigmoid(head.forward(x))); var p = torch.cat(parts, 1);")]
    [InlineData("var parts = new List<Tensor>(); for (var i = 0; i < xs.Count; i++) { var c = F.sigmoid(head.forward(xs[i])); parts.Add(c.permute(0, 2, 1).reshape(c.shape[0], -1, 4).MoveToOuterDisposeScope()); } var p = torch.cat(parts, dim: 1);")]
    [InlineData("var parts = new List<Tensor>(); var i = 0; while (i < xs.Count) { parts.Add(F.sigmoid(xs[i])); i++; } var p = torch.stack(parts, 1);")]
    // An array variable, a collection-expression variable, a list's ToArray().
    [InlineData("var parts = new[] { F.sigmoid(a), F.sigmoid(b) }; var p = torch.cat(parts, 1);")]
    [InlineData("Tensor[] parts = [F.sigmoid(a), F.sigmoid(b)]; var p = torch.cat(parts, 0);")]
    [InlineData("var parts = new List<Tensor>(); foreach (var x in xs) parts.Add(F.sigmoid(x)); var p = torch.cat(parts.ToArray(), 1);")]
    // Read and counted in place, the list keeps its elements.
    [InlineData("var parts = new List<Tensor>(); parts.Add(F.sigmoid(a)); if (parts.Count > 0 && parts[0] is not null) parts.Add(F.sigmoid(b)); var p = torch.cat(parts, 1);")]
    public Task Sigmoid_outputs_collected_in_a_list_or_array_variable_are_still_sigmoid_outputs_when_joined(string statements) =>
        ReturnsUnstable(statements, "F.binary_cross_entropy(p, target)");

    [Theory]
    // Softmax outputs along axis 1, joined along the batch axis: each row is still a distribution.
    [InlineData("var parts = new List<Tensor>(); foreach (var x in xs) parts.Add(F.softmax(head.forward(x), 1)); var p = torch.cat(parts, 0);")]
    [InlineData("var parts = new[] { F.softmax(a, -1), F.softmax(b, -1) }; var p = torch.stack(parts, 0);")]
    public Task Softmax_outputs_collected_and_joined_along_another_axis_are_still_probabilities(string statements) =>
        ReturnsUnstable(statements, "p.log()");

    /// <summary><paramref name="statements"/> then <c>return</c> of <paramref name="unstable"/>, where LG0003 is expected.</summary>
    private static Task ReturnsUnstable(string statements, string unstable) =>
        Verify.AnalyzerAsync(Step($"{statements}\n    return {{|#0:{unstable}|}};"), Finding.At(Descriptors.UnstableComposition));

    [Fact]
    public Task A_list_filled_in_a_body_read_through_the_control_flow_graph_is_followed_the_same()
    {
        var source = Step("""
            var parts = new List<Tensor>();
            try
            {
                foreach (var x in xs)
                {
                    parts.Add(F.sigmoid(x));
                }
            }
            finally
            {
                a.Dispose();
            }

            var p = torch.cat(parts, 1);
            return {|#0:F.binary_cross_entropy(p, target)|};
            """);
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Theory]
    // On the tree walk, inside a using of a dispose scope.
    [InlineData("using (var scope = torch.NewDisposeScope()) { BODY }")]
    // On the control-flow graph (a try with a catch sends the body there).
    [InlineData("try { BODY } catch (System.InvalidOperationException) { throw; }")]
    public Task Lists_a_head_module_fills_in_a_loop_and_returns_in_a_tuple_are_sigmoid_outputs_when_the_model_joins_them(string wrapped)
    {
        // The shape of a RetinaNet head: a sigmoid per pyramid level, collected in a list, joined by the model.
        const string body = """
            var scores = new List<Tensor>();
            var boxes = new List<Tensor>();
            for (var i = 0; i < xs.Count; i++)
            {
                var c = act.forward(cls.forward(xs[i]));
                scores.Add(c.permute(0, 2, 1).contiguous().view(c.shape[0], -1, 4).MoveToOuterDisposeScope());
                boxes.Add(xs[i].MoveToOuterDisposeScope());
            }

            return (scores, boxes);
            """;
        var source = """
            using System.Collections.Generic;
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            public sealed class Head : Module<List<Tensor>, (List<Tensor>, List<Tensor>)>
            {
                private readonly Module<Tensor, Tensor> cls = Linear(8, 4);
                private readonly Module<Tensor, Tensor> act = Sigmoid();
                public Head() : base("head") { RegisterComponents(); }
                public override (List<Tensor>, List<Tensor>) forward(List<Tensor> xs)
                {
                    WRAPPED
                }
            }

            public sealed class Net : Module<Tensor, (Tensor, Tensor)>
            {
                private readonly Head head = new Head();
                public Net() : base("net") { RegisterComponents(); }
                public override (Tensor, Tensor) forward(Tensor x)
                {
                    var (scores, boxes) = head.forward(new List<Tensor> { x });
                    return (torch.cat(scores, dim: 1), torch.cat(boxes, dim: 1));
                }
            }

            public static class Train
            {
                public static Tensor Step(Net model, Tensor x, Tensor y)
                {
                    var (scores, boxes) = model.forward(x);
                    var p = torch.clamp(scores[0], 1e-4, 1.0 - 1e-4);
                    return -(y * {|#0:torch.log(p)|}).sum();
                }
            }
            """.Replace("WRAPPED", wrapped.Replace("BODY", body, System.StringComparison.Ordinal), System.StringComparison.Ordinal);
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Theory]
    // A part of another meaning.
    [InlineData("var parts = new List<Tensor>(); parts.Add(F.sigmoid(a)); parts.Add(F.relu(b));")]
    [InlineData("var parts = new List<Tensor>(); foreach (var x in xs) { if (x.dim() > 2) parts.Add(F.sigmoid(x)); else parts.Add(F.relu(x)); }")]
    [InlineData("var parts = new List<Tensor>(); foreach (var x in xs) parts.Add(F.sigmoid(x)); parts.Add(b);")]
    // Changed in place after the adds.
    [InlineData("var parts = new List<Tensor> { F.sigmoid(a), F.sigmoid(b) }; parts[1] = F.relu(b);")]
    [InlineData("var parts = new List<Tensor> { F.sigmoid(a), F.sigmoid(b) }; parts.Insert(0, F.relu(b));")]
    [InlineData("var parts = new List<Tensor> { F.sigmoid(a), F.sigmoid(b) }; parts.RemoveAt(0); parts.AddRange(xs);")]
    [InlineData("var parts = new List<Tensor> { F.sigmoid(a) }; parts.Clear(); parts.AddRange(xs);")]
    [InlineData("var parts = new List<Tensor>(); foreach (var x in xs) parts.Add(F.sigmoid(x)); (parts[0], _) = (F.relu(a), 0);")]
    // Handed on, where it may change unseen.
    [InlineData("var parts = new List<Tensor> { F.sigmoid(a), F.sigmoid(b) }; Fill(parts);")]
    [InlineData("var parts = new List<Tensor> { F.sigmoid(a), F.sigmoid(b) }; saved = parts; Refill();")]
    [InlineData("var parts = new List<Tensor> { F.sigmoid(a), F.sigmoid(b) }; var alias = parts; alias.Add(F.relu(a));")]
    [InlineData("var parts = new List<Tensor> { F.sigmoid(a), F.sigmoid(b) }; Action more = () => parts.Add(F.relu(a)); more();")]
    [InlineData("var parts = new List<Tensor> { F.sigmoid(a), F.sigmoid(b) }; var pair = (parts, 1); pair.Item1.Add(F.relu(a));")]
    [InlineData("IList<Tensor> parts = new List<Tensor> { F.sigmoid(a), F.sigmoid(b) }; var alias = parts; alias.Add(F.relu(a));")]
    [InlineData("var parts = new List<Tensor> { F.sigmoid(a), F.sigmoid(b) }; IEnumerable<Tensor> all = parts; ((List<Tensor>)all).Add(F.relu(a));")]
    // An element changed in place through the variable it was added from.
    [InlineData("var s = F.sigmoid(a); var parts = new List<Tensor> { s, F.sigmoid(b) }; s.sub_(0.5);")]
    [InlineData("var parts = new List<Tensor>(); foreach (var x in xs) parts.Add(F.sigmoid(x)); parts[0].sub_(0.5);")]
    // Arrays written after they are made: an element, an alias, a span over it, a helper.
    [InlineData("var parts = new[] { F.sigmoid(a), F.sigmoid(b) }; parts[1] = F.relu(b);")]
    [InlineData("var parts = new[] { F.sigmoid(a), F.sigmoid(b) }; var alias = parts; alias[0] = F.relu(b);")]
    [InlineData("var parts = new[] { F.sigmoid(a), F.sigmoid(b) }; parts.AsSpan()[0] = F.relu(b);")]
    [InlineData("var parts = new[] { F.sigmoid(a), F.sigmoid(b) }; Array.Fill(parts, F.relu(b));")]
    [InlineData("var parts = new[] { F.sigmoid(a), F.sigmoid(b) }; FillArray(parts);")]
    [InlineData("var parts = new[] { F.sigmoid(a), F.sigmoid(b) }; kept = parts; Refill();")]
    [InlineData("var parts = new[] { F.sigmoid(a), F.sigmoid(b) }; Action more = () => FillArray(parts); more();")]
    public Task Collected_parts_of_another_meaning_or_changed_unseen_are_silent_when_joined(string statements)
    {
        var source = Step(
            statements + """

                var p = torch.cat(parts, 1);
                return F.binary_cross_entropy(p, target);
            """,
            """
            static List<Tensor> saved = new();
            static Tensor[] kept = Array.Empty<Tensor>();
            static void Fill(List<Tensor> list) => list.Add(F.relu(list[0]));
            static void FillArray(Tensor[] array) => array[0] = F.relu(array[0]);
            static void Refill() { if (saved.Count > 0) saved[0] = F.relu(saved[0]); if (kept.Length > 0) kept[0] = F.relu(kept[0]); }
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Theory]
    // Softmax outputs side by side along their class axis: each row sums to the number of parts.
    [InlineData("var parts = new List<Tensor>(); foreach (var x in xs) parts.Add(F.softmax(x, 1)); var p = torch.cat(parts, 1);")]
    [InlineData("var parts = new[] { F.softmax(a, -1), F.softmax(b, -1) }; var p = torch.cat(parts, -1);")]
    // The axis is not known.
    [InlineData("var parts = new List<Tensor>(); foreach (var x in xs) parts.Add(F.softmax(x, 1)); var p = torch.cat(parts, xs.Count);")]
    // A list the caller gives: a public method's callers are not all known.
    [InlineData("var p = torch.cat(xs, 1);")]
    public Task Softmax_outputs_collected_and_joined_along_their_class_axis_or_an_unknown_one_are_silent(string statements)
    {
        var source = Step(statements + """

                return p.log();
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_list_handed_to_a_private_helper_is_joined_there_with_the_elements_every_call_site_gives()
    {
        // The list reaches the helper from its one call site; an array parameter is not followed (it may be kept in a field).
        var source = Step(
            """
            var parts = new List<Tensor>();
            foreach (var x in xs) parts.Add(F.sigmoid(x));
            var array = new[] { F.sigmoid(a), F.sigmoid(b) };
            return Loss(parts, target) + LossOfArray(array, target);
            """,
            """
            static Tensor Loss(List<Tensor> parts, Tensor target) => {|#0:F.binary_cross_entropy(torch.cat(parts, 1), target)|};
            static Tensor LossOfArray(Tensor[] parts, Tensor target) => F.binary_cross_entropy(torch.cat(parts, 1), target);
            """);
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_list_returned_after_it_was_handed_on_or_from_a_finally_guarded_return_is_silent_in_the_caller()
    {
        const string source = """
            using System.Collections.Generic;
            using TorchSharp;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Collect
            {
                static List<Tensor> last = new();

                // The list is also kept in a field that another method changes.
                static (List<Tensor>, int) Kept(List<Tensor> xs)
                {
                    var parts = new List<Tensor>();
                    foreach (var x in xs) parts.Add(F.sigmoid(x));
                    last = parts;
                    return (parts, 0);
                }

                // A finally block changes the list after the return value was taken.
                static List<Tensor> Guarded(List<Tensor> xs)
                {
                    var parts = new List<Tensor>();
                    try
                    {
                        foreach (var x in xs) parts.Add(F.sigmoid(x));
                        return parts;
                    }
                    finally
                    {
                        parts.Add(F.relu(xs[0]));
                    }
                }

                // The caller's own list, handed back: the caller may change it through its variable.
                static List<Tensor> Same(List<Tensor> given)
                {
                    given.Add(F.sigmoid(given[0]));
                    return given;
                }

                static void Relu() => last.Add(F.relu(last[0]));

                static Tensor Step(List<Tensor> xs, Tensor y)
                {
                    var (kept, _) = Kept(xs);
                    Relu();
                    var guarded = Guarded(xs);
                    var mine = new List<Tensor> { F.sigmoid(y) };
                    var same = Same(mine);
                    mine.Add(F.relu(y));
                    return F.binary_cross_entropy(torch.cat(kept, 1), y)
                        + F.binary_cross_entropy(torch.cat(guarded, 1), y)
                        + F.binary_cross_entropy(torch.cat(same, 1), y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
