using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// A layer class on TorchSharp's non-generic <c>nn.Module</c>, with a <c>forward</c> of its own, made where the engine
/// sees it with a known activation argument, runs that method over the fields its constructor made from the argument;
/// other arguments, and overloads that do not apply the activation, stay silent.
/// </summary>
public sealed class NonGenericModuleFlowTests
{
    private const string Layers = """
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        public sealed class Dense : Module
        {
            private readonly Module<Tensor, Tensor> linear;
            private readonly Module<Tensor, Tensor> activation;
            public Dense(int input, int output, Module<Tensor, Tensor> activation) : base("Dense")
            {
                linear = Linear(input, output);
                this.activation = activation;
                RegisterComponents();
            }
            public Tensor forward(Tensor x) => activation.call(linear.call(x));
            public Tensor forward(Tensor x, bool raw) => raw ? linear.call(x) : activation.call(linear.call(x));
            public Tensor Raw(Tensor x) => linear.call(x);
        }

        """;

    [Fact]
    public Task A_layer_made_here_with_a_softmax_applies_it_in_its_own_forward() =>
        Verify.AnalyzerAsync(Layers + """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var head = new Dense(16, 4, Softmax(1));
                    return functional.cross_entropy({|#0:head.forward(x)|}, y);
                }
            }
            """, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));

    [Fact]
    public Task A_layer_held_in_a_field_of_a_model_applies_the_softmax_it_was_given() =>
        Verify.AnalyzerAsync(Layers + """
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Dense head = new Dense(16, 4, Softmax(1));
                public Net() : base("Net") => RegisterComponents();
                public override Tensor forward(Tensor x) => head.forward(x);
            }

            public static class Local
            {
                public static Tensor Batch(Net net, Tensor x, Tensor y) => CrossEntropyLoss().forward({|#0:net.forward(x)|}, y);
            }
            """, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));

    [Theory]
    [InlineData("new Dense(16, 4, Identity()).forward(x)")]
    [InlineData("new Dense(16, 4, Softmax(1)).forward(x, raw: true)")]
    [InlineData("new Dense(16, 4, Softmax(1)).Raw(x)")]
    [InlineData("new Dense(16, 4, activation).forward(x)")]
    public Task A_layer_whose_called_method_gives_logits_is_silent(string output) =>
        Verify.AnalyzerAsync(Layers + $$"""
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y, Module<Tensor, Tensor> activation) => functional.cross_entropy({{output}}, y);
            }
            """);
}
