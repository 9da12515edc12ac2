using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// Look-alikes for deciding null checks on modules (<c>if (act != null) x = act.call(x)</c>): values that may be null
/// after all (library calls typed as a module, <c>as</c> casts, <c>ref</c> writes, fields nulled by lambdas or nested
/// types, delegate fields before assignment, fields across <c>await</c>). Each must stay silent; the controls are reported.
/// </summary>
public sealed class NullCheckSoundnessTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        """;

    private const string Support = """
        public struct Slot
        {
            public TorchSharp.Modules.Softmax? Act;
            public Slot(TorchSharp.Modules.Softmax? act) { Act = act; }
            public void Clear() => Act = null;
        }

        public sealed record Cfg(TorchSharp.Modules.Softmax? Act);
        public record struct CfgStruct(TorchSharp.Modules.Softmax? Act);

        internal static class Helpers
        {
            public static void ClearRef(ref TorchSharp.Modules.Softmax? a) => a = null;
            public static void MaybeClear(bool f, ref TorchSharp.Modules.Softmax? a) { if (f) a = null; }
            public static void MaybeTake(bool f, out TorchSharp.Modules.Softmax? a) => a = f ? Softmax(1) : null;
            public static void Wipe(TorchSharp.Modules.Softmax?[] a) => a[0] = null;
            public static (TorchSharp.Modules.Softmax? A, int K) Pair(bool f) => (f ? Softmax(1) : null, 1);
            public static void ResetTuple(ref (TorchSharp.Modules.Softmax? a, int k) t) => t = (null, 0);
            public static bool IsMissing<T>(T value) => value is null || value == null;
        }

        """;

    [Theory]
    [InlineData("As_cast_that_fails")]
    [InlineData("As_cast_that_fails_is_not_null")]
    [InlineData("FirstOrDefault_of_list")]
    [InlineData("GetValueOrDefault_of_dictionary")]
    [InlineData("TryGetValue_out")]
    [InlineData("Find_of_list")]
    [InlineData("Interlocked_exchange_on_local")]
    [InlineData("Interlocked_exchange_result")]
    [InlineData("Volatile_read_result")]
    [InlineData("Interlocked_compare_exchange_on_local")]
    [InlineData("Ref_local_alias_nulled")]
    [InlineData("Lambda_invoked_nulls")]
    [InlineData("Lambda_given_to_library_nulls")]
    [InlineData("Local_function_nulls")]
    [InlineData("Local_function_maybe_nulls")]
    [InlineData("Static_lambda_field_nulls_via_ref")]
    [InlineData("Own_helper_maybe_clears_ref")]
    [InlineData("Own_helper_out_maybe_null")]
    [InlineData("Try_catch_leaves_null")]
    [InlineData("Try_finally_nulls")]
    [InlineData("Foreach_may_not_run")]
    [InlineData("For_may_not_run")]
    [InlineData("For_constant_zero")]
    [InlineData("While_break")]
    [InlineData("Do_while_nulls_later")]
    [InlineData("Conditional")]
    [InlineData("Switch_expression")]
    [InlineData("Switch_statement")]
    [InlineData("Default_bang_then_conditional")]
    [InlineData("Goto_skips")]
    [InlineData("Array_element_written_null")]
    [InlineData("Array_clear")]
    [InlineData("Array_new_sized")]
    [InlineData("Array_helper_wipes")]
    [InlineData("Array_span_write")]
    [InlineData("Array_alias_write")]
    [InlineData("Array_reverse")]
    [InlineData("Array_resize")]
    [InlineData("Collection_expression_written")]
    [InlineData("Foreach_array_with_null")]
    [InlineData("List_element_written_null")]
    [InlineData("List_reverse")]
    [InlineData("List_insert")]
    [InlineData("List_remove_at")]
    [InlineData("List_clear_add")]
    [InlineData("List_sort")]
    [InlineData("Dictionary_indexer_overwritten")]
    [InlineData("Tuple_element_written_null")]
    [InlineData("Tuple_reassigned")]
    [InlineData("Tuple_swap_deconstruction")]
    [InlineData("Tuple_deconstruct_from_helper")]
    [InlineData("Tuple_ref_reset")]
    [InlineData("Struct_field_written_null")]
    [InlineData("Struct_method_clears")]
    [InlineData("Struct_default")]
    [InlineData("Struct_copied_then_original_cleared")]
    [InlineData("Record_with")]
    [InlineData("Record_struct_with")]
    [InlineData("Lazy_value")]
    [InlineData("Lazy_value_conditional")]
    [InlineData("Is_declaration_pattern_fails")]
    [InlineData("Property_pattern_maybe_null")]
    [InlineData("Null_forgiving")]
    [InlineData("Dynamic_maybe_null")]
    [InlineData("Dynamic_made")]
    [InlineData("Object_equals_string_constant")]
    [InlineData("Nullable_value_types")]
    [InlineData("Null_equals_null")]
    [InlineData("Reference_equals")]
    [InlineData("Generic_is_null_unconstrained")]
    [InlineData("Async_lambda_nulls")]
    [InlineData("Task_run_nulls")]
    [InlineData("Coalesce_assign_null")]
    [InlineData("Coalesce_with_null")]
    [InlineData("Enumerable_empty_first_or_default")]
    [InlineData("Activator_create_as")]
    [InlineData("Parameter_compared_with_made")]
    public Task Local_may_be_null_is_silent(string name) =>
        Verify.AnalyzerAsync(Usings + Support + """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y, bool flag, int n, string s, object o, List<int> items,
                    List<TorchSharp.Modules.Softmax> softmaxes, Dictionary<string, TorchSharp.Modules.Softmax> named)
                {
                    var h = Linear(8, 3).call(x);
            """ + Bodies[name] + """

                    return functional.cross_entropy(h, y);
                }
            }
            """);

    private static readonly System.Collections.Generic.Dictionary<string, string> Bodies = new()
    {
        ["As_cast_that_fails"] = "object boxed = Softmax(1); var act = boxed as TorchSharp.Modules.ReLU; if (act != null) h = act.call(h);",
        ["As_cast_that_fails_is_not_null"] = "object boxed = Softmax(1); var act = boxed as TorchSharp.Modules.LogSoftmax; if (act is not null) h = act.call(h);",
        ["FirstOrDefault_of_list"] = "var act = softmaxes.FirstOrDefault(); if (act != null) h = act.call(h);",
        ["GetValueOrDefault_of_dictionary"] = "var act = named.GetValueOrDefault(\"a\"); if (act is not null) h = act.call(h);",
        ["TryGetValue_out"] = "named.TryGetValue(\"a\", out var act); if (act != null) h = act.call(h);",
        ["Find_of_list"] = "var act = softmaxes.Find(m => m is null); if (act != null) h = act.call(h);",
        ["Interlocked_exchange_on_local"] = "TorchSharp.Modules.Softmax? act = Softmax(1); Interlocked.Exchange(ref act, null); if (act != null) h = act.call(h);",
        ["Interlocked_exchange_result"] = "TorchSharp.Modules.Softmax? slot = flag ? Softmax(1) : null; var act = Interlocked.Exchange(ref slot, null); if (act != null) h = act.call(h);",
        ["Volatile_read_result"] = "TorchSharp.Modules.Softmax? slot = flag ? Softmax(1) : null; var act = Volatile.Read(ref slot); if (act != null) h = act.call(h);",
        ["Interlocked_compare_exchange_on_local"] = "TorchSharp.Modules.Softmax? act = Softmax(1); Interlocked.CompareExchange(ref act, null, act); if (act != null) h = act.call(h);",
        ["Ref_local_alias_nulled"] = "TorchSharp.Modules.Softmax? act = Softmax(1); ref var r = ref act; r = null; if (act != null) h = act.call(h);",
        ["Lambda_invoked_nulls"] = "TorchSharp.Modules.Softmax? act = Softmax(1); Action clear = () => act = null; clear(); if (act != null) h = act.call(h);",
        ["Lambda_given_to_library_nulls"] = "TorchSharp.Modules.Softmax? act = Softmax(1); items.ForEach(_ => act = null); if (act != null) h = act.call(h);",
        ["Local_function_nulls"] = "TorchSharp.Modules.Softmax? act = Softmax(1); void Clear() => act = null; Clear(); if (act != null) h = act.call(h);",
        ["Local_function_maybe_nulls"] = "TorchSharp.Modules.Softmax? act = Softmax(1); void Clear() { if (flag) act = null; } Clear(); if (act != null) h = act.call(h);",
        ["Static_lambda_field_nulls_via_ref"] = "TorchSharp.Modules.Softmax? act = Softmax(1); Helpers.ClearRef(ref act); if (act != null) h = act.call(h);",
        ["Own_helper_maybe_clears_ref"] = "TorchSharp.Modules.Softmax? act = Softmax(1); Helpers.MaybeClear(flag, ref act); if (act != null) h = act.call(h);",
        ["Own_helper_out_maybe_null"] = "TorchSharp.Modules.Softmax? act = Softmax(1); Helpers.MaybeTake(flag, out act); if (act != null) h = act.call(h);",
        ["Try_catch_leaves_null"] = "TorchSharp.Modules.Softmax? act = Softmax(1); try { act = null; n = int.Parse(s); act = Softmax(1); } catch (FormatException) { } if (act != null) h = act.call(h);",
        ["Try_finally_nulls"] = "TorchSharp.Modules.Softmax? act = Softmax(1); try { n = int.Parse(s); } finally { if (flag) act = null; } if (act != null) h = act.call(h);",
        ["Foreach_may_not_run"] = "TorchSharp.Modules.Softmax? act = null; foreach (var _ in items) act = Softmax(1); if (act != null) h = act.call(h);",
        ["For_may_not_run"] = "TorchSharp.Modules.Softmax? act = null; for (var i = 0; i < n; i++) act = Softmax(1); if (act != null) h = act.call(h);",
        ["For_constant_zero"] = "TorchSharp.Modules.Softmax? act = null; for (var i = 0; i < 0; i++) act = Softmax(1); if (act != null) h = act.call(h);",
        ["While_break"] = "TorchSharp.Modules.Softmax? act = null; while (flag) { act = Softmax(1); break; } if (act != null) h = act.call(h);",
        ["Do_while_nulls_later"] = "TorchSharp.Modules.Softmax? act = Softmax(1); do { if (n > 3) act = null; n--; } while (n > 0); if (act != null) h = act.call(h);",
        ["Conditional"] = "var act = flag ? Softmax(1) : null; if (act != null) h = act.call(h);",
        ["Switch_expression"] = "var act = n switch { 0 => Softmax(1), _ => (TorchSharp.Modules.Softmax?)null }; if (act is not null) h = act.call(h);",
        ["Switch_statement"] = "TorchSharp.Modules.Softmax? act = default; switch (n) { case 0: act = Softmax(1); break; default: break; } if (act != null) h = act.call(h);",
        ["Default_bang_then_conditional"] = "TorchSharp.Modules.Softmax? act = default!; if (flag) act = Softmax(1); if (act != null) h = act.call(h);",
        ["Goto_skips"] = "TorchSharp.Modules.Softmax? act = null; if (flag) goto skip; act = Softmax(1); skip: if (act != null) h = act.call(h);",
        ["Array_element_written_null"] = "var acts = new TorchSharp.Modules.Softmax?[] { Softmax(1) }; acts[0] = null; var act = acts[0]; if (act != null) h = act.call(h);",
        ["Array_clear"] = "var acts = new TorchSharp.Modules.Softmax?[] { Softmax(1) }; Array.Clear(acts); var act = acts[0]; if (act != null) h = act.call(h);",
        ["Array_new_sized"] = "var acts = new TorchSharp.Modules.Softmax?[3]; var act = acts[0]; if (act != null) h = act.call(h);",
        ["Array_helper_wipes"] = "var acts = new TorchSharp.Modules.Softmax?[] { Softmax(1) }; Helpers.Wipe(acts); var act = acts[0]; if (act != null) h = act.call(h);",
        ["Array_span_write"] = "var acts = new TorchSharp.Modules.Softmax?[] { Softmax(1) }; var span = acts.AsSpan(); span[0] = null; var act = acts[0]; if (act != null) h = act.call(h);",
        ["Array_alias_write"] = "var acts = new TorchSharp.Modules.Softmax?[] { Softmax(1) }; var other = acts; other[0] = null; var act = acts[0]; if (act != null) h = act.call(h);",
        ["Array_reverse"] = "var acts = new TorchSharp.Modules.Softmax?[] { null, Softmax(1) }; Array.Reverse(acts); var act = acts[1]; if (act != null) h = act.call(h);",
        ["Array_resize"] = "var acts = new TorchSharp.Modules.Softmax?[] { Softmax(1) }; Array.Resize(ref acts, 2); acts[0] = null; var act = acts[0]; if (act != null) h = act.call(h);",
        ["Collection_expression_written"] = "TorchSharp.Modules.Softmax?[] acts = [Softmax(1)]; acts[0] = null; var act = acts[0]; if (act != null) h = act.call(h);",
        ["Foreach_array_with_null"] = "foreach (var act in new TorchSharp.Modules.Softmax?[] { null }) { if (act != null) h = act.call(h); }",
        ["List_element_written_null"] = "var acts = new List<TorchSharp.Modules.Softmax?> { Softmax(1) }; acts[0] = null; var act = acts[0]; if (act != null) h = act.call(h);",
        ["List_reverse"] = "var acts = new List<TorchSharp.Modules.Softmax?> { null, Softmax(1) }; acts.Reverse(); var act = acts[1]; if (act != null) h = act.call(h);",
        ["List_insert"] = "var acts = new List<TorchSharp.Modules.Softmax?> { Softmax(1) }; acts.Insert(0, null); var act = acts[0]; if (act != null) h = act.call(h);",
        ["List_remove_at"] = "var acts = new List<TorchSharp.Modules.Softmax?> { Softmax(1), null }; acts.RemoveAt(0); var act = acts[0]; if (act != null) h = act.call(h);",
        ["List_clear_add"] = "var acts = new List<TorchSharp.Modules.Softmax?> { Softmax(1) }; acts.Clear(); acts.Add(null); var act = acts[0]; if (act != null) h = act.call(h);",
        ["List_sort"] = "var acts = new List<TorchSharp.Modules.Softmax?> { Softmax(1), null }; acts.Sort((a, b) => a is null ? -1 : 1); var act = acts[1]; if (act != null) h = act.call(h);",
        ["Dictionary_indexer_overwritten"] = "var d = new Dictionary<string, TorchSharp.Modules.Softmax?> { [\"a\"] = Softmax(1) }; d[\"a\"] = null; var act = d[\"a\"]; if (act != null) h = act.call(h);",
        ["Tuple_element_written_null"] = "(TorchSharp.Modules.Softmax? a, int k) t = (Softmax(1), 1); t.a = null; if (t.a != null) h = t.a.call(h);",
        ["Tuple_reassigned"] = "var t = (a: (TorchSharp.Modules.Softmax?)Softmax(1), k: 1); t = (null, 2); var act = t.a; if (act != null) h = act.call(h);",
        ["Tuple_swap_deconstruction"] = "TorchSharp.Modules.Softmax? a = Softmax(1); TorchSharp.Modules.Softmax? b = null; (a, b) = (b, a); if (a != null) h = a.call(h);",
        ["Tuple_deconstruct_from_helper"] = "var (a, _) = Helpers.Pair(flag); if (a != null) h = a.call(h);",
        ["Tuple_ref_reset"] = "(TorchSharp.Modules.Softmax? a, int k) t = (Softmax(1), 1); Helpers.ResetTuple(ref t); if (t.a != null) h = t.a.call(h);",
        ["Struct_field_written_null"] = "var p = new Slot(Softmax(1)); p.Act = null; if (p.Act != null) h = p.Act.call(h);",
        ["Struct_method_clears"] = "var p = new Slot(Softmax(1)); p.Clear(); if (p.Act != null) h = p.Act.call(h);",
        ["Struct_default"] = "Slot p = default; if (p.Act != null) h = p.Act.call(h);",
        ["Struct_copied_then_original_cleared"] = "var p = new Slot(Softmax(1)); ref var q = ref p; q.Act = null; if (p.Act != null) h = p.Act.call(h);",
        ["Record_with"] = "var c = new Cfg(Softmax(1)); var d = c with { Act = null }; if (d.Act != null) h = d.Act.call(h);",
        ["Record_struct_with"] = "var c = new CfgStruct(Softmax(1)); var d = c with { Act = null }; if (d.Act != null) h = d.Act.call(h);",
        ["Lazy_value"] = "var lazy = new Lazy<TorchSharp.Modules.Softmax?>(() => null); var act = lazy.Value; if (act != null) h = act.call(h);",
        ["Lazy_value_conditional"] = "var lazy = new Lazy<TorchSharp.Modules.Softmax?>(() => flag ? Softmax(1) : null); var act = lazy.Value; if (act != null) h = act.call(h);",
        ["Is_declaration_pattern_fails"] = "object boxed = Softmax(1); if (boxed is TorchSharp.Modules.ReLU r) h = r.call(h);",
        ["Property_pattern_maybe_null"] = "var act = flag ? Softmax(1) : null; if (act is { } a) h = a.call(h);",
        ["Null_forgiving"] = "TorchSharp.Modules.Softmax? act = flag ? Softmax(1) : null!; if (act! != null) h = act.call(h);",
        ["Dynamic_maybe_null"] = "dynamic act = flag ? (dynamic)Softmax(1) : null!; if (act != null) h = act.call(h);",
        ["Dynamic_made"] = "dynamic act = Softmax(1); if (act == null) h = act.call(h);",
        ["Object_equals_string_constant"] = "object boxed = Softmax(1); if (boxed == (object)\"x\") h = ((TorchSharp.Modules.Softmax)boxed).call(h);",
        ["Nullable_value_types"] = "int? k = flag ? 1 : null; if (k != null) n = k.Value; bool? t = null; if (t == null) n++; if (k is null) n--; if (k is not null) n++;",
        ["Null_equals_null"] = "if ((object?)null == null) n++; if (default(object) is null) n++;",
        ["Reference_equals"] = "var act = flag ? Softmax(1) : null; if (!ReferenceEquals(act, null)) h = act!.call(h);",
        ["Generic_is_null_unconstrained"] = "if (!Helpers.IsMissing(flag ? Softmax(1) : null)) n++; if (Helpers.IsMissing(n)) n++;",
        ["Async_lambda_nulls"] = "TorchSharp.Modules.Softmax? act = Softmax(1); Func<Task> clear = async () => { await Task.Yield(); act = null; }; clear().Wait(); if (act != null) h = act.call(h);",
        ["Task_run_nulls"] = "TorchSharp.Modules.Softmax? act = Softmax(1); Task.Run(() => act = null).Wait(); if (act != null) h = act.call(h);",
        ["Coalesce_assign_null"] = "TorchSharp.Modules.Softmax? act = flag ? Softmax(1) : null; act ??= null; if (act != null) h = act.call(h);",
        ["Coalesce_with_null"] = "var act = (flag ? Softmax(1) : null) ?? softmaxes.FirstOrDefault(); if (act != null) h = act.call(h);",
        ["Enumerable_empty_first_or_default"] = "var act = Enumerable.Empty<TorchSharp.Modules.Softmax>().FirstOrDefault(); if (act != null) h = act.call(h);",
        ["Activator_create_as"] = "var act = Activator.CreateInstance(typeof(string)) as TorchSharp.Modules.Softmax; if (act != null) h = act.call(h);",
        ["Parameter_compared_with_made"] = "var made = Softmax(1); if (o != made) n++; if (o == null) n++;",
    };

    private const string Forward = """
            public override Tensor forward(Tensor x)
            {
                var h = linear.call(x);
                if (activation != null)
                {
                    h = activation.call(h);
                }
                return h;
            }
        """;

    private static string Model(string name, string members, string use = "") =>
        Usings + Support + "public sealed class " + name + " : Module<Tensor, Tensor>\n{\n"
        + "    private readonly Module<Tensor, Tensor> linear = Linear(8, 3);\n"
        + members + "\n" + Forward + "\n}\n" + use;

    private static string Batch(string expression, string parameters = "") =>
        "public static class Local\n{\n    public static Tensor Batch(Tensor x, Tensor y, bool flag" + parameters + ")\n    {\n        return functional.cross_entropy("
        + expression + ", y);\n    }\n}\n";

    // ---- controls: the engine does see a made activation (should report) ----

    [Fact]
    public Task Control_first_of_list_applied_unguarded_reports() =>
        Verify.AnalyzerAsync(Usings + """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y, List<TorchSharp.Modules.Softmax> softmaxes)
                {
                    var h = Linear(8, 3).call(x);
                    var act = softmaxes.First();
                    h = act.call(h);
                    return functional.cross_entropy({|#0:h|}, y);
                }
            }
            """, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));

    [Fact]
    public Task Control_as_cast_applied_unguarded_reports() =>
        Verify.AnalyzerAsync(Usings + """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var h = Linear(8, 3).call(x);
                    object boxed = Softmax(1);
                    var act = boxed as TorchSharp.Modules.ReLU;
                    h = act!.call(h);
                    return functional.cross_entropy({|#0:h|}, y);
                }
            }
            """, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));

    [Fact]
    public Task Primary_constructor_does_not_assign() =>
        Verify.AnalyzerAsync(Usings + Support + """
            public sealed class P(int n) : Module<Tensor, Tensor>("P")
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private readonly TorchSharp.Modules.Softmax? activation;
                private readonly int size = n;
                public P() : this(3) { activation = Softmax(1); }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (activation != null) h = activation.call(h);
                    return h;
                }
            }
            """ + Batch("new P(2).call(x)"));

    [Fact]
    public Task Constructor_lambda_stored_nulls_field() =>
        Verify.AnalyzerAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public readonly Action Disable;
                public M() : base("M") { activation = Softmax(1); Disable = () => activation = null; RegisterComponents(); }
            """, """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var m = new M();
                    m.Disable();
                    return functional.cross_entropy(m.call(x), y);
                }
            }
            """));

    [Fact]
    public Task Constructor_local_function_stored_nulls_field() =>
        Verify.AnalyzerAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public readonly Action Disable;
                public M() : base("M") { activation = Softmax(1); void Off() { activation = null; } Disable = Off; RegisterComponents(); }
            """, """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var m = new M();
                    m.Disable();
                    return functional.cross_entropy(m.call(x), y);
                }
            }
            """));

    [Fact]
    public Task Nested_class_nulls_private_field() =>
        Verify.AnalyzerAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                public static class Switch { public static void Off(M m) => m.activation = null; }
            """, """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var m = new M();
                    M.Switch.Off(m);
                    return functional.cross_entropy(m.call(x), y);
                }
            }
            """));

    [Fact]
    public Task Interlocked_exchange_in_method_nulls_field() =>
        Verify.AnalyzerAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                public void Off() => Interlocked.Exchange(ref activation, null);
            """, Batch("new M().call(x)")));

    [Fact]
    public Task Own_ref_helper_in_method_nulls_field() =>
        Verify.AnalyzerAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                public void Off() => Helpers.ClearRef(ref activation);
            """, Batch("new M().call(x)")));

    [Fact]
    public Task Ref_returning_property_lets_caller_null_field() =>
        Verify.AnalyzerAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                public ref TorchSharp.Modules.Softmax? Slot => ref activation;
            """, """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var m = new M();
                    m.Slot = null;
                    return functional.cross_entropy(m.call(x), y);
                }
            }
            """));

    [Fact]
    public Task Ref_local_in_method_nulls_field() =>
        Verify.AnalyzerAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                public void Off() { ref var r = ref activation; r = null; }
            """, Batch("new M().call(x)")));

    [Fact]
    public Task Deconstruction_in_method_nulls_field() =>
        Verify.AnalyzerAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                private int count;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                public void Off() => (activation, count) = (null, 0);
            """, Batch("new M().call(x)")));

    [Fact]
    public Task Out_argument_in_method_nulls_field() =>
        Verify.AnalyzerAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                public void Off(bool f) => Helpers.MaybeTake(f, out activation);
            """, Batch("new M().call(x)")));

    [Fact]
    public Task Dispose_nulls_field() =>
        Verify.AnalyzerAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                protected override void Dispose(bool disposing) { activation = null; base.Dispose(disposing); }
            """, Batch("new M().call(x)")));

    [Fact]
    public Task Object_initializer_in_own_factory_nulls_field() =>
        Verify.AnalyzerAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation = Softmax(1);
                public M() : base("M") { RegisterComponents(); }
                public static M Bare() => new M { activation = null };
            """, Batch("M.Bare().call(x)")));

    [Fact]
    public Task Internal_field_nulled_by_other_class() =>
        Verify.AnalyzerAsync(Model("M", """
                internal TorchSharp.Modules.Softmax? activation;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
            """, """
            internal static class Tweaks { public static void Off(M m) => m.activation = null; }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var m = new M();
                    Tweaks.Off(m);
                    return functional.cross_entropy(m.call(x), y);
                }
            }
            """));

    [Fact]
    public Task Constructor_early_return() =>
        Verify.AnalyzerAsync(Model("M", """
                private readonly TorchSharp.Modules.Softmax? activation;
                public M(int n) : base("M") { RegisterComponents(); if (n == 0) return; activation = Softmax(1); }
            """, Batch("new M(0).call(x)")));

    [Fact]
    public Task Constructor_catch_leaves_null() =>
        Verify.AnalyzerAsync(Model("M", """
                private readonly TorchSharp.Modules.Softmax? activation;
                public M(string s) : base("M") { RegisterComponents(); try { _ = int.Parse(s); activation = Softmax(1); } catch (FormatException) { } }
            """, Batch("new M(\"x\").call(x)")));

    [Fact]
    public Task Constructor_conditional_on_unknown_flag() =>
        Verify.AnalyzerAsync(Model("M", """
                private readonly TorchSharp.Modules.Softmax? activation;
                public M(bool useActivation) : base("M") { if (useActivation) activation = Softmax(1); RegisterComponents(); }
            """, Batch("new M(flag).call(x)")));

    [Fact]
    public Task Constructor_conditional_on_false() =>
        Verify.AnalyzerAsync(Model("M", """
                private readonly TorchSharp.Modules.Softmax? activation;
                public M(bool useActivation) : base("M") { if (useActivation) activation = Softmax(1); RegisterComponents(); }
            """, Batch("new M(false).call(x)")));

    [Fact]
    public Task Constructor_sets_then_interlocked_clears() =>
        Verify.AnalyzerAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public M(bool off) : base("M") { activation = Softmax(1); if (off) Interlocked.Exchange(ref activation, null); RegisterComponents(); }
            """, Batch("new M(flag).call(x)")));

    [Fact]
    public Task Constructor_sets_then_ref_helper_clears() =>
        Verify.AnalyzerAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public M(bool off) : base("M") { activation = Softmax(1); Helpers.MaybeClear(off, ref activation); RegisterComponents(); }
            """, Batch("new M(flag).call(x)")));

    [Fact]
    public Task Constructor_sets_then_static_kill_this() =>
        Verify.AnalyzerAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public M(bool off) : base("M") { activation = Softmax(1); if (off) Kill(this); RegisterComponents(); }
                private static void Kill(M m) => m.activation = null;
            """, Batch("new M(flag).call(x)")));

    [Fact]
    public Task Constructor_given_maybe_null_activation() =>
        Verify.AnalyzerAsync(Model("M", """
                private readonly Module<Tensor, Tensor>? activation;
                public M(Module<Tensor, Tensor>? activation) : base("M") { this.activation = activation; RegisterComponents(); }
            """, Batch("new M(flag ? Softmax(1) : null).call(x)")));

    [Fact]
    public Task Constructor_runs_forward_into_loss_before_assigning() =>
        Verify.AnalyzerAsync(Usings + Support + """
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private readonly TorchSharp.Modules.Softmax? activation;
                public readonly Tensor Probe;
                public M(Tensor x0, Tensor y0) : base("M")
                {
                    Probe = functional.cross_entropy(Run(x0), y0);
                    activation = Softmax(1);
                    RegisterComponents();
                }
                private Tensor Run(Tensor x)
                {
                    var h = linear.call(x);
                    if (activation != null) h = activation.call(h);
                    return h;
                }
                public override Tensor forward(Tensor x) => linear.call(x);
            }
            """);

    [Fact]
    public Task Tuple_field_changed_in_place() =>
        Verify.AnalyzerAsync(Usings + Support + """
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private (TorchSharp.Modules.Softmax? act, int k) cfg;
                public M() : base("M") { cfg = (Softmax(1), 1); RegisterComponents(); }
                public void Off() => cfg.act = null;
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (cfg.act != null) h = cfg.act.call(h);
                    return h;
                }
            }
            """ + Batch("new M().call(x)"));

    [Fact]
    public Task Struct_field_changed_in_place() =>
        Verify.AnalyzerAsync(Usings + Support + """
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private Slot slot;
                public M() : base("M") { slot = new Slot(Softmax(1)); RegisterComponents(); }
                public void Off() => slot.Act = null;
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (slot.Act != null) h = slot.Act.call(h);
                    return h;
                }
            }
            """ + Batch("new M().call(x)"));

    [Fact]
    public Task Array_field_element_nulled() =>
        Verify.AnalyzerAsync(Usings + Support + """
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private readonly TorchSharp.Modules.Softmax?[] acts = { Softmax(1) };
                public M() : base("M") { RegisterComponents(); }
                public void Off() => acts[0] = null;
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    var act = acts[0];
                    if (act != null) h = act.call(h);
                    return h;
                }
            }
            """ + Batch("new M().call(x)"));

    [Fact]
    public Task Lazy_field() =>
        Verify.AnalyzerAsync(Usings + Support + """
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private readonly Lazy<TorchSharp.Modules.Softmax?> act;
                public M(bool f) : base("M") { act = new Lazy<TorchSharp.Modules.Softmax?>(() => f ? Softmax(1) : null); RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    var a = act.Value;
                    if (a != null) h = a.call(h);
                    return h;
                }
            }
            """ + Batch("new M(flag).call(x)"));

    [Fact]
    public Task Derived_constructor_nulls_protected_base_field() =>
        Verify.AnalyzerAsync(Usings + Support + """
            public class B : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                protected TorchSharp.Modules.Softmax? activation;
                public B() : base("B") { activation = Softmax(1); RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (activation != null) h = activation.call(h);
                    return h;
                }
            }
            public sealed class D : B { public D() { activation = null; } }
            """ + Batch("new D().call(x)"));

    [Fact]
    public Task Base_virtual_hook_in_constructor_nulls_field() =>
        Verify.AnalyzerAsync(Usings + Support + """
            public class B : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                protected TorchSharp.Modules.Softmax? activation;
                public B() : base("B") { activation = Softmax(1); Configure(); RegisterComponents(); }
                protected virtual void Configure() { }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (activation != null) h = activation.call(h);
                    return h;
                }
            }
            public sealed class D : B { protected override void Configure() => activation = null; }
            """ + Batch("new D().call(x)"));

    // ---- trainer fields (this object's state) ----

    private static string Trainer(string members, string beforeCheck) => Usings + Support + """
        public sealed class Trainer
        {
            private TorchSharp.Modules.Softmax? act;
            public event Action? OnStep;
        """ + members + """

            public Tensor Batch(Tensor x, Tensor y, bool flag, Trainer other)
            {
                act = Softmax(1);
        """ + beforeCheck + """

                var h = Linear(8, 3).call(x);
                if (act != null) h = act.call(h);
                return functional.cross_entropy(h, y);
            }
        }
        """;

    [Theory]
    [InlineData("private void MaybeClear(bool f) { if (f) act = null; }", "MaybeClear(flag);")]
    [InlineData("private void Clear() { act = null; }", "other.Clear();")]
    [InlineData("private static void Kill(Trainer t) => t.act = null;", "Kill(this);")]
    [InlineData("private static void Kill(Trainer t) => t.act = null;", "Kill(other);")]
    [InlineData("public Trainer() { OnStep += () => act = null; }", "OnStep?.Invoke();")]
    [InlineData("private void Clear() { act = null; }", "Action a = Clear; a();")]
    [InlineData("private void Clear() { act = null; }", "new List<int> { 1 }.ForEach(_ => Clear());")]
    [InlineData("private void Clear() { Interlocked.Exchange(ref act, null); }", "Clear();")]
    [InlineData("private void Clear() { Helpers.ClearRef(ref act); }", "Clear();")]
    [InlineData("", "Interlocked.Exchange(ref act, null);")]
    [InlineData("", "Helpers.MaybeClear(flag, ref act);")]
    [InlineData("", "ref var r = ref act; r = null;")]
    [InlineData("private void Clear() { ref var r = ref act; r = null; }", "Clear();")]
    [InlineData("private void Clear(bool f) { if (f) (act, _) = (null, 0); }", "Clear(flag);")]
    [InlineData("private async Task ClearAsync() { await Task.Yield(); act = null; }", "ClearAsync().Wait();")]
    [InlineData("private static Trainer? last; public Trainer() { last = this; } private static void KillLast() { if (last != null) last.act = null; }", "KillLast();")]
    public Task Trainer_field_may_be_cleared_is_silent(string members, string beforeCheck) =>
        Verify.AnalyzerAsync(Trainer(members, beforeCheck));

    [Fact]
    public Task Static_field_cleared_elsewhere() =>
        Verify.AnalyzerAsync(Usings + """
            public static class Holder
            {
                private static TorchSharp.Modules.Softmax? act = Softmax(1);
                public static void Off() => act = null;
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var h = Linear(8, 3).call(x);
                    if (act != null) h = act.call(h);
                    return functional.cross_entropy(h, y);
                }
            }
            """);

    [Fact]
    public Task Static_field_set_then_static_helper_maybe_clears() =>
        Verify.AnalyzerAsync(Usings + """
            public static class Holder
            {
                private static TorchSharp.Modules.Softmax? act;
                private static void MaybeOff(bool f) { if (f) act = null; }
                public static Tensor Batch(Tensor x, Tensor y, bool flag)
                {
                    act = Softmax(1);
                    MaybeOff(flag);
                    var h = Linear(8, 3).call(x);
                    if (act != null) h = act.call(h);
                    return functional.cross_entropy(h, y);
                }
            }
            """);

    [Fact]
    public Task Async_method_field_cleared_across_await() =>
        Verify.AnalyzerAsync(Usings + """
            public sealed class Trainer
            {
                private TorchSharp.Modules.Softmax? act;
                public void Off() => act = null;
                public async Task<Tensor> Batch(Tensor x, Tensor y, Task gate)
                {
                    act = Softmax(1);
                    await gate;
                    var h = Linear(8, 3).call(x);
                    if (act != null) h = act.call(h);
                    return functional.cross_entropy(h, y);
                }
            }
            """);

    // ---- parameters from call sites ----

    [Fact]
    public Task Call_sites_pass_made_and_null() =>
        Verify.AnalyzerAsync(Usings + """
            internal static class Losses2
            {
                private static Tensor Loss(Tensor h, Tensor y, TorchSharp.Modules.Softmax? act)
                {
                    if (act != null) h = act.call(h);
                    return functional.cross_entropy(h, y);
                }
                public static Tensor A(Tensor h, Tensor y) => Loss(h, y, Softmax(1));
                public static Tensor B(Tensor h, Tensor y) => Loss(h, y, null);
            }
            """);

    [Fact]
    public Task Call_site_omits_default_null() =>
        Verify.AnalyzerAsync(Usings + """
            internal static class Losses2
            {
                private static Tensor Loss(Tensor h, Tensor y, TorchSharp.Modules.Softmax? act = null)
                {
                    if (act is not null) h = act.call(h);
                    return functional.cross_entropy(h, y);
                }
                public static Tensor A(Tensor h, Tensor y) => Loss(h, y, Softmax(1));
                public static Tensor B(Tensor h, Tensor y) => Loss(h, y);
            }
            """);

    [Fact]
    public Task Call_site_passes_default_literal() =>
        Verify.AnalyzerAsync(Usings + """
            internal static class Losses2
            {
                private static Tensor Loss(Tensor h, Tensor y, TorchSharp.Modules.Softmax? act)
                {
                    if (act != null) h = act.call(h);
                    return functional.cross_entropy(h, y);
                }
                public static Tensor A(Tensor h, Tensor y) => Loss(h, y, Softmax(1));
                public static Tensor B(Tensor h, Tensor y) => Loss(h, y, default);
            }
            """);

    [Fact]
    public Task Call_site_in_lambda_passes_null() =>
        Verify.AnalyzerAsync(Usings + """
            internal static class Losses2
            {
                private static Tensor Loss(Tensor h, Tensor y, TorchSharp.Modules.Softmax? act)
                {
                    if (act != null) h = act.call(h);
                    return functional.cross_entropy(h, y);
                }
                public static Tensor A(Tensor h, Tensor y) => Loss(h, y, Softmax(1));
                public static Func<Tensor, Tensor, Tensor> B => (h, y) => Loss(h, y, null);
            }
            """);

    [Fact]
    public Task Generic_parameter_call_sites_pass_made_and_null() =>
        Verify.AnalyzerAsync(Usings + """
            internal static class Losses2
            {
                private static Tensor Loss<T>(Tensor h, Tensor y, T? act) where T : Module<Tensor, Tensor>
                {
                    if (act is not null) h = act.call(h);
                    return functional.cross_entropy(h, y);
                }
                public static Tensor A(Tensor h, Tensor y) => Loss(h, y, Softmax(1));
                public static Tensor B(Tensor h, Tensor y) => Loss<TorchSharp.Modules.Softmax>(h, y, null);
            }
            """);

    // ---- odd code: must not throw ----

    [Fact]
    public Task User_defined_equality_on_module_class() =>
        Verify.AnalyzerAsync(Usings + """
            public sealed class Weird : Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.Softmax act = Softmax(1);
                public Weird() : base("Weird") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => act.call(x);
                public static bool operator ==(Weird? a, Weird? b) => true;
                public static bool operator !=(Weird? a, Weird? b) => false;
                public override bool Equals(object? o) => true;
                public override int GetHashCode() => 0;
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var h = Linear(8, 3).call(x);
                    var w = new Weird();
                    if (w == null) h = w.call(h);
                    if (!(w != null)) h = w.call(h);
                    return functional.cross_entropy(h, y);
                }
            }
            """);

    [Fact]
    public Task Unsafe_pointer_null_checks() =>
        UnsafeAsync(Usings + """
            public static unsafe class Local
            {
                public static Tensor Batch(Tensor x, Tensor y, float[] data)
                {
                    var h = Linear(8, 3).call(x);
                    fixed (float* p = data)
                    {
                        if (p != null) h = Softmax(1).call(h);
                    }
                    int* q = null;
                    if (q == null) q = null;
                    float* r = stackalloc float[2];
                    if (r == null) h = Softmax(1).call(h);
                    fixed (float* e = new float[0])
                    {
                        if (e != null) h = Softmax(1).call(h);
                    }
                    return functional.cross_entropy(h, y);
                }
            }
            """);


    // ---- round 2 ----

    [Theory]
    [InlineData("if (post != null) h = post(h);")]
    [InlineData("if (post is not null) h = post(h);")]
    [InlineData("h = post?.Invoke(h) ?? h;")]
    public Task Delegate_field_set_by_one_of_two_constructors(string use) =>
        Verify.AnalyzerAsync(Usings + """
            public sealed class Trainer
            {
                private readonly Func<Tensor, Tensor>? post;
                public Trainer() { post = t => functional.softmax(t, 1); }
                public Trainer(int unused) { }
                public Tensor Batch(Tensor x, Tensor y)
                {
                    var h = Linear(8, 3).call(x);
            """ + use + """

                    return functional.cross_entropy(h, y);
                }
            }
            """);

    [Theory]
    [InlineData("foreach (var _ in items) { var g = Linear(8, 3).call(x); if (act != null) g = act.call(g); h = g; act = null; }")]
    [InlineData("for (var i = 0; i < 2; i++) { var g = Linear(8, 3).call(x); if (act != null) g = act.call(g); h = g; act = null; }")]
    [InlineData("while (flag) { var g = Linear(8, 3).call(x); if (act != null) g = act.call(g); h = g; act = null; flag = items.Count > 3; }")]
    [InlineData("Func<Tensor, Tensor>? post = t => functional.softmax(t, 1); ref var r = ref post; r = null; if (post != null) h = post(h);")]
    [InlineData("var m = new Dense(act); ref var r = ref act; r = null; var d = new Dense(act); h = d.call(h);")]
    public Task Loops_and_aliases_are_silent(string body) =>
        Verify.AnalyzerAsync(Usings + """
            public sealed class Dense : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor>? activation;
                public Dense(Module<Tensor, Tensor>? activation) : base("Dense") { this.activation = activation; RegisterComponents(); }
                public override Tensor forward(Tensor x) => activation != null ? activation.call(x) : x;
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y, bool flag, List<int> items)
                {
                    var h = Linear(8, 3).call(x);
                    TorchSharp.Modules.Softmax? act = Softmax(1);
            """ + body + """

                    return functional.cross_entropy(h, y);
                }
            }
            """);

    [Fact]
    public Task Property_returning_lambda_nulls_field() =>
        Verify.AnalyzerAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                public Action Disable => () => activation = null;
            """, """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var m = new M();
                    m.Disable();
                    return functional.cross_entropy(m.call(x), y);
                }
            }
            """));

    [Fact]
    public Task Constructor_event_subscription_nulls_field() =>
        Verify.AnalyzerAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public event Action? Reset;
                public M() : base("M") { activation = Softmax(1); Reset += () => activation = null; RegisterComponents(); }
                public void Fire() => Reset?.Invoke();
            """, """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var m = new M();
                    m.Fire();
                    return functional.cross_entropy(m.call(x), y);
                }
            }
            """));


    [Fact]
    public Task Delegate_field_set_only_by_a_method() =>
        Verify.AnalyzerAsync(Usings + """
            public sealed class Trainer
            {
                private Func<Tensor, Tensor>? post;
                public void Init() => post = t => functional.softmax(t, 1);
                public Tensor Batch(Tensor x, Tensor y)
                {
                    var h = Linear(8, 3).call(x);
                    if (post != null) h = post(h);
                    return functional.cross_entropy(h, y);
                }
            }
            """);

    [Fact]
    public Task User_conversion_operator_returning_null() =>
        Verify.AnalyzerAsync(Usings + """
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.Softmax act = Softmax(1);
                public M() : base("M") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => act.call(x);
                public static explicit operator Lin?(M m) => null;
            }
            public sealed class Lin : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                public Lin() : base("Lin") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => linear.call(x);
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var h = Linear(8, 3).call(x);
                    var lin = (Lin?)new M();
                    if (lin != null) h = lin.call(h);
                    return functional.cross_entropy(h, y);
                }
            }
            """);

    private static Task UnsafeAsync(string source)
    {
        var test = new CSharpAnalyzerTest<LossGuard.Analyzers.Rules.ValueDomainAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.Net10,
        };
        TestReferences.AddLibraries(test.TestState);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
        });
        return test.RunAsync();
    }
}
