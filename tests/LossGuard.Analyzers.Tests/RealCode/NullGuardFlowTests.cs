using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// An activation applied only when it is set (<c>if (act != null)</c>, <c>is not null</c>) is
/// applied when the module was made on every path that reaches the check; a member that may not be assigned yet, or an
/// activation that may be null, stays silent.
/// </summary>
public sealed class NullGuardFlowTests
{
    private const string Layers = """
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        public sealed class Dense : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> linear;
            private readonly Module<Tensor, Tensor>? activation;
            public Dense(int input, int output, Module<Tensor, Tensor>? activation = null) : base("Dense")
            {
                linear = Linear(input, output);
                this.activation = activation;
                RegisterComponents();
            }
            public override Tensor forward(Tensor x)
            {
                x = linear.call(x);
                if (activation != null)
                {
                    x = activation.call(x);
                }
                return x;
            }
        }

        public sealed class Head : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
            private readonly Module<Tensor, Tensor>? activation;
            public Head() : base("Head") { activation = Softmax(1); RegisterComponents(); }
            public override Tensor forward(Tensor x) => activation is not null ? activation.call(linear.call(x)) : linear.call(x);
        }

        public sealed class TwoWays : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
            private readonly Module<Tensor, Tensor>? activation;
            public TwoWays() : base("TwoWays") { activation = Softmax(1); RegisterComponents(); }
            public TwoWays(int unused) : base("TwoWays") => RegisterComponents();
            public override Tensor forward(Tensor x) => activation is not null ? activation.call(linear.call(x)) : linear.call(x);
        }

        public sealed class Lazy : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
            private Module<Tensor, Tensor>? activation;
            public Lazy() : base("Lazy") => RegisterComponents();
            public void Serve() => activation = Softmax(1);
            public override Tensor forward(Tensor x) => activation?.call(linear.call(x)) ?? linear.call(x);
        }

        """;

    [Fact]
    public Task A_local_activation_checked_for_null_is_applied() =>
        Verify.AnalyzerAsync(Layers + """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var linear = Linear(8, 3);
                    Module<Tensor, Tensor>? act = Softmax(1);
                    var h = linear.call(x);
                    if (act != null)
                        h = act.call(h);
                    return functional.cross_entropy({|#0:h|}, y);
                }
            }
            """, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));

    [Fact]
    public Task A_layer_given_an_activation_applies_it_under_its_null_check() =>
        Verify.AnalyzerAsync(Layers + """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy({|#0:new Dense(16, 4, Softmax(1)).call(x)|}, y);
            }
            """, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));

    [Fact]
    public Task A_layer_whose_constructor_makes_the_activation_applies_it_under_is_not_null() =>
        Verify.AnalyzerAsync(Layers + """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy({|#0:new Head().call(x)|}, y);
            }
            """, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));

    [Fact]
    public Task A_sigmoid_given_to_a_layer_is_applied_under_its_null_check_before_a_logits_loss() =>
        Verify.AnalyzerAsync(Layers + """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y) =>
                    functional.binary_cross_entropy_with_logits({|#0:new Dense(16, 1, Sigmoid()).call(x)|}, y);
            }
            """, Finding.At(Descriptors.SigmoidIntoLogitsLoss));

    [Theory]
    [InlineData("Module<Tensor, Tensor>? act = flag ? Softmax(1) : null;")]
    [InlineData("Module<Tensor, Tensor>? act = Softmax(1); if (flag) act = null;")]
    [InlineData("Module<Tensor, Tensor>? act = Softmax(1); ref var alias = ref act; alias = null;")]
    [InlineData("var act = Activations.Pick(flag);")]
    public Task A_local_activation_that_may_be_null_is_silent(string declaration) =>
        Verify.AnalyzerAsync(Layers + $$"""
            public static class Activations
            {
                public static Module<Tensor, Tensor>? Pick(bool on) => on ? Softmax(1) : null;
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y, bool flag)
                {
                    {{declaration}}
                    var h = Linear(8, 3).call(x);
                    if (act != null)
                        h = act.call(h);
                    return functional.cross_entropy(h, y);
                }
            }
            """);

    [Theory]
    [InlineData("new Dense(16, 4).call(x)")]
    [InlineData("new Dense(16, 4, null).call(x)")]
    [InlineData("new Dense(16, 4, activation).call(x)")]
    [InlineData("new TwoWays().call(x)")]
    [InlineData("new TwoWays(1).call(x)")]
    [InlineData("lazy.call(x)")]
    public Task An_activation_that_may_be_null_is_silent(string output) =>
        Verify.AnalyzerAsync(Layers + $$"""
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y, Module<Tensor, Tensor>? activation, Lazy lazy) => functional.cross_entropy({{output}}, y);
            }
            """);

    [Fact]
    public Task A_member_assigned_outside_the_constructors_is_not_taken_as_set() =>
        Verify.AnalyzerAsync(Layers + """
            public sealed class Trainer
            {
                private Module<Tensor, Tensor>? act;
                public void Init() => act = Softmax(1);
                public Tensor Batch(Tensor x, Tensor y)
                {
                    var h = Linear(8, 3).call(x);
                    if (act != null) h = act.call(h);
                    return functional.cross_entropy(h, y);
                }
            }
            """);
}
