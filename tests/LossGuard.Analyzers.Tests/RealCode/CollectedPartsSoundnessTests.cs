using System.Threading.Tasks;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// Tensors collected in a list or array and joined by <c>torch.cat</c> after the collection or an element may have
/// changed unseen: a second reference no variable read makes, a wider-typed holder, a library view, a ref local, an
/// element changed in place, a path through the control-flow graph, a call site, an iterator or a task. The engine does
/// not follow collected parts yet; these look-alikes, written to review a branch that did (session 17, where 35 of them
/// reported), must stay silent when it does.
/// </summary>
public sealed class CollectedPartsSoundnessTests
{
    private const string Helpers = """
        static List<Tensor> saved = new();
        static Tensor kept = torch.zeros(1);
        static (List<Tensor>, int) pair;
        static void Refill() { if (saved.Count > 0) saved[0] = F.relu(saved[0]); saved.Add(F.relu(b0)); }
        static Tensor b0 = torch.zeros(1);
        static void Fill(List<Tensor> l) => l.Add(F.relu(l[0]));
        static List<Tensor> MakeSaved(Tensor a) => saved = new List<Tensor> { F.sigmoid(a) };
        static void MakeOut(Tensor a, out List<Tensor> l) { saved = l = new List<Tensor> { F.sigmoid(a) }; }
        static List<Tensor> MakeKeptList(Tensor a) { var s = F.sigmoid(a); kept = s; return new List<Tensor> { s }; }
        static void ShiftKept() => kept.sub_(0.5);
        static void Shift(Tensor t) => t.sub_(0.5);
        static (List<Tensor>, int) MakePair(Tensor a) { var l = new List<Tensor> { F.sigmoid(a) }; return (l, 0); }
        static void Maybe(Tensor t) { if (t.dim() > 3) throw new InvalidOperationException(); }
        static void GrowPair() => pair.Item1.Add(F.relu(b0));
        static void GrowTuple((List<Tensor>, int) t) => t.Item1.Add(F.relu(b0));
        static IList<Tensor> MakeAsIList(Tensor a) { var l = new List<Tensor> { F.sigmoid(a) }; return l; }
        """;

    private static string Step(string statements, string members = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        using F = TorchSharp.torch.nn.functional;

        static class Detector
        {
            {{Helpers}}
            {{members}}

            static Tensor Step(Tensor a, Tensor b, List<Tensor> xs, Tensor target)
            {
                {{statements}}
            }
        }
        """;

    private static Task SilentJoin(string label, string statements) =>
        Verify.AnalyzerAsync(Step(statements + """

                var p = torch.cat(parts, 1);
                return F.binary_cross_entropy(p, target);
            """) + Labelled(label));

    private static Task SilentJoinOnGraph(string label, string statements) =>
        Verify.AnalyzerAsync(Step("try { " + statements + """

                var p = torch.cat(parts, 1);
                return F.binary_cross_entropy(p, target);
            } catch (InvalidOperationException) { throw; }
            """) + Labelled(label));

    /// <summary>A trailing comment naming the case (lines above keep their numbers).</summary>
    private static string Labelled(string label) => "\n// case: " + label + "\n";

    // ---- Second references that no variable read makes (the value of an assignment, a tuple, an indexer, a wider-typed first holder).

    [Theory]
    // A chained assignment: two variables hold the list, neither read.
    [InlineData("chain-list", "List<Tensor> q; var parts = q = new List<Tensor> { F.sigmoid(a) }; q.Add(F.relu(b));")]
    [InlineData("chain-array", "Tensor[] q; var parts = q = new[] { F.sigmoid(a), F.sigmoid(b) }; q[0] = F.relu(b);")]
    [InlineData("chain-static-field", "var parts = saved = new List<Tensor> { F.sigmoid(a) }; Refill();")]
    // An assignment given as an argument: the callee changes the list the variable holds.
    [InlineData("assignment-as-argument", "List<Tensor> parts; Fill(parts = new List<Tensor> { F.sigmoid(a) });")]
    // A callee that returns (or hands out) a list it also keeps in a field.
    [InlineData("callee-returns-field-assignment", "var parts = MakeSaved(a); Refill();")]
    [InlineData("callee-out-chained-with-field", "MakeOut(a, out var parts); Refill();")]
    public Task Two_holders_made_by_an_assignment_value_are_silent(string label, string statements) => SilentJoin(label, statements);

    [Theory]
    // The same tuple deconstructed twice: two variables hold one list.
    [InlineData("tuple-deconstructed-twice", "var t = (new List<Tensor> { F.sigmoid(a) }, 0); var (parts, _) = t; var (other, _) = t; other.Add(F.relu(b));")]
    // The tuple still holds the list after its deconstruction.
    [InlineData("tuple-item-add-after-deconstruct", "var t = (new List<Tensor> { F.sigmoid(a) }, 0); var (parts, _) = t; t.Item1.Add(F.relu(b));")]
    [InlineData("helper-tuple-item-add", "var t = MakePair(a); var (parts, _) = t; t.Item1.Add(F.relu(b));")]
    [InlineData("helper-tuple-copy-item-add", "var t = MakePair(a); var (parts, _) = t; var u = t; u.Item1.Add(F.relu(b));")]
    // A tuple in a static field, its list changed through the field before the deconstruction.
    [InlineData("static-tuple-field-changed-by-another-method", "pair = (new List<Tensor> { F.sigmoid(a) }, 0); GrowPair(); var (parts, _) = pair;")]
    [InlineData("tuple-passed-to-helper", "var t = (new List<Tensor> { F.sigmoid(a) }, 0); GrowTuple(t); var (parts, _) = t;")]
    [InlineData("static-tuple-field", "pair = (new List<Tensor> { F.sigmoid(a) }, 0); pair.Item1.Add(F.relu(b)); var (parts, _) = pair;")]
    public Task A_list_a_tuple_still_holds_is_silent(string label, string statements) => SilentJoin(label, statements);

    [Theory]
    // A list read out of a list of lists, then changed through the outer list.
    [InlineData("list-of-lists-indexer-add", "var all = new List<List<Tensor>> { new List<Tensor> { F.sigmoid(a) } }; var parts = all[0]; all[0].Add(F.relu(b));")]
    [InlineData("list-of-lists-read-twice", "var all = new List<List<Tensor>> { new List<Tensor> { F.sigmoid(a) } }; var parts = all[0]; var again = all[0]; again.Add(F.relu(b));")]
    [InlineData("list-of-lists-foreach-add", "var all = new List<List<Tensor>> { new List<Tensor> { F.sigmoid(a) } }; var parts = all[0]; foreach (var l in all) l.Add(F.relu(b));")]
    [InlineData("list-of-arrays-element-write", "var all = new List<Tensor[]> { new[] { F.sigmoid(a), F.sigmoid(b) } }; var parts = all[0]; all[0][0] = F.relu(b);")]
    public Task A_list_read_out_of_another_list_is_silent(string label, string statements) => SilentJoin(label, statements);

    [Theory]
    // The first holder is typed wider than List: its reads are not seen as a second reference.
    [InlineData("ilist-first-holder", "IList<Tensor> first = new List<Tensor> { F.sigmoid(a) }; var parts = (List<Tensor>)first; first.Add(F.relu(b));")]
    [InlineData("object-first-holder", "object first = new List<Tensor> { F.sigmoid(a) }; var parts = (List<Tensor>)first; ((List<Tensor>)first).Add(F.relu(b));")]
    [InlineData("ilist-array-first-holder", "IList<Tensor> first = new[] { F.sigmoid(a), F.sigmoid(b) }; var parts = (Tensor[])first; first[0] = F.relu(b);")]
    [InlineData("ilist-returned-then-cast", "var first = MakeAsIList(a); var parts = (List<Tensor>)first; first.Add(F.relu(b));")]
    [InlineData("ienumerable-first-holder-insert", "IEnumerable<Tensor> first = new List<Tensor> { F.sigmoid(a) }; var parts = (List<Tensor>)first; ((List<Tensor>)first).Insert(0, F.relu(b));")]
    public Task A_list_first_held_by_a_wider_typed_variable_is_silent(string label, string statements) => SilentJoin(label, statements);

    [Theory]
    // LINQ that hands back the same object (AsEnumerable, Cast): a library "read" that is a second reference.
    [InlineData("asenumerable-list", "var parts = new List<Tensor> { F.sigmoid(a) }; var seq = parts.AsEnumerable(); ((List<Tensor>)seq).Add(F.relu(b));")]
    [InlineData("cast-list", "var parts = new List<Tensor> { F.sigmoid(a) }; ((List<Tensor>)parts.Cast<Tensor>()).Add(F.relu(b));")]
    [InlineData("asenumerable-array", "var parts = new[] { F.sigmoid(a), F.sigmoid(b) }; var seq = parts.AsEnumerable(); ((Tensor[])seq)[0] = F.relu(b);")]
    // A span over a list's storage.
    [InlineData("foreach-ref-over-array-span", "var parts = new[] { F.sigmoid(a), F.sigmoid(b) }; foreach (ref var t in parts.AsSpan()) t = F.relu(t);")]
    [InlineData("ref-local-into-array-span", "var parts = new[] { F.sigmoid(a), F.sigmoid(b) }; ref var first = ref parts.AsSpan()[0]; first = F.relu(b);")]
    [InlineData("ref-local-into-array-element", "var parts = new[] { F.sigmoid(a), F.sigmoid(b) }; ref var first = ref parts[0]; first = F.relu(b);")]
    [InlineData("collectionsmarshal-span", "var parts = new List<Tensor> { F.sigmoid(a) }; var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(parts); span[0] = F.relu(b);")]
    // A ref local to the variable.
    [InlineData("ref-local-add", "var parts = new List<Tensor>(); ref var r = ref parts; parts = new List<Tensor> { F.sigmoid(a) }; r.Add(F.relu(b));")]
    [InlineData("ref-local-reassign", "var parts = new List<Tensor>(); ref var r = ref parts; parts = new List<Tensor> { F.sigmoid(a) }; r = new List<Tensor> { F.relu(b) };")]
    [InlineData("ref-local-array-write", "var parts = new[] { F.sigmoid(a) }; ref var r = ref parts; parts = new[] { F.sigmoid(a) }; r[0] = F.relu(b);")]
    public Task A_list_reached_through_a_library_view_or_a_ref_local_is_silent(string label, string statements) => SilentJoin(label, statements);

    // ---- An element (a tensor) changed in place by code the body-wide in-place scan does not see.

    [Theory]
    // A source method that changes a tensor in place, called through a delegate.
    [InlineData("delegate-to-source-shift", "var s = F.sigmoid(a); var parts = new List<Tensor> { s }; Action<Tensor> shift = Shift; shift(s);")]
    [InlineData("foreach-method-group-shift", "var s = F.sigmoid(a); var parts = new List<Tensor> { s }; new List<Tensor> { s }.ForEach(Shift);")]
    // The tensor is also kept in a field by the callee that made the list; another helper changes it in place.
    [InlineData("callee-kept-element-shifted", "var parts = MakeKeptList(a); ShiftKept();")]
    // A tensor indexer write changes the element in place (no call ending in _).
    [InlineData("tensor-indexer-write-through-list", "var parts = new List<Tensor> { F.sigmoid(a) }; parts[0][TensorIndex.Ellipsis] = F.relu(b);")]
    [InlineData("tensor-indexer-write-through-variable", "var s = F.sigmoid(a); var parts = new List<Tensor> { s }; s[TensorIndex.Ellipsis] = F.relu(b);")]
    // A functional op asked to work in place.
    [InlineData("dropout-inplace", "var s = F.sigmoid(a); var parts = new List<Tensor> { s }; F.dropout(s, 0.5, true, true);")]
    public Task An_element_changed_in_place_unseen_is_silent(string label, string statements) => SilentJoin(label, statements);

    // ---- The control-flow graph path.

    [Theory]
    // ??= and a chained assignment on the graph: two variables hold the list.
    [InlineData("graph-coalesce-assign", "List<Tensor> parts = null; var alias = parts ??= new List<Tensor> { F.sigmoid(a) }; alias.Add(F.relu(b));")]
    [InlineData("graph-chain", "List<Tensor> alias; var parts = alias = new List<Tensor> { F.sigmoid(a) }; alias.Add(F.relu(b));")]
    [InlineData("graph-conditional-alias", "var parts = new List<Tensor> { F.sigmoid(a) }; var alias = xs.Count > 0 ? parts : null; alias?.Add(F.relu(b));")]
    [InlineData("graph-switch-fill", "var parts = new List<Tensor> { F.sigmoid(a) }; switch (xs.Count) { case 0: Fill(parts); break; default: parts.Add(F.sigmoid(b)); break; }")]
    public Task Graph_path_look_alikes_are_silent(string label, string statements) => SilentJoinOnGraph(label, statements);

    [Fact]
    public Task A_list_changed_before_a_throw_that_a_catch_swallows_is_silent() =>
        Verify.AnalyzerAsync(Step("""
            var parts = new List<Tensor> { F.sigmoid(a) };
            try
            {
                parts.Add(F.relu(b));
                Maybe(b);
                parts = new List<Tensor> { F.sigmoid(b) };
            }
            catch (InvalidOperationException)
            {
            }

            var p = torch.cat(parts, 1);
            return F.binary_cross_entropy(p, target);
            """));

    [Fact]
    public Task A_list_aliased_late_in_a_loop_is_silent_when_joined_early_in_the_next_iteration() =>
        Verify.AnalyzerAsync(Step("""
            var parts = new List<Tensor> { F.sigmoid(a) };
            var alias = new List<Tensor>();
            Tensor loss = null;
            foreach (var x in xs)
            {
                loss = F.binary_cross_entropy(torch.cat(parts, 1), target);
                alias.Add(F.relu(x));
                alias = parts;
            }

            return loss;
            """));

    [Fact]
    public Task A_list_aliased_after_a_backward_goto_is_silent() =>
        Verify.AnalyzerAsync(Step("""
            var parts = new List<Tensor> { F.sigmoid(a) };
            var alias = new List<Tensor>();
            var round = 0;
            Tensor loss = null;
            again:
            loss = F.binary_cross_entropy(torch.cat(parts, 1), target);
            alias.Add(F.relu(b));
            alias = parts;
            if (++round < xs.Count) goto again;
            return loss;
            """));

    // ---- Call sites of a private helper that joins its list parameter.

    [Theory]
    // Another call site gives a list of unknown elements (the public method's parameter).
    [InlineData("site-unknown-list", "return Loss(new List<Tensor> { F.sigmoid(a) }, target) + Loss(xs, target);")]
    // Another call site sits in a lambda.
    [InlineData("site-in-lambda", "Func<Tensor> other = () => Loss(new List<Tensor> { F.relu(b) }, target); return Loss(new List<Tensor> { F.sigmoid(a) }, target) + other();")]
    // The helper is also used as a method group, called with anything.
    [InlineData("site-method-group", "Func<List<Tensor>, Tensor, Tensor> g = Loss; return Loss(new List<Tensor> { F.sigmoid(a) }, target) + g(new List<Tensor> { F.relu(b) }, target);")]
    // The helper recurses with a list it changed.
    [InlineData("site-recursion", "return Recurse(new List<Tensor> { F.sigmoid(a) }, 2, target);")]
    // A call site's list is also in a field that the helper's own callee changes.
    [InlineData("site-field-chained", "List<Tensor> parts; parts = saved = new List<Tensor> { F.sigmoid(a) }; return RefillThenLoss(parts, target);")]
    public Task A_private_helper_joining_its_list_parameter_is_silent_when_a_call_site_disagrees(string label, string statements) =>
        Verify.AnalyzerAsync(Step(statements, """
            static Tensor Loss(List<Tensor> l, Tensor t) => F.binary_cross_entropy(torch.cat(l, 1), t);
            static Tensor Recurse(List<Tensor> l, int n, Tensor t)
            {
                if (n == 0) return F.binary_cross_entropy(torch.cat(l, 1), t);
                l.Add(F.relu(l[0]));
                return Recurse(l, n - 1, t);
            }
            static Tensor RefillThenLoss(List<Tensor> l, Tensor t) { Refill(); return F.binary_cross_entropy(torch.cat(l, 1), t); }
            """) + Labelled(label));

    // ---- Members, iterators, async.

    [Fact]
    public Task A_list_field_filled_in_the_constructor_whose_element_another_method_changes_in_place_is_silent() =>
        Verify.AnalyzerAsync("""
            using System.Collections.Generic;
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly List<Tensor> parts = new List<Tensor>();

                public Net(Tensor a) : base("net")
                {
                    parts.Add(F.sigmoid(a));
                }

                public void Shift() => parts[0].sub_(0.5);

                public override Tensor forward(Tensor t) => Join(parts, t);

                private static Tensor Join(List<Tensor> l, Tensor t) => F.binary_cross_entropy(torch.cat(l, 1), t);
            }
            """);

    [Fact]
    public Task An_iterator_that_yields_an_element_before_joining_is_silent() =>
        Verify.AnalyzerAsync("""
            using System.Collections.Generic;
            using TorchSharp;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Losses
            {
                static IEnumerable<Tensor> Steps(Tensor a, Tensor t)
                {
                    var parts = new List<Tensor> { F.sigmoid(a) };
                    yield return parts[0];
                    yield return F.binary_cross_entropy(torch.cat(parts, 1), t);
                }

                public static Tensor Run(Tensor a, Tensor t)
                {
                    Tensor last = null;
                    foreach (var x in Steps(a, t))
                    {
                        x.sub_(0.5);
                        last = x;
                    }

                    return last;
                }
            }
            """);

    [Fact]
    public Task An_iterator_that_yields_the_list_as_a_sequence_before_joining_is_silent() =>
        Verify.AnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using TorchSharp;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Losses
            {
                static IEnumerable<object> Steps(Tensor a, Tensor t)
                {
                    var parts = new List<Tensor> { F.sigmoid(a) };
                    yield return parts.AsEnumerable();
                    yield return F.binary_cross_entropy(torch.cat(parts, 1), t);
                }

                public static void Run(Tensor a, Tensor b, Tensor t)
                {
                    foreach (var x in Steps(a, t))
                    {
                        if (x is List<Tensor> list) list.Add(F.relu(b));
                    }
                }
            }
            """);

    [Fact]
    public Task An_async_method_whose_list_a_task_changes_is_silent() =>
        Verify.AnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using TorchSharp;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Losses
            {
                static void Fill(List<Tensor> l, Tensor b) => l.Add(F.relu(b));

                public static async Task<Tensor> Step(Tensor a, Tensor b, Tensor t)
                {
                    var parts = new List<Tensor> { F.sigmoid(a) };
                    var pending = Task.Run(() => Fill(parts, b));
                    await Task.Yield();
                    var p = torch.cat(parts, 1);
                    await pending;
                    return F.binary_cross_entropy(p, t);
                }
            }
            """);

    [Theory]
    // The parameter is a reference to a static field that a helper reassigns while the callee runs.
    [InlineData("in-parameter", "saved = new List<Tensor> { F.sigmoid(a) }; return JoinIn(in saved, target);")]
    [InlineData("ref-parameter", "saved = new List<Tensor> { F.sigmoid(a) }; return JoinRef(ref saved, target);")]
    public Task A_by_reference_list_parameter_whose_variable_is_reassigned_during_the_call_is_silent(string label, string statements) =>
        Verify.AnalyzerAsync(Step(statements, """
            static void Reassign() => saved = new List<Tensor> { F.relu(b0) };
            static Tensor JoinIn(in List<Tensor> l, Tensor t) { Reassign(); return F.binary_cross_entropy(torch.cat(l, 1), t); }
            static Tensor JoinRef(ref List<Tensor> l, Tensor t) { Reassign(); return F.binary_cross_entropy(torch.cat(l, 1), t); }
            """) + Labelled(label));

    [Theory]
    // Odd shapes that must neither crash (AD0001) nor report.
    [InlineData("crash-spread", "List<Tensor> parts = [.. xs, F.sigmoid(a)]; parts.Add(F.relu(b));")]
    [InlineData("crash-capacity-and-initializer", "var parts = new List<Tensor>(capacity: xs.Count) { F.sigmoid(a) }; parts.Add(F.relu(b));")]
    [InlineData("crash-nested-each", "var all = new List<List<Tensor>>(); foreach (var x in xs) all.Add(new List<Tensor> { F.sigmoid(x) }); var parts = all.Count > 0 ? all[0] : new List<Tensor>(); parts.Add(F.relu(b));")]
    [InlineData("crash-self-add", "var parts = new List<Tensor> { F.sigmoid(a) }; foreach (var x in xs) parts.Add(parts[parts.Count - 1]); parts.Add(F.relu(b));")]
    [InlineData("crash-deconstruct-nested", "var ((parts, n), m) = ((new List<Tensor> { F.sigmoid(a) }, 1), 2); parts.Add(F.relu(b));")]
    [InlineData("crash-empty-join", "var parts = new List<Tensor>();")]
    public Task Odd_shapes_neither_crash_nor_report(string label, string statements) => SilentJoin(label, statements);

    [Fact]
    public Task A_params_array_kept_in_a_field_and_changed_by_a_helper_is_silent_when_copied_to_a_local_and_joined() =>
        Verify.AnalyzerAsync(Step("return JoinAll(target, F.sigmoid(a), F.sigmoid(b));", """
            static Tensor[] held = new Tensor[0];
            static void Touch() { if (held.Length > 0) held[0] = F.relu(held[0]); }
            static Tensor JoinAll(Tensor t, params Tensor[] ps)
            {
                held = ps;
                Touch();
                var parts = ps;
                return F.binary_cross_entropy(torch.cat(parts, 1), t);
            }
            """));

    [Fact]
    public Task A_list_parameter_typed_wider_and_cast_in_the_helper_is_silent() =>
        Verify.AnalyzerAsync(Step("return Join(new List<Tensor> { F.sigmoid(a) }, target);", """
            static Tensor Join(IList<Tensor> l, Tensor t)
            {
                var parts = (List<Tensor>)l;
                l.Add(F.relu(l[0]));
                return F.binary_cross_entropy(torch.cat(parts, 1), t);
            }
            """));
}
