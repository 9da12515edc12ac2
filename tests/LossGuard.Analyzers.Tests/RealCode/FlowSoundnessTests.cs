using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// Look-alikes for the struct, dispatch and call-site flows (found by a review of the session that added them): each
/// changes or hides a value in a way the flow must not claim through.
/// </summary>
public sealed class FlowSoundnessTests
{
    private const string Heads = """
        using System;
        using static TorchSharp.torch;
        using F = TorchSharp.torch.nn.functional;

        struct Heads
        {
            public Tensor Policy;
            public Tensor Value;

            public Heads(Tensor policy, Tensor value)
            {
                Policy = policy;
                Value = value;
            }
        }

        """;

    [Fact]
    public Task A_deconstruction_into_struct_fields_changes_them()
    {
        var source = Heads + """
            static class Trainer
            {
                public static Tensor Step(Tensor x, Tensor y)
                {
                    var heads = new Heads(F.softmax(x, 1), x);
                    (heads.Policy, heads.Value) = (x, x);
                    return F.cross_entropy(heads.Policy, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_user_defined_conversion_between_structs_does_not_carry_fields_by_position()
    {
        var source = """
            using System;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            struct Pair
            {
                public Tensor Value;
                public Tensor Policy;

                public Pair(Tensor value, Tensor policy)
                {
                    Value = value;
                    Policy = policy;
                }
            }

            struct Heads
            {
                public Tensor Policy;
                public Tensor Value;

                public Heads(Tensor policy, Tensor value)
                {
                    Policy = policy;
                    Value = value;
                }

                public static implicit operator Heads(Pair pair) => new Heads(pair.Policy, pair.Value);
            }

            static class Trainer
            {
                public static Tensor Step(Tensor x, Tensor y)
                {
                    var pair = new Pair(F.softmax(x, 1), x);
                    Heads heads = pair;
                    return F.cross_entropy(heads.Policy, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_user_defined_conversion_from_a_tuple_does_not_carry_elements()
    {
        var source = """
            using System;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            struct Heads
            {
                public Tensor Policy;
                public Tensor Value;

                public Heads(Tensor policy, Tensor value)
                {
                    Policy = policy;
                    Value = value;
                }

                public static implicit operator Heads((Tensor Value, Tensor Policy) pair) => new Heads(pair.Policy, pair.Value);
            }

            static class Trainer
            {
                public static Tensor Step(Tensor x, Tensor y)
                {
                    Heads heads = (F.softmax(x, 1), x);
                    return F.cross_entropy(heads.Policy, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_struct_constructor_that_assigns_this_is_not_followed()
    {
        var source = """
            using System;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            struct Heads
            {
                public Tensor Policy;
                public Tensor Value;

                public Heads(Tensor policy, Tensor value, bool swap)
                {
                    Policy = policy;
                    Value = value;
                    if (swap)
                    {
                        this = new Heads(value, policy, false);
                    }
                }
            }

            static class Trainer
            {
                public static Tensor Step(Tensor x, Tensor y, bool swap)
                {
                    var heads = new Heads(F.softmax(x, 1), x, swap);
                    return F.cross_entropy(heads.Policy, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_ref_field_argument_that_the_graph_spills_is_forgotten_after_the_call()
    {
        var source = Heads + """
            static class Trainer
            {
                public static Tensor Step(Tensor x, Tensor y, int? k)
                {
                    var heads = new Heads(F.softmax(x, 1), x);
                    Replace(ref heads.Policy, k ?? 1);
                    return F.cross_entropy(heads.Policy, y);
                }

                private static void Replace(ref Tensor tensor, int k) => tensor = {|#0:tensor.log()|} * k;
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task An_in_parameter_may_alias_storage_changed_during_the_call()
    {
        var source = Heads + """
            static class Trainer
            {
                private static Heads current;

                public static Tensor Step(Tensor x, Tensor y)
                {
                    current = new Heads(F.softmax(x, 1), x);
                    return Mix(in current, x, y);
                }

                private static Tensor Mix(in Heads heads, Tensor x, Tensor y)
                {
                    current.Policy = x;
                    return F.cross_entropy(heads.Policy, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_delegate_of_an_overridable_method_is_not_followed()
    {
        const string source = """
            using System;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            abstract class Base
            {
                public virtual Tensor Out(Tensor x) => x * 2;
            }

            sealed class Derived : Base
            {
                public override Tensor Out(Tensor x) => F.softmax(x, 1);

                public Tensor Loss(Tensor x, Tensor y)
                {
                    Func<Tensor, Tensor> raw = base.Out;
                    return F.cross_entropy(raw(x), y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_generic_interface_implemented_twice_is_not_dispatched()
    {
        const string source = """
            using System;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            interface IHead<T>
            {
                Tensor Out(Tensor x);
            }

            sealed class Net : IHead<int>, IHead<long>
            {
                Tensor IHead<int>.Out(Tensor x) => F.softmax(x, 1);

                Tensor IHead<long>.Out(Tensor x) => x * 2;
            }

            static class Trainer
            {
                public static Tensor Step(IHead<long> head, Tensor x, Tensor y) => F.cross_entropy(head.Out(x), y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_generic_interface_implemented_twice_explicitly_is_not_dispatched()
    {
        const string source = """
            using System;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            interface IHead<T>
            {
                Tensor Out(Tensor x);
            }

            sealed class Net : IHead<long>, IHead<int>
            {
                Tensor IHead<long>.Out(Tensor x) => x * 2;

                Tensor IHead<int>.Out(Tensor x) => F.softmax(x, 1);
            }

            static class Trainer
            {
                public static Tensor Step(IHead<long> head, Tensor x, Tensor y) => F.cross_entropy(head.Out(x), y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_generic_interface_implemented_once_is_dispatched()
    {
        const string source = """
            using System;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            interface IHead<T>
            {
                Tensor Out(Tensor x);
            }

            sealed class Net : IHead<int>
            {
                public Tensor Out(Tensor x) => F.softmax(x, 1);
            }

            static class Trainer
            {
                public static Tensor Step(IHead<int> head, Tensor x, Tensor y) => F.cross_entropy({|#0:head.Out(x)|}, y);
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_struct_held_in_a_field_carries_no_fields()
    {
        var source = Heads + """
            sealed class Net : TorchSharp.torch.nn.Module<Tensor, Tensor>
            {
                private Heads heads;

                public Net(Tensor x) : base("net")
                {
                    heads = new Heads(F.softmax(x, 1), x);
                }

                public void UseLogits(Tensor x) => heads.Policy = x;

                public Heads Current() => heads;

                public override Tensor forward(Tensor x) => x;
            }

            static class Trainer
            {
                public static Tensor Step(Tensor x, Tensor y)
                {
                    var net = new Net(x);
                    net.UseLogits(x);
                    return F.cross_entropy(net.Current().Policy, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_generic_interface_implemented_twice_implicitly_is_not_dispatched()
    {
        const string source = """
            using System;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            interface IHead<T>
            {
                Tensor Out(T x);
            }

            sealed class Net : IHead<Tensor>, IHead<float[]>
            {
                public Tensor Out(Tensor x) => F.softmax(x, 1);

                public Tensor Out(float[] x) => tensor(x) * 2;
            }

            static class Trainer
            {
                public static Tensor Step(IHead<float[]> head, float[] x, Tensor y) => F.cross_entropy(head.Out(x), y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_ref_field_argument_is_forgotten_after_the_call_on_the_tree()
    {
        var source = Heads + """
            static class Trainer
            {
                public static Tensor Step(Tensor x, Tensor y, int k)
                {
                    var heads = new Heads(F.softmax(x, 1), x);
                    Replace(ref heads.Policy, k + 1);
                    return F.cross_entropy(heads.Policy, y);
                }

                private static void Replace(ref Tensor tensor, int k) => tensor = {|#0:tensor.log()|} * k;
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_ref_local_argument_that_the_graph_spills_is_forgotten_after_the_call()
    {
        var source = Heads + """
            static class Trainer
            {
                public static Tensor Step(Tensor x, Tensor y, int? k)
                {
                    var p = F.softmax(x, 1);
                    Replace(ref p, k ?? 1);
                    return F.cross_entropy(p, y);
                }

                private static void Replace(ref Tensor tensor, int k) => tensor = {|#0:tensor.log()|} * k;
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_struct_constructor_that_calls_its_own_methods_is_not_followed()
    {
        var source = """
            using System;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            struct Heads
            {
                public Tensor Policy;
                public Tensor Value;

                public Heads(Tensor policy, Tensor value)
                {
                    Policy = policy;
                    Value = value;
                    Sharpen();
                }

                private void Sharpen() => Policy = Policy * 2;
            }

            sealed class Net : TorchSharp.torch.nn.Module<Tensor, Tensor>
            {
                private readonly Heads heads;

                public Net(Tensor x) : base("net")
                {
                    heads = new Heads(F.softmax(x, 1), x);
                }

                public Heads Current() => heads;

                public override Tensor forward(Tensor x) => x;
            }

            static class Trainer
            {
                public static Tensor Step(Tensor x, Tensor y)
                {
                    var net = new Net(x);
                    return F.cross_entropy(net.Current().Policy, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    private const string Normalise = """
        using System;
        using System.Numerics.Tensors;

        static class Step
        {
            static void Normalise(float[] scores, float[] destination) =>
                TensorPrimitives.SoftMax(scores, destination);

            RAW

            static void Shifted(float[] scores, float[] destination)
            {
                var shifted = new float[scores.Length];
                TensorPrimitives.Subtract(scores, TensorPrimitives.Max(scores), shifted);
                Normalise(shifted, destination);
            }
        }
        """;

    // Same program, only the raw caller's length differs: the analyzer should say the same in both.
    [Fact]
    public Task Call_site_agreement_does_not_stop_early_on_buffers_short_caller()
    {
        var source = Normalise.Replace("RAW", "static void Raw(float[] s, float[] d) => Normalise(s, d);", System.StringComparison.Ordinal);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Call_site_agreement_does_not_stop_early_on_buffers_long_caller()
    {
        var source = Normalise.Replace(
            "RAW",
            """
            static void Raw(float[] scores, float[] destination)
            {
                var unused0 = scores.Length + destination.Length + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15;
                var unused1 = scores.Length + destination.Length + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15;
                Normalise(scores, destination);
            }
            """,
            System.StringComparison.Ordinal);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public void A_tree_with_a_formatting_character_in_an_identifier_may_spell_any_name()
    {
        // U+00AD SOFT HYPHEN (category Cf) written literally inside the identifier.
        var call = "class A { void M() { B.Tr\u00ADain(); } }";
        var tree = CSharpSyntaxTree.ParseText(call, path: "soft.cs");
        var declaration = CSharpSyntaxTree.ParseText("static class B { public static void Train() { } }", path: "decl.cs");
        var names = tree.GetRoot().DescendantNodes().OfType<IdentifierNameSyntax>().Select(n => n.Identifier.ValueText).ToList();
        Assert.Contains("Train", names);
        var compilation = CSharpCompilation.Create("Index", new[] { tree, declaration });
        var index = new NameIndex(compilation);
        Assert.Equal(new[] { "soft.cs", "decl.cs" }, index.TreesSpelling("Train", CancellationToken.None).Select(t => t.FilePath));
    }
}
