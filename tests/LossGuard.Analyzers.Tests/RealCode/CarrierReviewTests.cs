using System.Threading.Tasks;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>Adversarial look-alikes for carrier classes: every case expects no diagnostic.</summary>
public sealed class CarrierReviewTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics.CodeAnalysis;
        using System.Runtime.CompilerServices;
        using System.Threading.Tasks;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        """;

    private const string Rec = "public sealed record Outputs(Tensor Policy, Tensor Value);";
    private const string GetOnly = "public sealed class Outputs { public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; } public Tensor Policy { get; } public Tensor Value { get; } }";
    private const string Fields = "public sealed class Outputs { public readonly Tensor Policy; public readonly Tensor Value; public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; } }";

    private static string Agent(string carrier, string body) => Usings + carrier + """

        public static class Agent
        {
        """ + (body.Contains("Evaluate(") ? "    public static Outputs Evaluate(Tensor x) => new Outputs(functional.softmax(x, 1), x.sum());\n" : "") + """
            public static Tensor Step(Tensor x, Tensor y)
            {
        """ + body + """

            }
        }
        """;

    [Theory]
    // in-place changes reached through another method or alias
    [InlineData("mutate_via_helper_on_carrier", Rec, "var o = Evaluate(x); Fix(o, x); return functional.cross_entropy(o.Policy, y); static void Fix(Outputs t, Tensor x) => t.Policy.copy_(x);")]
    [InlineData("mutate_via_helper_on_carrier_getonly", GetOnly, "var o = Evaluate(x); Fix(o, x); return functional.cross_entropy(o.Policy, y); static void Fix(Outputs t, Tensor x) => t.Policy.copy_(x);")]
    [InlineData("mutate_via_helper_on_tensor", Rec, "var o = Evaluate(x); Fix(o.Policy, x); return functional.cross_entropy(o.Policy, y); static void Fix(Tensor t, Tensor x) => t.copy_(x);")]
    [InlineData("mutate_via_alias_carrier", Rec, "var o = Evaluate(x); var o2 = o; o2.Policy.copy_(x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("mutate_via_list_alias", Rec, "var o = Evaluate(x); var list = new List<Outputs> { o }; list[0].Policy.copy_(x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("mutate_via_array_alias", Rec, "var o = Evaluate(x); var arr = new[] { o }; arr[0].Policy.copy_(x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("mutate_via_object_alias", Rec, "var o = Evaluate(x); object boxed = o; ((Outputs)boxed).Policy.copy_(x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("mutate_via_lambda", Rec, "var o = Evaluate(x); Action a = () => o.Policy.copy_(x); a(); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("mutate_in_field_of_other_carrier", Rec, "var o = Evaluate(x); var w = new Wrap(o); w.Inner.Policy.copy_(x); return functional.cross_entropy(o.Policy, y); } public sealed record Wrap(Outputs Inner); static void Unused() {")]
    [InlineData("log_inplace_field", Fields, "var o = Evaluate(x); o.Policy.log_(); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("set_inplace", Rec, "var o = Evaluate(x); o.Policy.set_(x); return functional.cross_entropy(o.Policy, y);")]
    // reassignment of the variable in ways other than plain assignment
    [InlineData("ref_local_reassign", Rec, "var o = Evaluate(x); ref var r = ref o; r = new Outputs(x, x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("lambda_reassign", Rec, "var o = Evaluate(x); Action a = () => o = new Outputs(x, x); a(); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("local_function_reassign", Rec, "var o = Evaluate(x); Swap(); return functional.cross_entropy(o.Policy, y); void Swap() => o = new Outputs(x, x);")]
    [InlineData("ref_param_reassign", Rec, "var o = Evaluate(x); Swap(ref o, x); return functional.cross_entropy(o.Policy, y); static void Swap(ref Outputs t, Tensor x) => t = new Outputs(x, x);")]
    [InlineData("out_reassign", Rec, "var o = Evaluate(x); Make(out o, x); return functional.cross_entropy(o.Policy, y); static void Make(out Outputs t, Tensor x) => t = new Outputs(x, x);")]
    [InlineData("loop_reassign", Rec, "var o = Evaluate(x); for (var i = 0; i < y.shape[0]; i++) { var p = o.Policy; o = new Outputs(x, x); } return functional.cross_entropy(o.Policy, y);")]
    [InlineData("unsafe_asref_field", Fields, "var o = Evaluate(x); Unsafe.AsRef(in o.Policy) = x; return functional.cross_entropy(o.Policy, y);")]
    // with / deconstruction / initializer
    [InlineData("with_via_helper", Rec, "var o = Swap(Evaluate(x), x); return functional.cross_entropy(o.Policy, y); static Outputs Swap(Outputs t, Tensor x) => t with { Policy = x };")]
    [InlineData("with_inline_read", Rec, "return functional.cross_entropy((Evaluate(x) with { Policy = x }).Policy, y);")]
    [InlineData("target_typed_new_init", Rec, "Outputs o = new(functional.softmax(x, 1), x) { Policy = x }; return functional.cross_entropy(o.Policy, y);")]
    [InlineData("deconstruct_record_swapped", "public sealed record Outputs(Tensor Policy, Tensor Value) { public void Deconstruct(out Tensor value, out Tensor policy) { value = Value; policy = Policy; } }", "var (v, p) = new Outputs(x, functional.softmax(x, 1)); return functional.cross_entropy(v, y);")]
    [InlineData("deconstruct_record_plain", Rec, "var (p, v) = new Outputs(x, functional.softmax(x, 1)); return functional.cross_entropy(p, y);")]
    // constructor shapes
    [InlineData("ctor_ref_field_helper", "public sealed class Outputs { public readonly Tensor Policy; public readonly Tensor Value; public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; Set(ref Policy, value); } static void Set(ref Tensor t, Tensor v) => t = v; }", "return functional.cross_entropy(new Outputs(functional.softmax(x, 1), x).Policy, y);")]
    [InlineData("ctor_out_field_helper", "public sealed class Outputs { public readonly Tensor Policy; public readonly Tensor Value; public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; Set(out Policy, value); } static void Set(out Tensor t, Tensor v) => t = v; }", "return functional.cross_entropy(new Outputs(functional.softmax(x, 1), x).Policy, y);")]
    [InlineData("ctor_ref_local_to_field", "public sealed class Outputs { public readonly Tensor Policy; public readonly Tensor Value; public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; ref Tensor r = ref Policy; r = value; } }", "return functional.cross_entropy(new Outputs(functional.softmax(x, 1), x).Policy, y);")]
    [InlineData("ctor_inplace_on_prop", "public sealed class Outputs { public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; Policy.copy_(value); } public Tensor Policy { get; } public Tensor Value { get; } }", "return functional.cross_entropy(new Outputs(functional.softmax(x, 1), x).Policy, y);")]
    [InlineData("ctor_conditional", "public sealed class Outputs { public Outputs(Tensor policy, Tensor value, bool raw) { Policy = raw ? value : policy; Value = value; } public Tensor Policy { get; } public Tensor Value { get; } }", "return functional.cross_entropy(new Outputs(functional.softmax(x, 1), x, y.sum().item<float>() > 0).Policy, y);")]
    [InlineData("ctor_twice", "public sealed class Outputs { public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; Policy = value; } public Tensor Policy { get; } public Tensor Value { get; } }", "return functional.cross_entropy(new Outputs(functional.softmax(x, 1), x).Policy, y);")]
    [InlineData("ctor_named_out_of_order", Rec, "return functional.cross_entropy(new Outputs(Value: functional.softmax(x, 1), Policy: x).Policy, y);")]
    [InlineData("ctor_named_out_of_order_class", GetOnly, "return functional.cross_entropy(new Outputs(value: functional.softmax(x, 1), policy: x).Policy, y);")]
    [InlineData("ctor_default_param", "public sealed record Outputs(Tensor Value, Tensor Policy = null);", "return functional.cross_entropy(new Outputs(functional.softmax(x, 1)).Policy ?? x, y);")]
    [InlineData("ctor_params_array", "public sealed record Outputs(Tensor Value, params Tensor[] Policy);", "return functional.cross_entropy(new Outputs(x, functional.softmax(x, 1)).Value, y);")]
    [InlineData("ctor_explicit_this_chain", "public sealed record Outputs(Tensor Policy, Tensor Value) { public Outputs(Tensor v) : this(v, v.softmax(1)) { } }", "return functional.cross_entropy(new Outputs(x).Policy, y);")]
    [InlineData("ctor_static_side_effect", "public sealed class Outputs { public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; Hook(policy, value); } static void Hook(Tensor p, Tensor v) => p.copy_(v); public Tensor Policy { get; } public Tensor Value { get; } }", "return functional.cross_entropy(new Outputs(functional.softmax(x, 1), x).Policy, y);")]
    [InlineData("ctor_this_passed_in_lambda", "public sealed class Outputs { public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; Func<Tensor> f = () => Value; f(); } public Tensor Policy { get; } public Tensor Value { get; } }", "return functional.cross_entropy(new Outputs(functional.softmax(x, 1), x).Policy.log(), y);")]
    // record declaration shapes
    [InlineData("record_prop_redeclared_no_init", "public sealed record Outputs(Tensor Policy, Tensor Value) { public Tensor Policy { get; init; } }", "return functional.cross_entropy(new Outputs(functional.softmax(x, 1), x).Policy ?? x, y);")]
    [InlineData("record_computed_prop", "public sealed record Outputs(Tensor Logits, Tensor Value) { public Tensor Policy => functional.log_softmax(Logits, 1); }", "return functional.nll_loss(new Outputs(x, x).Policy, y);")]
    [InlineData("record_extra_init_prop", "public sealed record Outputs(Tensor Policy) { public Tensor Value { get; init; } }", "return functional.cross_entropy(new Outputs(x) { Value = functional.softmax(x, 1) }.Value, y);")]
    [InlineData("record_extra_init_prop_no_initializer", "public sealed record Outputs(Tensor Value) { public Tensor Policy { get; init; } }", "return functional.cross_entropy(new Outputs(functional.softmax(x, 1)).Policy ?? x, y);")]
    [InlineData("record_field_named_like_param", "public sealed record Outputs(Tensor Policy, Tensor Value) { public readonly Tensor Policy; }", "return functional.cross_entropy(new Outputs(functional.softmax(x, 1), x).Policy ?? x, y);")]
    [InlineData("record_lowercase_param_prop", "public sealed record Outputs(Tensor policy, Tensor value);", "return functional.cross_entropy(new Outputs(x, functional.softmax(x, 1)).policy, y);")]
    [InlineData("record_struct_positional", "public readonly record struct Outputs(Tensor Policy, Tensor Value);", "return functional.cross_entropy(new Outputs(x, functional.softmax(x, 1)).Policy, y);")]
    [InlineData("record_struct_with_field", "public record struct Outputs(Tensor Policy, Tensor Value) { public Tensor Extra; }", "return functional.cross_entropy(new Outputs(x, functional.softmax(x, 1)).Policy, y);")]
    [InlineData("record_struct_field_first", "public record struct Outputs(Tensor Policy, Tensor Value) { public Tensor Extra; }", "var o = new Outputs(x, functional.softmax(x, 1)); return functional.cross_entropy(o.Extra ?? x, y);")]
    [InlineData("record_partial_other_part_field", "public sealed partial record Outputs(Tensor Policy, Tensor Value); public sealed partial record Outputs { public Tensor Extra { get; init; } }", "return functional.cross_entropy(new Outputs(x, functional.softmax(x, 1)).Policy, y);")]
    [InlineData("record_partial_field_before", "public sealed partial record Outputs { public readonly Tensor Extra; } public sealed partial record Outputs(Tensor Policy, Tensor Value);", "return functional.cross_entropy(new Outputs(x, functional.softmax(x, 1)).Policy, y);")]
    [InlineData("record_required_member", "public sealed record Outputs(Tensor Policy) { public required Tensor Value { get; init; } }", "return functional.cross_entropy(new Outputs(x) { Value = functional.softmax(x, 1) }.Policy, y);")]
    [InlineData("record_derived_read_base", "public record Outputs(Tensor Policy, Tensor Value); public sealed record Raw(Tensor P, Tensor V) : Outputs(P, V) { public new Tensor Policy => Value; }", "return functional.cross_entropy(new Raw(functional.softmax(x, 1), x).Policy, y);")]
    [InlineData("record_copy_ctor_param_original", "public sealed record Outputs(Tensor original, Tensor Value) { public static Outputs Copy(Outputs o) => new Outputs(o); }", "var o = Outputs.Copy(new Outputs(x, functional.softmax(x, 1))); return functional.cross_entropy(o.original, y);")]
    [InlineData("record_printmembers_override", "public sealed record Outputs(Tensor Policy, Tensor Value) { private bool PrintMembers(System.Text.StringBuilder b) { Policy.copy_(Value); return true; } }", "var o = new Outputs(functional.softmax(x, 1), x); _ = o.ToString(); return functional.cross_entropy(o.Policy, y);")]
    // class declaration shapes
    [InlineData("class_partial_second_ctor", "public sealed partial class Outputs { public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; } public Tensor Policy { get; } } public sealed partial class Outputs { public Tensor Value { get; } }", "return functional.cross_entropy(new Outputs(x, functional.softmax(x, 1)).Policy, y);")]
    [InlineData("class_interleaved_fields", "public sealed class Outputs { public readonly Tensor A; public Tensor Policy { get; } public readonly Tensor B; public Tensor Value { get; } public Outputs(Tensor a, Tensor p, Tensor b, Tensor v) { A = a; Policy = p; B = b; Value = v; } }", "var o = new Outputs(functional.softmax(x, 1), x, functional.softmax(x, 1), x); return functional.cross_entropy(o.Policy, y) + functional.cross_entropy(o.Value, y);")]
    [InlineData("class_explicit_backing", "public sealed class Outputs { private readonly Tensor policy; public Outputs(Tensor p, Tensor v) { policy = p; Value = v; } public Tensor Policy => functional.log_softmax(policy, 1); public Tensor Value { get; } }", "return functional.nll_loss(new Outputs(x, x).Policy, y);")]
    [InlineData("class_init_sets_other", "public sealed class Outputs { private readonly Tensor raw; public Outputs(Tensor p, Tensor v) { Policy = p; raw = v; } public Tensor Policy { get; init; } public Tensor Raw { get => raw; init { raw = value; Policy = value; } } }", "var o = new Outputs(functional.softmax(x, 1), x) { Raw = x }; return functional.cross_entropy(o.Policy, y);")]
    [InlineData("class_primary_ctor_captured", "public sealed class Outputs(Tensor policy, Tensor value) { public Tensor Policy { get; } public Tensor Value => value; public Tensor Get() => policy; }", "return functional.cross_entropy(new Outputs(functional.softmax(x, 1), x).Policy ?? x, y);")]
    [InlineData("class_explicit_interface", "public interface IOut { Tensor Policy { get; } } public sealed class Outputs : IOut { public Outputs(Tensor p, Tensor v) { Policy = p; Value = v; } public Tensor Policy { get; } public Tensor Value { get; } Tensor IOut.Policy => Value; }", "IOut o = new Outputs(functional.softmax(x, 1), x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("class_static_ctor", "public sealed class Outputs { static Outputs() { } public Outputs(Tensor p, Tensor v) { Policy = p; Value = v; } public Tensor Policy { get; } public Tensor Value { get; } }", "return functional.cross_entropy(new Outputs(x, functional.softmax(x, 1)).Policy, y);")]
    [InlineData("class_nested_generic_outer", "public static class Holder<T> { public sealed class Outputs { public Outputs(Tensor p, Tensor v) { Policy = p; Value = v; } public Tensor Policy { get; } public Tensor Value { get; } } } public sealed class Outputs { public Outputs(Tensor p, Tensor v) { Policy = p; Value = v; } public Tensor Policy { get; } public Tensor Value { get; } }", "return functional.cross_entropy(new Holder<int>.Outputs(x, functional.softmax(x, 1)).Policy, y);")]
    [InlineData("class_setsrequired_ctor", "public sealed class Outputs { [SetsRequiredMembers] public Outputs(Tensor p, Tensor v) { Policy = p; Value = v; } public required Tensor Policy { get; init; } public required Tensor Value { get; init; } }", "var o = new Outputs(x, functional.softmax(x, 1)); return functional.cross_entropy(o.Policy, y);")]
    // consumers
    [InlineData("async_carrier", Rec, "return Run(x).Result; } static async Task<Outputs> Make(Tensor x) { await Task.Yield(); return new Outputs(x, x); } static async Task<Tensor> Run(Tensor x) { var o = await Make(x); return functional.cross_entropy(o.Policy, x);")]
    [InlineData("generic_identity", Rec, "var o = Id(new Outputs(x, functional.softmax(x, 1))); return functional.cross_entropy(o.Policy, y); static T Id<T>(T t) => t;")]
    [InlineData("dynamic_read", Rec, "dynamic o = Evaluate(x); Tensor p = o.Value; return functional.cross_entropy(p, y);")]
    [InlineData("join_two_carriers_other_head", Rec, "var o = y.sum().item<float>() > 0 ? new Outputs(x, functional.softmax(x, 1)) : new Outputs(x, x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("swap_positions_through_ctor", Rec, "var a = Evaluate(x); var b = new Outputs(a.Value, a.Policy); return functional.cross_entropy(b.Policy, y);")]
    [InlineData("carrier_in_tuple", Rec, "var t = (Evaluate(x), new Outputs(x, x)); return functional.cross_entropy(t.Item2.Policy, y);")]
    [InlineData("is_pattern_property", Rec, "if (Evaluate(x) is { Policy: var p }) { p.copy_(x); return functional.cross_entropy(p, y); } return x;")]
    [InlineData("struct_ctor_ref_local_to_field", "public struct Outputs { public Tensor Policy; public Tensor Value; public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; ref Tensor r = ref Policy; r = value; } }", "return functional.cross_entropy(new Outputs(functional.softmax(x, 1), x).Policy, y);")]
    [InlineData("struct_ref_local_reassign", "public struct Outputs { public Tensor Policy; public Tensor Value; public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; } }", "var o = Evaluate(x); ref var r = ref o; r = new Outputs(x, x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("struct_log_inplace_field", "public struct Outputs { public Tensor Policy; public Tensor Value; public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; } }", "var o = Evaluate(x); o.Policy.copy_(x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("copy_inplace_readonly_field", Fields, "var o = Evaluate(x); o.Policy.copy_(x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("tensor_mutate_via_list_alias", Rec, "var p = functional.softmax(x, 1); var list = new List<Tensor> { p }; list[0].copy_(x); return functional.cross_entropy(p, y);")]
    [InlineData("tensor_mutate_via_object_alias", Rec, "var p = functional.softmax(x, 1); object boxed = p; ((Tensor)boxed).copy_(x); return functional.cross_entropy(p, y);")]
    [InlineData("mutate_via_other_record_property", Rec, "var o = Evaluate(x); var w = new Outputs(o.Policy, x); w.Policy.copy_(x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("mutate_via_dictionary", Rec, "var o = Evaluate(x); var d = new Dictionary<int, Outputs> { [0] = o }; d[0].Policy.copy_(x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("mutate_via_field_store", Rec, "var o = Evaluate(x); Holder.Last = o; Holder.Fix(x); return functional.cross_entropy(o.Policy, y); } } public static class Holder { public static Outputs Last; public static void Fix(Tensor x) => Last.Policy.copy_(x); } public static class Unused { static void U() {")]
    [InlineData("tensor_ref_local_reassign", Rec, "var p = functional.softmax(x, 1); ref var r = ref p; r = x; return functional.cross_entropy(p, y);")]
    [InlineData("nested_carrier_read", "public sealed record Outputs(Tensor Policy, Tensor Value); public sealed record Wrap(Outputs Inner);", "var w = new Wrap(new Outputs(x, x)); var o = w.Inner; return functional.cross_entropy(o.Policy, y);")]
    [InlineData("mutate_via_external_call", Rec, "var o = Evaluate(x); Console.WriteLine(o); GC.KeepAlive(o); return functional.cross_entropy(o.Policy.copy_(x), y);")]
    [InlineData("mutate_via_task_run", Rec, "var o = Evaluate(x); Task.Run(() => o.Policy.copy_(x)).Wait(); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("mutate_via_interface_method", "public interface IFix { void Fix(Outputs o); } public sealed record Outputs(Tensor Policy, Tensor Value);", "var o = Evaluate(x); Fixer.Fix(o); return functional.cross_entropy(o.Policy, y); } public static IFix Fixer; static void Unused() {")]
    [InlineData("log_inplace_property", Rec, "var o = Evaluate(x); o.Policy.log_(); return functional.cross_entropy(o.Policy, y);")]
    public Task Carrier_review_case_is_silent(string name, string carrier, string body)
    {
        _ = name;
        return Verify.AnalyzerAsync(Agent(carrier, body));
    }
}
