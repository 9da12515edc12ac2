using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// A network that returns its policy and value heads in a struct of its own: each field holds what the constructor
/// stored, while the variable holding the struct is only read, copied or has a field passed by <c>ref</c>; a struct
/// that the method changes in place says nothing.
/// </summary>
public sealed class StructFlowTests
{
    private const string Network = """
        using static TorchSharp.torch;
        using F = TorchSharp.torch.nn.functional;

        public struct Heads
        {
            public Tensor Policy;
            public Tensor Value;

            public Heads(Tensor policy, Tensor value)
            {
                Policy = policy;
                Value = value;
            }

            public void Reset(Tensor logits) => Policy = logits;
        }

        public sealed class Network
        {
            public Heads Forward(Tensor x)
            {
                var logits = x * 2;
                var softmax = TorchSharp.torch.nn.Softmax(1);
                return new Heads(softmax.forward(logits), tanh(x));
            }
        }

        """;

    [Fact]
    public Task A_softmax_head_returned_in_a_struct_and_passed_by_ref_to_a_loss_helper_is_LG0003_in_the_helper()
    {
        var source = Network + """
            public sealed class Trainer
            {
                private readonly Network network = new();

                public Tensor Step(Tensor boards, Tensor targets)
                {
                    var data = network.Forward(boards);
                    var policyLoss = LossPi(targets, ref data.Policy);
                    return policyLoss + data.Value.mean();
                }

                private static Tensor LossPi(Tensor targets, ref Tensor outputs) => -(targets * {|#0:log(outputs)|}).sum(1).mean();
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_struct_field_read_from_a_local_keeps_the_softmax()
    {
        var source = Network + """
            public static class Trainer
            {
                public static Tensor Step(Network network, Tensor x, Tensor y)
                {
                    var heads = network.Forward(x);
                    var copy = heads;
                    return F.cross_entropy({|#0:copy.Policy|}, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Theory]
    [InlineData("heads.Policy = x;")]
    [InlineData("heads.Reset(x);")]
    [InlineData("Replace(ref heads);")]
    [InlineData("Replace(ref heads.Policy);")]
    public Task A_struct_changed_in_place_before_the_read_says_nothing(string change)
    {
        var source = Network + """
            public static class Trainer
            {
                public static Tensor Step(Network network, Tensor x, Tensor y)
                {
                    var heads = network.Forward(x);
                    CHANGE
                    var copy = heads;
                    return F.cross_entropy(copy.Policy, y) + F.cross_entropy(heads.Policy, y);
                }

                private static void Replace(ref Heads heads) => heads = new Heads(heads.Value, heads.Value);

                private static void Replace(ref Tensor tensor) => tensor = tensor.exp();
            }
            """.Replace("CHANGE", change, System.StringComparison.Ordinal);
        return Verify.AnalyzerAsync(source);
    }
}
