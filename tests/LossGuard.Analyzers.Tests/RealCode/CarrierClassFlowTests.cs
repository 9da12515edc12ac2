using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// Heads handed back in a class or record of your own that only carries them (get-only or <c>init</c> properties,
/// read-only fields): each holds what its constructor stored, wherever the object goes; a class whose members can be
/// set again, or an object changed by an initialiser or <c>with</c>, says nothing.
/// </summary>
public sealed class CarrierClassFlowTests
{
    private const string Usings = """
        using System;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        """;

    private static string Agent(string carrier, string step) => Usings + carrier + """

        public static class Agent
        {
            public static Outputs Evaluate(Tensor x) => new Outputs(functional.softmax(x, 1), x.sum());
        """ + step + """

        }
        """;

    private const string GetOnlyClass = """
        public sealed class Outputs
        {
            public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; }
            public Tensor Policy { get; }
            public Tensor Value { get; }
        }
        """;

    private const string PositionalRecord = "public sealed record Outputs(Tensor Policy, Tensor Value);";

    [Fact]
    public Task A_softmax_head_in_a_class_with_get_only_properties_into_cross_entropy_is_LG0001() =>
        Verify.AnalyzerAsync(
            Agent(GetOnlyClass, "    public static Tensor Step(Tensor x, Tensor y) => functional.cross_entropy({|#0:Evaluate(x).Policy|}, y);"),
            Finding.At(Descriptors.SoftmaxIntoLogitsLoss));

    [Fact]
    public Task A_softmax_head_in_a_positional_record_held_in_a_variable_is_LG0001() =>
        Verify.AnalyzerAsync(
            Agent(PositionalRecord, """
                    public static Tensor Step(Tensor x, Tensor y)
                    {
                        var outputs = Evaluate(x);
                        var value = outputs.Value;
                        return functional.cross_entropy({|#0:outputs.Policy|}, y) + value.mean();
                    }
                """),
            Finding.At(Descriptors.SoftmaxIntoLogitsLoss));

    [Fact]
    public Task A_softmax_head_in_read_only_fields_is_LG0001() =>
        Verify.AnalyzerAsync(
            Agent("""
                public class Outputs
                {
                    public readonly Tensor Policy;
                    public readonly Tensor Value;
                    public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; }
                }
                """, "    public static Tensor Step(Tensor x, Tensor y) => functional.cross_entropy({|#0:Evaluate(x).Policy|}, y);"),
            Finding.At(Descriptors.SoftmaxIntoLogitsLoss));

    [Fact]
    public Task A_sigmoid_in_a_record_with_init_properties_into_a_logits_loss_is_LG0002() =>
        Verify.AnalyzerAsync(Usings + """
            public sealed record Scores
            {
                public Scores(Tensor probability) => Probability = probability;
                public Tensor Probability { get; init; }
            }
            public static class Discriminator
            {
                static Scores Judge(Tensor x) => new Scores(functional.sigmoid(x));
                public static Tensor Step(Tensor x, Tensor y) => functional.binary_cross_entropy_with_logits({|#0:Judge(x).Probability|}, y);
            }
            """, Finding.At(Descriptors.SigmoidIntoLogitsLoss));

    [Theory]
    [InlineData("public sealed class Outputs { public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; } public Tensor Policy { get; set; } public Tensor Value { get; set; } }", "var o = Evaluate(x); Reset(o); return functional.cross_entropy(o.Policy, y); void Reset(Outputs target) => target.Policy = x;")]
    [InlineData("public sealed class Outputs { public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; } public Tensor Policy; public readonly Tensor Value; }", "var o = Evaluate(x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("public sealed class Outputs { public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; } public Tensor Policy { get; } public Tensor Value { get; } = zeros(1); }", "return functional.cross_entropy(Evaluate(x).Policy, y);")]
    [InlineData(PositionalRecord, "var o = Evaluate(x) with { Policy = x }; return functional.cross_entropy(o.Policy, y);")]
    [InlineData(PositionalRecord, "var o = new Outputs(functional.softmax(x, 1), x) { Policy = x }; return functional.cross_entropy(o.Policy, y);")]
    [InlineData(PositionalRecord, "var o = y.sum().item<float>() > 0 ? Evaluate(x) : new Outputs(x, x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData(PositionalRecord, "var o = Evaluate(x); o = new Outputs(x, x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("public record Outputs(Tensor Policy, Tensor Value) { public Tensor Policy { get; init; } = Policy.log_softmax(1); }", "return functional.nll_loss(Evaluate(x).Policy, y);")]
    [InlineData("public class Outputs { public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; } public virtual Tensor Policy { get; } public Tensor Value { get; } } public sealed class Raw : Outputs { public Raw(Tensor p, Tensor v) : base(p, v) { } public override Tensor Policy => Value; }", "Outputs o = new Raw(functional.softmax(x, 1), x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("public class Outputs { public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; Fix(); } public Tensor Policy { get; } public Tensor Value { get; } private void Fix() { } }", "return functional.cross_entropy(Evaluate(x).Policy, y);")]
    [InlineData("public class Outputs { public Outputs(Tensor policy, Tensor value) : this(policy) { Value = value; } private Outputs(Tensor policy) => Policy = policy.log(); public Tensor Policy { get; } public Tensor Value { get; } }", "return functional.cross_entropy(Evaluate(x).Policy, y);")]
    [InlineData(PositionalRecord, "var o = Evaluate(x); o.Policy.copy_(x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData(PositionalRecord, "var o = Evaluate(x); var p = o.Policy; p.copy_(x); return functional.cross_entropy(o.Policy, y);")]
    [InlineData("public class Base { } public class Outputs : Base { public Outputs(Tensor policy, Tensor value) { Policy = policy; Value = value; } public Tensor Policy { get; } public Tensor Value { get; } }", "return functional.cross_entropy(Evaluate(x).Policy, y);")]
    public Task A_carrier_that_may_hold_another_head_is_silent(string carrier, string body) =>
        Verify.AnalyzerAsync(Agent(carrier, $$"""
                public static Tensor Step(Tensor x, Tensor y)
                {
                    {{body}}
                }
            """));

    [Fact]
    public Task A_carrier_kept_in_a_field_that_a_method_replaces_is_silent() =>
        Verify.AnalyzerAsync(Usings + PositionalRecord + """

            public sealed class Trainer
            {
                private Outputs last = new Outputs(zeros(1), zeros(1));
                public void Observe(Tensor x) => last = new Outputs(functional.softmax(x, 1), x);
                public void Forget(Tensor x) => last = new Outputs(x, x);
                public Tensor Step(Tensor y) => functional.cross_entropy(last.Policy, y);
            }
            """);
}
