using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// Look-alikes of the constructor-switch, allocation and non-generic module flows (a review of them): switches and fields
/// changed after construction by lambdas, nested types, statics, other objects, overloads that do not apply the
/// activation. Each must stay silent.
/// </summary>
public sealed class ConstructorSwitchSoundnessTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        """;

    private static Task Silent(string code) => Verify.AnalyzerAsync(Usings + code);

    // ---- switch changed after construction ----

    [Fact]
    public Task S01_static_method_of_the_class_flips_private_switch() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private bool probs;
            public Clf(int input, int classes, bool probs) : base("Clf") { body = Linear(input, classes); this.probs = probs; RegisterComponents(); }
            public static void ToLogits(Clf c) => c.probs = false;
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(16, 4, true);
                Clf.ToLogits(m);
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S02_lambda_made_in_the_constructor_flips_private_switch() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private bool probs;
            public readonly Action ToLogits;
            public Clf(int input, int classes, bool probs) : base("Clf") { body = Linear(input, classes); this.probs = probs; ToLogits = () => this.probs = false; RegisterComponents(); }
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(16, 4, true);
                m.ToLogits();
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S02b_lambda_made_in_the_constructor_flips_private_field_class_level() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private bool probs;
            public readonly Action ToLogits;
            public Clf(int input, int classes) : base("Clf") { body = Linear(input, classes); probs = true; ToLogits = () => probs = false; RegisterComponents(); }
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(16, 4);
                m.ToLogits();
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S03_nested_class_flips_private_switch() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private bool probs;
            public Clf(int input, int classes, bool probs) : base("Clf") { body = Linear(input, classes); this.probs = probs; RegisterComponents(); }
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
            public static class Flipper { public static void Flip(Clf c) => c.probs = false; }
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(16, 4, true);
                Clf.Flipper.Flip(m);
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S04_switch_changed_through_ref_in_a_method() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private bool probs;
            public Clf(int input, int classes, bool probs) : base("Clf") { body = Linear(input, classes); this.probs = probs; RegisterComponents(); }
            public void Off() => Set(ref probs, false);
            private static void Set(ref bool b, bool v) => b = v;
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(16, 4, true);
                m.Off();
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S05_internal_switch_changed_through_ref_outside() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            internal bool Probs;
            public Clf(int input, int classes, bool probs) : base("Clf") { body = Linear(input, classes); Probs = probs; RegisterComponents(); }
            public override Tensor forward(Tensor x) => Probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            private static void Set(ref bool b, bool v) => b = v;
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(16, 4, true);
                Set(ref m.Probs, false);
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S06_public_switch_set_in_an_object_initialiser() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            public bool Probs;
            public Clf(int input, int classes, bool probs) : base("Clf") { body = Linear(input, classes); Probs = probs; RegisterComponents(); }
            public override Tensor forward(Tensor x) => Probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(16, 4, true) { Probs = false };
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S07_init_property_switch_set_in_an_object_initialiser() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            public bool Probs { get; init; }
            public Clf(int input, int classes, bool probs) : base("Clf") { body = Linear(input, classes); Probs = probs; RegisterComponents(); }
            public override Tensor forward(Tensor x) => Probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(16, 4, true) { Probs = false };
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S08_auto_property_switch_set_outside() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            public bool Probs { get; set; }
            public Clf(int input, int classes, bool probs) : base("Clf") { body = Linear(input, classes); Probs = probs; RegisterComponents(); }
            public override Tensor forward(Tensor x) => Probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(16, 4, true);
                m.Probs = false;
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S09_switch_toggled_by_negation_in_a_method() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private bool probs;
            public Clf(int input, int classes, bool probs) : base("Clf") { body = Linear(input, classes); this.probs = probs; RegisterComponents(); }
            public void Toggle() => probs ^= true;
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(16, 4, true);
                m.Toggle();
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S10_protected_switch_changed_by_derived_method() => Silent("""
        public class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            protected bool probs;
            public Clf(int input, int classes, bool probs) : base("Clf") { body = Linear(input, classes); this.probs = probs; RegisterComponents(); }
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public sealed class Served : Clf
        {
            public Served(bool probs) : base(16, 4, probs) { }
            public void Off() => probs = false;
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Served(true);
                m.Off();
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S11_this_chain_constructor() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private readonly bool probs;
            public Clf(int input, int classes, bool logits) : base("Clf") { body = Linear(input, classes); probs = !logits; RegisterComponents(); }
            public Clf(bool probs) : this(16, 4, probs) { }
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new Clf(true).forward(x), y);
        }
        """);

    [Fact]
    public Task S12_virtual_forward_overridden_in_subclass_made_with_switch() => Silent("""
        public class Clf : Module<Tensor, Tensor>
        {
            protected readonly Module<Tensor, Tensor> body;
            private readonly bool probs;
            public Clf(int input, int classes, bool probs) : base("Clf") { body = Linear(input, classes); this.probs = probs; RegisterComponents(); }
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public sealed class Raw : Clf
        {
            public Raw(bool probs) : base(16, 4, probs) { }
            public override Tensor forward(Tensor x) => body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new Raw(true).forward(x), y);
        }
        """);

    [Fact]
    public Task S13_subclass_sets_base_switch_after_base_constructor() => Silent("""
        public class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            protected bool probs;
            public Clf(int input, int classes, bool probs) : base("Clf") { body = Linear(input, classes); this.probs = probs; RegisterComponents(); }
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public sealed class Raw : Clf
        {
            public Raw(bool probs) : base(16, 4, probs) { this.probs = false; }
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new Raw(true).forward(x), y);
        }
        """);

    [Fact]
    public Task S14_generic_class_with_switch_changed_by_method() => Silent("""
        public sealed class Clf<T> : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private bool probs;
            public Clf(int input, int classes, bool probs) : base("Clf") { body = Linear(input, classes); this.probs = probs; RegisterComponents(); }
            public void Off() => probs = false;
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf<int>(16, 4, true);
                m.Off();
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S15_two_creations_with_different_switches_in_one_variable() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private readonly bool probs;
            public Clf(int input, int classes, bool probs) : base("Clf") { body = Linear(input, classes); this.probs = probs; RegisterComponents(); }
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y, bool serve, int i)
            {
                var m = serve ? new Clf(16, 4, true) : new Clf(16, 4, false);
                Clf[] all = { new Clf(16, 4, true), new Clf(16, 4, false) };
                var list = new List<Clf> { new Clf(16, 4, false) };
                list.Add(new Clf(16, 4, true));
                return functional.cross_entropy(m.forward(x), y) + functional.cross_entropy(all[i].forward(x), y) + functional.cross_entropy(list[i].forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S16_int_argument_decides_the_branch_with_a_switch_present() => Silent("""
        public sealed class Head : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private readonly Module<Tensor, Tensor> act;
            public Head(int classes, bool bias) : base("Head")
            {
                body = Linear(16, classes, hasBias: bias);
                act = classes == 1 ? Identity() : Softmax(1);
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => act.forward(body.forward(x));
        }
        public static class Local
        {
            public static Tensor Four(Tensor x, Tensor y) => functional.nll_loss(torch.log(new Head(4, true).forward(x)), y);
            public static Tensor One(Tensor x, Tensor y) => functional.cross_entropy(new Head(1, true).forward(x), y);
        }
        """);

    [Fact]
    public Task S17_int_mode_selects_branch_in_forward_with_switch() => Silent("""
        public sealed class Head : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private readonly int mode;
            private readonly bool probs;
            public Head(int mode, bool probs) : base("Head") { body = Linear(16, 4); this.mode = mode; this.probs = probs; RegisterComponents(); }
            public override Tensor forward(Tensor x) => probs && mode == 1 ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor One(Tensor x, Tensor y) => functional.nll_loss(torch.log(new Head(1, true).forward(x)), y);
            public static Tensor Zero(Tensor x, Tensor y) => functional.cross_entropy(new Head(0, true).forward(x), y);
        }
        """);

    // ---- FilledFrom / AssignedOutside ----

    private const string Open = """
        public sealed class OpenNet : Module<Tensor, Tensor>
        {
            public Module<Tensor, Tensor> Head;
            public Module<Tensor, Tensor> Body;
            public OpenNet(int input, int classes, bool bias = true) : base("OpenNet")
            {
                Body = Linear(input, 64, hasBias: bias);
                Head = Sequential(Linear(64, classes, hasBias: bias), Softmax(1));
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => Head.forward(Body.forward(x));
        }
        public static class Util { public static void Set(ref Module<Tensor, Tensor> m, Module<Tensor, Tensor> v) => m = v; }

        """;

    [Theory]
    [InlineData("var m = new OpenNet(16, 4, false) { Head = Linear(64, 4) };")]
    [InlineData("var m = new OpenNet(16, 4, false); Util.Set(ref m.Head, Linear(64, 4));")]
    [InlineData("var m = new OpenNet(16, 4, false); (m.Head, m.Body) = (Linear(64, 4), Linear(16, 64));")]
    [InlineData("var m = new OpenNet(16, 4, false); ref var h = ref m.Head; h = Linear(64, 4);")]
    [InlineData("var m = new OpenNet(16, 4, false); System.Threading.Interlocked.Exchange(ref m.Head, Linear(64, 4));")]
    [InlineData("var m = new OpenNet(16, 4, false); var d = new Dictionary<int, OpenNet> { [0] = m }; d[0].Head = Linear(64, 4);")]
    public Task S18_public_field_reassigned_outside_in_odd_ways(string statements) => Silent(Open + $$"""
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                {{statements}}
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S19_public_field_reassigned_by_derived_class_constructor() => Silent("""
        public class OpenNet : Module<Tensor, Tensor>
        {
            public Module<Tensor, Tensor> Head;
            private readonly Module<Tensor, Tensor> body;
            public OpenNet(int input, int classes, bool bias = true) : base("OpenNet")
            {
                body = Linear(input, 64, hasBias: bias);
                Head = Sequential(Linear(64, classes, hasBias: bias), Softmax(1));
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => Head.forward(body.forward(x));
        }
        public sealed class Logits : OpenNet
        {
            public Logits() : base(16, 4, false) { Head = Linear(64, 4); }
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new Logits().forward(x), y);
        }
        """);

    [Fact]
    public Task S20_public_field_class_level_differs_per_constructor() => Silent("""
        public sealed class OpenNet : Module<Tensor, Tensor>
        {
            public Module<Tensor, Tensor> Head = Sequential(Linear(64, 4), Softmax(1));
            private readonly Module<Tensor, Tensor> body;
            public OpenNet(bool bias) : base("OpenNet") { body = Linear(16, 64, hasBias: bias); RegisterComponents(); }
            public OpenNet(bool bias, int classes) : base("OpenNet") { body = Linear(16, 64, hasBias: bias); Head = Linear(64, classes); RegisterComponents(); }
            public override Tensor forward(Tensor x) => Head.forward(body.forward(x));
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new OpenNet(true, 4).forward(x), y);
        }
        """);

    [Fact]
    public Task S21_array_field_changed_in_place_by_a_method_with_switch() => Silent("""
        public sealed class Chain : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor>[] layers;
            private readonly bool bias;
            public Chain(bool bias) : base("Chain") { this.bias = bias; layers = new Module<Tensor, Tensor>[] { Linear(16, 4, hasBias: bias), Softmax(1) }; RegisterComponents(); }
            public void ToLogits() => layers[1] = Identity();
            public override Tensor forward(Tensor x) { foreach (var l in layers) x = l.forward(x); return x; }
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Chain(true);
                m.ToLogits();
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S21b_array_field_changed_in_place_by_a_method_class_level() => Silent("""
        public sealed class Chain : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor>[] layers;
            public Chain() : base("Chain") { layers = new Module<Tensor, Tensor>[] { Linear(16, 4), Softmax(1) }; RegisterComponents(); }
            public void ToLogits() => layers[1] = Identity();
            public override Tensor forward(Tensor x) { foreach (var l in layers) x = l.forward(x); return x; }
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Chain();
                m.ToLogits();
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S21c_public_array_field_changed_in_place_outside_with_module_argument() => Silent("""
        public sealed class Chain : Module<Tensor, Tensor>
        {
            public readonly Module<Tensor, Tensor>[] Layers;
            public Chain(Module<Tensor, Tensor> last) : base("Chain") { Layers = new Module<Tensor, Tensor>[] { Linear(16, 4), last }; RegisterComponents(); }
            public override Tensor forward(Tensor x) { foreach (var l in Layers) x = l.forward(x); return x; }
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Chain(Softmax(1));
                m.Layers[1] = Identity();
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S22_overloaded_forward_on_generic_module_with_switch() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private readonly bool probs;
            public Clf(int input, int classes, bool probs) : base("Clf") { body = Linear(input, classes); this.probs = probs; RegisterComponents(); }
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
            public Tensor forward(Tensor x, bool raw) => raw ? body.forward(x) : forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new Clf(16, 4, true).forward(x, raw: true), y);
        }
        """);

    [Fact]
    public Task S22b_overloaded_forward_on_generic_module_with_module_argument() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private readonly Module<Tensor, Tensor> act;
            public Clf(Module<Tensor, Tensor> act) : base("Clf") { body = Linear(16, 4); this.act = act; RegisterComponents(); }
            public override Tensor forward(Tensor x) => act.forward(body.forward(x));
            public Tensor forward(Tensor x, bool raw) => raw ? body.forward(x) : forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new Clf(Softmax(1)).forward(x, raw: true), y);
        }
        """);

    [Fact]
    public Task S23_recursive_model_made_with_a_switch_does_not_crash() => Silent("""
        public sealed class Node : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private readonly Node? child;
            private readonly bool leaf;
            public Node(bool leaf) : base("Node") { body = Linear(4, 4); this.leaf = leaf; if (!leaf) child = new Node(true); RegisterComponents(); }
            public override Tensor forward(Tensor x) => leaf ? body.forward(x) : child!.forward(body.forward(x));
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new Node(false).forward(x), y);
        }
        """);

    // ---- non-generic Module ----

    private const string Dense = """
        public sealed class Dense : Module
        {
            private readonly Module<Tensor, Tensor> linear;
            private Module<Tensor, Tensor> activation;
            public Dense(int input, int output, Module<Tensor, Tensor> activation) : base("Dense")
            {
                linear = Linear(input, output);
                this.activation = activation;
                RegisterComponents();
            }
            public void Plain() => activation = Identity();
            public Tensor forward(Tensor x) => activation.call(linear.call(x));
        }

        """;

    [Fact]
    public Task S24_non_generic_layer_whose_activation_a_method_replaces() => Silent(Dense + """
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var head = new Dense(16, 4, Softmax(1));
                head.Plain();
                return functional.cross_entropy(head.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S25_non_generic_layer_public_activation_replaced_outside() => Silent("""
        public sealed class Dense : Module
        {
            private readonly Module<Tensor, Tensor> linear;
            public Module<Tensor, Tensor> Activation;
            public Dense(int input, int output, Module<Tensor, Tensor> activation) : base("Dense") { linear = Linear(input, output); Activation = activation; RegisterComponents(); }
            public Tensor forward(Tensor x) => Activation.call(linear.call(x));
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var head = new Dense(16, 4, Softmax(1));
                head.Activation = Identity();
                return functional.cross_entropy(head.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S26_non_generic_layer_overloads_declared_in_other_order() => Silent("""
        public sealed class Dense : Module
        {
            private readonly Module<Tensor, Tensor> linear;
            private readonly Module<Tensor, Tensor> activation;
            public Dense(Module<Tensor, Tensor> activation) : base("Dense") { linear = Linear(16, 4); this.activation = activation; RegisterComponents(); }
            public Tensor forward(Tensor x, Tensor mask) => linear.call(x) * mask;
            public Tensor forward(Tensor x) => activation.call(linear.call(x));
            public Tensor call(Tensor x, bool raw) => raw ? linear.call(x) : forward(x);
            public Tensor Generic<T>(Tensor x) => linear.call(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y, Tensor mask)
            {
                var head = new Dense(Softmax(1));
                return functional.cross_entropy(head.forward(x, mask), y) + functional.cross_entropy(head.call(x, true), y) + functional.cross_entropy(head.Generic<int>(x), y);
            }
        }
        """);

    [Fact]
    public Task S27_non_generic_layer_switch_changed_by_method() => Silent("""
        public sealed class Dense : Module
        {
            private readonly Module<Tensor, Tensor> linear;
            private bool probs;
            public Dense(bool probs) : base("Dense") { linear = Linear(16, 4); this.probs = probs; RegisterComponents(); }
            public void Train() => probs = false;
            public Tensor forward(Tensor x) => probs ? functional.softmax(linear.call(x), 1) : linear.call(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var head = new Dense(true);
                head.Train();
                return functional.cross_entropy(head.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S28_non_generic_layer_method_reassigns_then_returns() => Silent("""
        public sealed class Dense : Module
        {
            private readonly Module<Tensor, Tensor> linear;
            private Module<Tensor, Tensor> activation;
            public Dense(Module<Tensor, Tensor> activation) : base("Dense") { linear = Linear(16, 4); this.activation = activation; RegisterComponents(); }
            public Tensor Logits(Tensor x) { activation = Identity(); return activation.call(linear.call(x)); }
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(new Dense(Softmax(1)).Logits(x), y);
        }
        """);

    [Fact]
    public Task S29_non_generic_partial_abstract_nested_static_odd_shapes() => Silent("""
        public abstract partial class Base : Module
        {
            protected readonly Module<Tensor, Tensor> activation;
            protected Base(Module<Tensor, Tensor> activation) : base("Base") => this.activation = activation;
            public abstract Tensor Run(Tensor x);
        }
        public abstract partial class Base { public Tensor Raw(Tensor x) => x; }
        public sealed partial class Impl : Base
        {
            public Impl(Module<Tensor, Tensor> activation) : base(activation) { }
            public override Tensor Run(Tensor x) => Raw(x);
            public sealed class Inner : Module { public Inner(bool b) : base("Inner") { } public Tensor Id(Tensor x) => x; }
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y) =>
                functional.cross_entropy(new Impl(Softmax(1)).Run(x), y) + functional.cross_entropy(new Impl.Inner(true).Id(x), y);
        }
        """);

    [Fact]
    public Task S30_error_types_do_not_crash() => Verify.AnalyzerAsync(Usings + """
        public sealed class Bad : Module
        {
            private readonly {|CS0246:Missing|} m;
            private readonly bool probs;
            public Bad(bool probs) : base("Bad") { this.probs = probs; m = {|CS0103:Missing|}.Make(); }
            public Tensor forward(Tensor x) => probs ? functional.softmax(x, 1) : x;
        }
        public sealed class Bad2 : Module<Tensor, Tensor>
        {
            private readonly bool probs;
            public Bad2(bool probs, {|CS0246:Nope|} n) : base("Bad2") { this.probs = probs; }
            public override Tensor forward(Tensor x) => probs ? functional.softmax(x, 1) : x;
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y) =>
                functional.cross_entropy(new Bad(false).forward(x), y) + functional.cross_entropy(new Bad2(false, null!).forward(x), y) + functional.cross_entropy(new {|CS1729:Bad|}(false, 1).forward(x), y);
        }
        """);

    [Fact]
    public Task S31_switch_captured_by_base_constructor_virtual_call() => Silent("""
        public abstract class Root : Module<Tensor, Tensor>
        {
            protected Root() : base("Root") => Setup();
            protected abstract void Setup();
        }
        public sealed class Clf : Root
        {
            private readonly Module<Tensor, Tensor> body = Linear(16, 4);
            private bool probs;
            public Clf(bool probs) { this.probs = probs; RegisterComponents(); }
            protected override void Setup() { }
            public void Off() => Setup2(this);
            private static void Setup2(Clf c) => c.probs = false;
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(true);
                m.Off();
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S32_switch_in_private_field_changed_by_local_function_in_constructor_stored_in_event() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private bool probs;
            public event Action? Reset;
            public Clf(bool probs) : base("Clf") { body = Linear(16, 4); this.probs = probs; Reset += Off; void Off() => this.probs = false; RegisterComponents(); }
            public void Fire() => Reset?.Invoke();
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(true);
                m.Fire();
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S33_switch_field_changed_through_a_property_setter_in_the_class() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private bool probs;
            public bool Probs { set => probs = value; }
            public Clf(bool probs) : base("Clf") { body = Linear(16, 4); this.probs = probs; RegisterComponents(); }
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(true) { Probs = false };
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    // ---- batch 2 ----

    [Fact]
    public Task S34_internal_switch_changed_by_nested_class() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            internal bool Probs;
            public Clf(bool probs) : base("Clf") { body = Linear(16, 4); Probs = probs; RegisterComponents(); }
            public override Tensor forward(Tensor x) => Probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
            public static class Flipper { public static void Flip(Clf c) => c.Probs = false; }
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(true);
                Clf.Flipper.Flip(m);
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S35_public_field_class_level_changed_by_nested_class() => Silent("""
        public sealed class OpenNet : Module<Tensor, Tensor>
        {
            public Module<Tensor, Tensor> Head;
            private readonly Module<Tensor, Tensor> body;
            public OpenNet(bool bias) : base("OpenNet") { body = Linear(16, 64, hasBias: bias); Head = Sequential(Linear(64, 4), Softmax(1)); RegisterComponents(); }
            public override Tensor forward(Tensor x) => Head.forward(body.forward(x));
            public static class Fix { public static void Logits(OpenNet n) => n.Head = Linear(64, 4); }
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new OpenNet(false);
                OpenNet.Fix.Logits(m);
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S36_non_generic_virtual_method_overridden_in_subclass() => Silent("""
        public class Dense : Module
        {
            protected readonly Module<Tensor, Tensor> linear;
            private readonly Module<Tensor, Tensor> activation;
            public Dense(Module<Tensor, Tensor> activation) : base("Dense") { linear = Linear(16, 4); this.activation = activation; RegisterComponents(); }
            public virtual Tensor forward(Tensor x) => activation.call(linear.call(x));
        }
        public sealed class Raw : Dense
        {
            public Raw(Module<Tensor, Tensor> activation) : base(activation) { }
            public override Tensor forward(Tensor x) => linear.call(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                Dense d = new Raw(Softmax(1));
                return functional.cross_entropy(d.forward(x), y) + functional.cross_entropy(new Raw(Softmax(1)).forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S37_switch_model_typed_as_base_with_override() => Silent("""
        public class Clf : Module<Tensor, Tensor>
        {
            protected readonly Module<Tensor, Tensor> body;
            private readonly bool probs;
            public Clf(bool probs) : base("Clf") { body = Linear(16, 4); this.probs = probs; RegisterComponents(); }
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public sealed class Raw : Clf
        {
            public Raw(bool probs) : base(probs) { }
            public override Tensor forward(Tensor x) => body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                Clf m = new Raw(true);
                Module<Tensor, Tensor> n = new Raw(true);
                return functional.cross_entropy(m.forward(x), y) + functional.cross_entropy(n.call(x), y);
            }
        }
        """);

    [Fact]
    public Task S38_non_generic_layer_in_a_model_field_changed_by_outside_code() => Silent("""
        public sealed class Dense : Module
        {
            private readonly Module<Tensor, Tensor> linear;
            public Module<Tensor, Tensor> Activation;
            public Dense(Module<Tensor, Tensor> activation) : base("Dense") { linear = Linear(16, 4); Activation = activation; RegisterComponents(); }
            public Tensor forward(Tensor x) => Activation.call(linear.call(x));
        }
        public sealed class Net : Module<Tensor, Tensor>
        {
            public readonly Dense Head = new Dense(Softmax(1));
            public Net() : base("Net") => RegisterComponents();
            public override Tensor forward(Tensor x) => Head.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var net = new Net();
                net.Head.Activation = Identity();
                return functional.cross_entropy(net.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S39_switch_private_field_flipped_through_this_passed_out_in_constructor() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private bool probs;
            public Clf(bool probs, List<Clf> registry) : base("Clf") { body = Linear(16, 4); this.probs = probs; registry.Add(this); RegisterComponents(); }
            public static void AllLogits(List<Clf> registry) { foreach (var c in registry) c.probs = false; }
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y, List<Clf> registry)
            {
                var m = new Clf(true, registry);
                Clf.AllLogits(registry);
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    // ---- batch 3 ----

    [Fact]
    public Task S40_static_switch_overwritten_by_a_later_creation() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private static bool probs;
            public Clf(bool p) : base("Clf") { body = Linear(16, 4); probs = p; RegisterComponents(); }
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var a = new Clf(true);
                var b = new Clf(false);
                return functional.cross_entropy(a.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S41_switch_written_into_a_shared_config_object() => Silent("""
        public sealed class Config { public bool Probs; }
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private readonly Config cfg;
            public Clf(Config cfg, bool p) : base("Clf") { body = Linear(16, 4); this.cfg = cfg; cfg.Probs = p; RegisterComponents(); }
            public override Tensor forward(Tensor x) => cfg.Probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var cfg = new Config();
                var a = new Clf(cfg, true);
                var b = new Clf(cfg, false);
                return functional.cross_entropy(a.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S42_switch_held_by_inner_mutable_layer_object() => Silent("""
        public sealed class Gate { public bool Probs; public Gate(bool p) => Probs = p; }
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            public readonly Gate Gate;
            public Clf(bool p) : base("Clf") { body = Linear(16, 4); Gate = new Gate(p); RegisterComponents(); }
            public override Tensor forward(Tensor x) => Gate.Probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var a = new Clf(true);
                a.Gate.Probs = false;
                return functional.cross_entropy(a.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S03b_nested_class_flips_private_field_class_level() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private bool probs;
            public Clf(int input, int classes) : base("Clf") { body = Linear(input, classes); probs = true; RegisterComponents(); }
            public override Tensor forward(Tensor x) => probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
            public static class Flipper { public static void Flip(Clf c) => c.probs = false; }
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(16, 4);
                Clf.Flipper.Flip(m);
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    // ---- batch 4 ----

    [Fact]
    public Task S40b_static_layer_overwritten_by_a_later_creation_with_module_argument() => Silent("""
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private static Module<Tensor, Tensor>? act;
            public Clf(Module<Tensor, Tensor> a) : base("Clf") { body = Linear(16, 4); act = a; RegisterComponents(); }
            public override Tensor forward(Tensor x) => act!.forward(body.forward(x));
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var a = new Clf(Softmax(1));
                var b = new Clf(Identity());
                return functional.cross_entropy(a.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S43_non_generic_static_activation_overwritten_by_a_later_creation() => Silent("""
        public sealed class Dense : Module
        {
            private readonly Module<Tensor, Tensor> linear;
            private static Module<Tensor, Tensor>? activation;
            public Dense(Module<Tensor, Tensor> a) : base("Dense") { linear = Linear(16, 4); activation = a; RegisterComponents(); }
            public Tensor forward(Tensor x) => activation!.call(linear.call(x));
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var a = new Dense(Softmax(1));
                var b = new Dense(Identity());
                return functional.cross_entropy(a.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S47_switch_inside_a_struct_field_changed_by_a_method() => Silent("""
        public struct Opts { public bool Probs; }
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private Opts opts;
            public Clf(bool p) : base("Clf") { body = Linear(16, 4); opts.Probs = p; RegisterComponents(); }
            public void Off() => opts.Probs = false;
            public override Tensor forward(Tensor x) => opts.Probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(true);
                m.Off();
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task S48_switch_in_a_record_struct_replaced_with_with() => Silent("""
        public record struct Opts(bool Probs);
        public sealed class Clf : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private Opts opts;
            public Clf(bool p) : base("Clf") { body = Linear(16, 4); opts = new Opts(p); RegisterComponents(); }
            public void Off() => opts = opts with { Probs = false };
            public override Tensor forward(Tensor x) => opts.Probs ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var m = new Clf(true);
                m.Off();
                return functional.cross_entropy(m.forward(x), y);
            }
        }
        """);
}
