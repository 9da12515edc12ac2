using System.Threading.Tasks;
using LossGuard.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// Adversarial review of AbstractValue.Made (issue 26): each case has a path on which the activation guarded by a null
/// check is NOT applied, so each must stay silent.
/// </summary>
public sealed class NullGuardReviewTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        """;

    private const string Support = """
        public struct Slot
        {
            public TorchSharp.Modules.Softmax? Act;
            public Slot(TorchSharp.Modules.Softmax? act) { Act = act; }
        }

        public ref struct RefBox
        {
            private ref TorchSharp.Modules.Softmax? r;
            public RefBox(ref TorchSharp.Modules.Softmax? a) { r = ref a; }
            public void Clear() => r = null;
        }

        public sealed class Pairish
        {
            private readonly bool f;
            public Pairish(bool f) { this.f = f; }
            public void Deconstruct(out TorchSharp.Modules.Softmax? a, out int k) { a = f ? Softmax(1) : null; k = 1; }
        }

        internal static class R
        {
            public static ref T Id<T>(ref T x) => ref x;
            public static ref T Mut<T>(in T x) => ref Unsafe.AsRef(in x);
        }

        """;

    [Theory]
    [InlineData("Ref_identity_call_then_reassigned")]
    [InlineData("Ref_identity_call_assigned_directly")]
    [InlineData("Ref_local_function_returns_param")]
    [InlineData("Span_over_local_then_reassigned")]
    [InlineData("Span_ctor_over_local_then_reassigned")]
    [InlineData("Ref_struct_box_then_reassigned")]
    [InlineData("Unsafe_asref_in_keyword")]
    [InlineData("Unsafe_in_without_keyword")]
    [InlineData("Makeref_refvalue")]
    [InlineData("Tuple_element_ref_local")]
    [InlineData("Struct_field_ref_local")]
    [InlineData("Array_element_ref_local")]
    [InlineData("Foreach_ref_over_span")]
    [InlineData("Exception_filter_nulls")]
    [InlineData("Switch_when_clause_nulls")]
    [InlineData("And_also_rhs_nulls")]
    [InlineData("Or_else_rhs_nulls")]
    [InlineData("Coalesce_rhs_nulls")]
    [InlineData("Conditional_access_argument_nulls")]
    [InlineData("Conditional_access_to_extension")]
    [InlineData("Delegate_reassigned_to_null_returning")]
    [InlineData("Callback_registered_nulls")]
    [InlineData("Tuple_element_written_by_lambda")]
    [InlineData("Goto_loop_nulls")]
    [InlineData("User_deconstruct_maybe_null")]
    [InlineData("Null_bang_literal")]
    [InlineData("Default_bang_literal")]
    [InlineData("Throw_conditional_other_arm_null")]
    [InlineData("Is_type_pattern_declares")]
    [InlineData("Array_of_made_cleared_via_span_fill")]
    [InlineData("Sequential_indexer_as")]
    public Task Local_may_be_null_is_silent(string name) =>
        RunAsync(Usings + Support + """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y, bool flag, int n, string s, object o, List<int> items)
                {
                    var h = Linear(8, 3).call(x);
            """ + Bodies[name] + """

                    return functional.cross_entropy(h, y);
                }
            }
            """);

    private static readonly System.Collections.Generic.Dictionary<string, string> Bodies = new()
    {
        ["Ref_identity_call_then_reassigned"] = "TorchSharp.Modules.Softmax? act = null; ref var r = ref R.Id(ref act); act = Softmax(1); r = null; if (act != null) h = act.call(h);",
        ["Ref_identity_call_assigned_directly"] = "TorchSharp.Modules.Softmax? act = Softmax(1); R.Id(ref act) = null; if (act != null) h = act.call(h);",
        ["Ref_local_function_returns_param"] = "TorchSharp.Modules.Softmax? act = null; static ref TorchSharp.Modules.Softmax? Pick(ref TorchSharp.Modules.Softmax? a) => ref a; ref var r = ref Pick(ref act); act = Softmax(1); r = null; if (act != null) h = act.call(h);",
        ["Span_over_local_then_reassigned"] = "TorchSharp.Modules.Softmax? act = null; var sp = MemoryMarshal.CreateSpan(ref act, 1); act = Softmax(1); sp[0] = null; if (act != null) h = act.call(h);",
        ["Span_ctor_over_local_then_reassigned"] = "TorchSharp.Modules.Softmax? act = null; var sp = new Span<TorchSharp.Modules.Softmax?>(ref act); act = Softmax(1); sp[0] = null; if (act != null) h = act.call(h);",
        ["Ref_struct_box_then_reassigned"] = "TorchSharp.Modules.Softmax? act = null; var box = new RefBox(ref act); act = Softmax(1); box.Clear(); if (act != null) h = act.call(h);",
        ["Unsafe_asref_in_keyword"] = "TorchSharp.Modules.Softmax? act = Softmax(1); Unsafe.AsRef(in act) = null; if (act != null) h = act.call(h);",
        ["Unsafe_in_without_keyword"] = "TorchSharp.Modules.Softmax? act = Softmax(1); R.Mut(act) = null; if (act != null) h = act.call(h);",
        ["Makeref_refvalue"] = "TorchSharp.Modules.Softmax? act = Softmax(1); TypedReference tr = __makeref(act); __refvalue(tr, TorchSharp.Modules.Softmax?) = null; if (act != null) h = act.call(h);",
        ["Tuple_element_ref_local"] = "var t = (a: (TorchSharp.Modules.Softmax?)Softmax(1), k: 1); ref var r = ref t.a; r = null; if (t.a != null) h = t.a.call(h);",
        ["Struct_field_ref_local"] = "var p = new Slot(Softmax(1)); ref var r = ref p.Act; r = null; if (p.Act != null) h = p.Act.call(h);",
        ["Array_element_ref_local"] = "var acts = new TorchSharp.Modules.Softmax?[] { Softmax(1) }; ref var r = ref acts[0]; r = null; var act = acts[0]; if (act != null) h = act.call(h);",
        ["Foreach_ref_over_span"] = "var acts = new TorchSharp.Modules.Softmax?[] { Softmax(1) }; foreach (ref var e in acts.AsSpan()) e = null; var act = acts[0]; if (act != null) h = act.call(h);",
        ["Exception_filter_nulls"] = "TorchSharp.Modules.Softmax? act = Softmax(1); try { n = int.Parse(s); } catch (FormatException) when ((act = null) is null) { } if (act != null) h = act.call(h);",
        ["Switch_when_clause_nulls"] = "TorchSharp.Modules.Softmax? act = Softmax(1); n = n switch { > 0 when (act = null) is null => 1, _ => 2 }; if (act != null) h = act.call(h);",
        ["And_also_rhs_nulls"] = "TorchSharp.Modules.Softmax? act = Softmax(1); _ = flag && (act = null) is null; if (act != null) h = act.call(h);",
        ["Or_else_rhs_nulls"] = "TorchSharp.Modules.Softmax? act = Softmax(1); _ = flag || (act = null) is null; if (act != null) h = act.call(h);",
        ["Coalesce_rhs_nulls"] = "TorchSharp.Modules.Softmax? act = Softmax(1); _ = o ?? (act = null); if (act != null) h = act.call(h);",
        ["Conditional_access_argument_nulls"] = "TorchSharp.Modules.Softmax? act = Softmax(1); o?.Equals(act = null); if (act != null) h = act.call(h);",
        ["Conditional_access_to_extension"] = "TorchSharp.Modules.Softmax? p = flag ? Softmax(1) : null; var act = p?.to(torch.CPU); if (act != null) h = act.call(h);",
        ["Delegate_reassigned_to_null_returning"] = "Func<TorchSharp.Modules.Softmax?> make = () => Softmax(1); if (flag) make = () => null; var act = make(); if (act != null) h = act.call(h);",
        ["Callback_registered_nulls"] = "TorchSharp.Modules.Softmax? act = Softmax(1); var cts = new CancellationTokenSource(); cts.Token.Register(() => act = null); cts.Cancel(); if (act != null) h = act.call(h);",
        ["Tuple_element_written_by_lambda"] = "var t = (a: (TorchSharp.Modules.Softmax?)Softmax(1), k: 1); Action clear = () => t.a = null; clear(); if (t.a != null) h = t.a.call(h);",
        ["Goto_loop_nulls"] = "TorchSharp.Modules.Softmax? act = Softmax(1); var i = 0; top: if (i == n) goto check; act = null; i++; goto top; check: if (act != null) h = act.call(h);",
        ["User_deconstruct_maybe_null"] = "var (act, _) = new Pairish(flag); if (act != null) h = act.call(h);",
        ["Null_bang_literal"] = "TorchSharp.Modules.Softmax act = null!; if (flag) act = Softmax(1); if (act != null) h = act.call(h);",
        ["Default_bang_literal"] = "TorchSharp.Modules.Softmax act = default!; if (act != null) h = act.call(h);",
        ["Throw_conditional_other_arm_null"] = "var act = n > 0 ? Softmax(1) : n < 0 ? throw new ArgumentException() : null; if (act != null) h = act.call(h);",
        ["Is_type_pattern_declares"] = "Module<Tensor, Tensor> m = flag ? Softmax(1) : ReLU(); if (m is TorchSharp.Modules.Softmax sm && sm != null) h = sm.call(h);",
        ["Array_of_made_cleared_via_span_fill"] = "var acts = new TorchSharp.Modules.Softmax?[] { Softmax(1) }; acts.AsSpan().Fill(null); var act = acts[0]; if (act != null) h = act.call(h);",
        ["Sequential_indexer_as"] = "var seq = Sequential(ReLU()); var act = seq[0] as TorchSharp.Modules.Softmax; if (act != null) h = act.call(h);",
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

    private static string Model(string name, string members, string use) =>
        Usings + Support + "public sealed class " + name + " : Module<Tensor, Tensor>\n{\n"
        + "    private readonly Module<Tensor, Tensor> linear = Linear(8, 3);\n"
        + members + "\n" + Forward + "\n}\n" + use;

    private const string UseAfterOff = """
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new M();
                m.Off();
                return functional.cross_entropy(m.call(x), y);
            }
        }
        """;

    [Fact]
    public Task Static_field_initializer_lambda_nulls_private_field() =>
        RunAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public static readonly Action<M> Kill = m => m.activation = null;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
            """, """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var m = new M();
                    M.Kill(m);
                    return functional.cross_entropy(m.call(x), y);
                }
            }
            """));

    [Fact]
    public Task Instance_field_initializer_lambda_nulls_private_field() =>
        RunAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                private readonly Action<M> kill = m => m.activation = null;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                public void Off() => kill(this);
            """, UseAfterOff));

    [Fact]
    public Task Static_property_initializer_lambda_nulls_private_field() =>
        RunAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public static Action<M> Kill { get; } = m => m.activation = null;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
            """, """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var m = new M();
                    M.Kill(m);
                    return functional.cross_entropy(m.call(x), y);
                }
            }
            """));

    [Fact]
    public Task Static_constructor_nulls_shared_instance_field() =>
        RunAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public static readonly M Shared;
                static M() { Shared = new M(); Shared.activation = null; }
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
            """, """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(M.Shared.call(x), y);
            }
            """));

    [Fact]
    public Task Constructor_nulls_previous_instance_field() =>
        RunAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public M(M? previous) : base("M") { activation = Softmax(1); if (previous != null) previous.activation = null; RegisterComponents(); }
            """, """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var a = new M(null);
                    var b = new M(a);
                    return functional.cross_entropy(a.call(x), y);
                }
            }
            """));

    [Fact]
    public Task Readonly_field_written_through_in_without_keyword() =>
        RunAsync(Model("M", """
                private readonly TorchSharp.Modules.Softmax? activation;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                public void Off() => R.Mut(activation) = null;
            """, UseAfterOff));

    [Fact]
    public Task Tuple_field_element_written_in_method() =>
        RunAsync(Usings + Support + """
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
            """ + UseAfterOff);

    [Fact]
    public Task Tuple_field_element_written_through_ref_in_method() =>
        RunAsync(Usings + Support + """
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private (TorchSharp.Modules.Softmax? act, int k) cfg;
                public M() : base("M") { cfg = (Softmax(1), 1); RegisterComponents(); }
                public void Off() { ref var r = ref cfg.act; r = null; }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (cfg.act != null) h = cfg.act.call(h);
                    return h;
                }
            }
            """ + UseAfterOff);

    [Fact]
    public Task Struct_field_element_written_in_method() =>
        RunAsync(Usings + Support + """
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
            """ + UseAfterOff);

    [Fact]
    public Task Tuple_field_set_only_by_a_method_read_before() =>
        RunAsync(Usings + Support + """
            public sealed class Trainer
            {
                private (TorchSharp.Modules.Softmax? a, int k) cfg;
                public void Init() => cfg = (Softmax(1), 1);
                public Tensor Batch(Tensor x, Tensor y)
                {
                    var h = Linear(8, 3).call(x);
                    if (cfg.a != null) h = cfg.a.call(h);
                    return functional.cross_entropy(h, y);
                }
            }
            """);

    [Fact]
    public Task Struct_field_set_only_by_a_method_read_before() =>
        RunAsync(Usings + Support + """
            public sealed class Trainer
            {
                private Slot slot;
                public void Init() => slot = new Slot(Softmax(1));
                public Tensor Batch(Tensor x, Tensor y)
                {
                    var h = Linear(8, 3).call(x);
                    if (slot.Act != null) h = slot.Act.call(h);
                    return functional.cross_entropy(h, y);
                }
            }
            """);

    [Fact]
    public Task Struct_wrapper_reset_with_this_default() =>
        RunAsync(Usings + Support + """
            public struct Wrap
            {
                private readonly TorchSharp.Modules.Softmax? act;
                public Wrap(int unused) { act = Softmax(1); }
                public void Reset() => this = default;
                public Tensor Apply(Tensor h)
                {
                    if (act != null) h = act.call(h);
                    return h;
                }
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var h = Linear(8, 3).call(x);
                    var w = new Wrap(1);
                    w.Reset();
                    h = w.Apply(h);
                    return functional.cross_entropy(h, y);
                }
            }
            """);

    [Fact]
    public Task Generic_class_nested_type_nulls_field() =>
        RunAsync(Usings + Support + """
            public sealed class G<T> : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private TorchSharp.Modules.Softmax? activation;
                public G() : base("G") { activation = Softmax(1); RegisterComponents(); }
                public static class Switch { public static void Off(G<T> m) => m.activation = null; }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (activation != null) h = activation.call(h);
                    return h;
                }
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var m = new G<int>();
                    G<int>.Switch.Off(m);
                    return functional.cross_entropy(m.call(x), y);
                }
            }
            """);

    [Fact]
    public Task Partial_class_other_part_nulls_field() =>
        RunAsync(Usings + Support + """
            public sealed partial class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private TorchSharp.Modules.Softmax? activation;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (activation != null) h = activation.call(h);
                    return h;
                }
            }
            public sealed partial class M
            {
                public void Off() => activation = null;
            }
            """ + UseAfterOff);

    [Fact]
    public Task This_chained_constructor_sets_conditionally() =>
        RunAsync(Usings + Support + """
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private readonly TorchSharp.Modules.Softmax? activation;
                public M() : this(false) { }
                public M(bool on) : base("M") { if (on) activation = Softmax(1); RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (activation != null) h = activation.call(h);
                    return h;
                }
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new M().call(x), y);
            }
            """);

    [Fact]
    public Task Peer_instance_field_read_through_this_state() =>
        RunAsync(Usings + Support + """
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private readonly TorchSharp.Modules.Softmax? activation;
                private readonly M? peer;
                public M(bool on, M? peer) : base("M") { if (on) activation = Softmax(1); this.peer = peer; RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    var source = peer ?? this;
                    if (source.activation != null) h = source.activation.call(h);
                    return h;
                }
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new M(true, new M(false, null)).call(x), y);
            }
            """);

    [Fact]
    public Task Peer_instance_field_read_in_static_helper() =>
        RunAsync(Usings + Support + """
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private readonly TorchSharp.Modules.Softmax? activation;
                public M(bool on) : base("M") { if (on) activation = Softmax(1); RegisterComponents(); }
                public Tensor Through(M other, Tensor x)
                {
                    var h = linear.call(x);
                    if (other.activation != null) h = other.activation.call(h);
                    return h;
                }
                public override Tensor forward(Tensor x) => linear.call(x);
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new M(true).Through(new M(false), x), y);
            }
            """);

    [Fact]
    public Task Init_only_property_overridden_by_initializer() =>
        RunAsync(Usings + Support + """
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                public TorchSharp.Modules.Softmax? Act { get; init; } = Softmax(1);
                public M() : base("M") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (Act != null) h = Act.call(h);
                    return h;
                }
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new M { Act = null }.call(x), y);
            }
            """);

    [Fact]
    public Task Field_initializer_reads_other_field_before_set() =>
        RunAsync(Usings + Support + """
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private readonly TorchSharp.Modules.Softmax? activation;
                private readonly TorchSharp.Modules.Softmax? copy;
                public M() : base("M") { copy = activation; activation = Softmax(1); RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (copy != null) h = copy.call(h);
                    return h;
                }
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new M().call(x), y);
            }
            """);

    [Fact]
    public Task Async_local_across_await_captured_by_stored_lambda() =>
        RunAsync(Usings + Support + """
            public static class Local
            {
                public static event Action? Tick;
                public static async Task<Tensor> Batch(Tensor x, Tensor y, Task gate)
                {
                    TorchSharp.Modules.Softmax? act = Softmax(1);
                    Tick += () => act = null;
                    await gate;
                    var h = Linear(8, 3).call(x);
                    if (act != null) h = act.call(h);
                    return functional.cross_entropy(h, y);
                }
            }
            """);

    [Fact]
    public Task Iterator_local_across_yield_captured() =>
        RunAsync(Usings + Support + """
            public static class Local
            {
                public static Action? Clear;
                public static IEnumerable<Tensor> Batches(Tensor x, Tensor y)
                {
                    TorchSharp.Modules.Softmax? act = Softmax(1);
                    Clear = () => act = null;
                    yield return x;
                    var h = Linear(8, 3).call(x);
                    if (act != null) h = act.call(h);
                    yield return functional.cross_entropy(h, y);
                }
            }
            """);

    // ---- round 2 ----

    [Fact]
    public Task Public_method_single_call_site() =>
        RunAsync(Usings + Support + """
            public static class Losses2
            {
                public static Tensor Loss(Tensor h, Tensor y, TorchSharp.Modules.Softmax? act)
                {
                    if (act != null) h = act.call(h);
                    return functional.cross_entropy(h, y);
                }
                public static Tensor A(Tensor h, Tensor y) => Loss(h, y, Softmax(1));
            }
            """);

    [Fact]
    public Task Private_method_group_invoked_with_null() =>
        RunAsync(Usings + Support + """
            public static class Losses2
            {
                private static Tensor Loss(Tensor h, Tensor y, TorchSharp.Modules.Softmax? act)
                {
                    if (act != null) h = act.call(h);
                    return functional.cross_entropy(h, y);
                }
                public static Tensor A(Tensor h, Tensor y) => Loss(h, y, Softmax(1));
                public static Func<Tensor, Tensor, TorchSharp.Modules.Softmax?, Tensor> F = Loss;
                public static Tensor B(Tensor h, Tensor y) => F(h, y, null);
            }
            """);

    [Fact]
    public Task Virtual_hook_condition_overridden() =>
        RunAsync(Usings + Support + """
            public class B : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private readonly TorchSharp.Modules.Softmax? activation;
                protected virtual bool UseAct => true;
                public B() : base("B") { if (UseAct) activation = Softmax(1); RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (activation != null) h = activation.call(h);
                    return h;
                }
            }
            public sealed class D : B { protected override bool UseAct => false; }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new D().call(x), y);
            }
            """);

    [Fact]
    public Task Virtual_factory_overridden_returns_null() =>
        RunAsync(Usings + Support + """
            public class B : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private readonly TorchSharp.Modules.Softmax? activation;
                protected virtual TorchSharp.Modules.Softmax? MakeAct() => Softmax(1);
                public B() : base("B") { activation = MakeAct(); RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (activation != null) h = activation.call(h);
                    return h;
                }
            }
            public sealed class D : B { protected override TorchSharp.Modules.Softmax? MakeAct() => null; }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new D().call(x), y);
            }
            """);

    [Theory]
    [InlineData("var w = new Wrap(); h = w.Apply(h);")]
    [InlineData("Wrap w = default; h = w.Apply(h);")]
    [InlineData("var w = new Wrap(1); w = default; h = w.Apply(h);")]
    [InlineData("var ws = new Wrap[1]; h = ws[0].Apply(h);")]
    public Task Struct_wrapper_without_constructor_run(string body) =>
        RunAsync(Usings + Support + """
            public struct Wrap
            {
                private readonly TorchSharp.Modules.Softmax? act;
                public Wrap(int unused) { act = Softmax(1); }
                public Tensor Apply(Tensor h)
                {
                    if (act != null) h = act.call(h);
                    return h;
                }
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var h = Linear(8, 3).call(x);
            """ + body + """

                    return functional.cross_entropy(h, y);
                }
            }
            """);

    [Fact]
    public Task Array_field_element_nulled_after_off() =>
        RunAsync(Usings + Support + """
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
            """ + UseAfterOff);

    [Fact]
    public Task Base_constructor_overload_does_not_set() =>
        RunAsync(Usings + Support + """
            public class B : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private readonly TorchSharp.Modules.Softmax? activation;
                protected B() : base("B") { activation = Softmax(1); RegisterComponents(); }
                protected B(int n) : base("B") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (activation != null) h = activation.call(h);
                    return h;
                }
            }
            public sealed class D : B { public D() : base(1) { } }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new D().call(x), y);
            }
            """);

    [Theory]
    [InlineData("TorchSharp.Modules.Softmax? act = null; Tensor Apply(Tensor t) => act != null ? act.call(t) : t; h = Apply(h); act = Softmax(1);")]
    [InlineData("TorchSharp.Modules.Softmax? act = null; Func<Tensor, Tensor> apply = t => act != null ? act.call(t) : t; h = apply(h); act = Softmax(1);")]
    [InlineData("TorchSharp.Modules.Softmax? act = Softmax(1); Func<Tensor, Tensor> apply = t => act != null ? act.call(t) : t; act = null; h = apply(h);")]
    [InlineData("TorchSharp.Modules.Softmax? act = Softmax(1); Tensor Apply(Tensor t) => act != null ? act.call(t) : t; act = null; h = Apply(h);")]
    public Task Captured_local_read_at_call_time(string body) =>
        RunAsync(Usings + Support + """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var h = Linear(8, 3).call(x);
            """ + body + """

                    return functional.cross_entropy(h, y);
                }
            }
            """);

    [Theory]
    [InlineData("private static (TorchSharp.Modules.Softmax? a, int k) cfg = (Softmax(1), 1);", "public static void Off() => cfg.a = null;", "var act = cfg.a;")]
    [InlineData("private (TorchSharp.Modules.Softmax? a, int k) cfg = (Softmax(1), 1);", "public void Off() => cfg.a = null;", "var act = cfg.a;")]
    [InlineData("private Slot slot = new Slot(Softmax(1));", "public void Off() => slot.Act = null;", "var act = slot.Act;")]
    [InlineData("private readonly TorchSharp.Modules.Softmax?[] acts = { Softmax(1) };", "public void Off() => acts[0] = null;", "var act = acts[0];")]
    [InlineData("private (TorchSharp.Modules.Softmax? a, int k) cfg = (Softmax(1), 1);", "public void Off() { ref var r = ref cfg.a; r = null; }", "var act = cfg.a;")]
    [InlineData("private static (TorchSharp.Modules.Softmax? a, int k) cfg = (Softmax(1), 1);", "public static void Off() { ref var r = ref cfg.a; r = null; }", "var act = cfg.a;")]
    public Task Trainer_composite_field_cleared_elsewhere(string field, string off, string read) =>
        RunAsync(Usings + Support + """
            public sealed class Trainer
            {
            """ + field + "\n" + off + """

                public Tensor Batch(Tensor x, Tensor y)
                {
                    var h = Linear(8, 3).call(x);
            """ + read + """

                    if (act != null) h = act.call(h);
                    return functional.cross_entropy(h, y);
                }
            }
            """);

    // ---- round 3 ----

    [Theory]
    [InlineData("Evil.Clear(act);")]
    [InlineData("Evil.Clear(in act);")]
    [InlineData("Evil.ClearReadonly(in act);")]
    public Task Callee_writes_through_readonly_reference(string call) =>
        RunAsync(Usings + Support + """
            internal static class Evil
            {
                public static void Clear(in TorchSharp.Modules.Softmax? a) => Unsafe.AsRef(in a) = null;
                public static void ClearReadonly(ref readonly TorchSharp.Modules.Softmax? a) => Unsafe.AsRef(in a) = null;
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var h = Linear(8, 3).call(x);
                    TorchSharp.Modules.Softmax? act = Softmax(1);
            """ + call + """

                    if (act != null) h = act.call(h);
                    return functional.cross_entropy(h, y);
                }
            }
            """);

    [Theory]
    [InlineData("public Action<M> Kill { get; } = m => m.activation = null;")]
    [InlineData("public event Action<M>? Kill = m => m.activation = null;")]
    public Task Instance_member_initializer_lambda_nulls_private_field(string member) =>
        RunAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
            """ + member + """

                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                public void Off() => Kill?.Invoke(this);
            """, UseAfterOff));

    [Fact]
    public Task Constructor_nulls_previous_readonly_field_via_other_instance() =>
        RunAsync(Model("M", """
                private TorchSharp.Modules.Softmax? activation;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                public M(M other) : this() { other.activation = null; }
            """, """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var a = new M();
                    _ = new M(a);
                    return functional.cross_entropy(a.call(x), y);
                }
            }
            """));

    // ---- round 4: the same construction holes with facts the base already trusted (delegate fields, bool flags) ----

    private static string Flagged(string members, string use) => Usings + Support + """
        public sealed class M : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
            private bool useAct;
            private Func<Tensor, Tensor>? post;
        """ + members + """

            public override Tensor forward(Tensor x)
            {
                var h = linear.call(x);
                if (useAct) h = functional.softmax(h, 1);
                if (post != null) h = post(h);
                return h;
            }
        }
        """ + use;

    [Theory]
    [InlineData("public static readonly Action<M> Kill = m => m.useAct = false; public M() : base(\"M\") { useAct = true; RegisterComponents(); }")]
    [InlineData("public static readonly Action<M> Kill = m => m.post = null; public M() : base(\"M\") { post = t => functional.softmax(t, 1); RegisterComponents(); }")]
    public Task Old_initializer_lambda_clears_constructed_fact(string members) =>
        RunAsync(Flagged(members, """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var m = new M();
                    M.Kill(m);
                    return functional.cross_entropy(m.call(x), y);
                }
            }
            """));

    [Theory]
    [InlineData("public M(M? previous) : base(\"M\") { useAct = true; if (previous != null) previous.useAct = false; RegisterComponents(); }")]
    [InlineData("public M(M? previous) : base(\"M\") { post = t => functional.softmax(t, 1); if (previous != null) previous.post = null; RegisterComponents(); }")]
    public Task Old_constructor_clears_previous_instance_fact(string members) =>
        RunAsync(Flagged(members, """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var a = new M(null);
                    _ = new M(a);
                    return functional.cross_entropy(a.call(x), y);
                }
            }
            """));

    private static Task RunAsync(string source)
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
