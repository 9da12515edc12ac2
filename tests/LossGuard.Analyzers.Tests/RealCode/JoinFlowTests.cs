using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// <c>torch.cat</c> / <c>stack</c> / <c>hstack</c> / <c>vstack</c> keep what every part means when all parts mean the
/// same and the join leaves a softmax's axis whole; mixed parts, a join along the class axis, or an unknown axis are silent.
/// </summary>
public sealed class JoinFlowTests
{
    [Theory]
    [InlineData("torch.cat(new[] { F.sigmoid(a), F.sigmoid(b) }, dim: 1)")]
    [InlineData("torch.cat(new Tensor[] { F.sigmoid(a), torch.sigmoid(b) }, 0)")]
    [InlineData("torch.cat([F.sigmoid(a), F.sigmoid(b)], 1)")]
    [InlineData("torch.concat(new[] { F.sigmoid(a), F.sigmoid(b) }, -1)")]
    [InlineData("torch.concatenate(new[] { F.sigmoid(a), F.sigmoid(b) }, axis: 1)")]
    [InlineData("torch.stack(new[] { F.sigmoid(a), F.sigmoid(b) }, 2)")]
    [InlineData("torch.stack([F.sigmoid(a), F.sigmoid(b)])")]
    [InlineData("torch.hstack(F.sigmoid(a), F.sigmoid(b))")]
    [InlineData("torch.vstack(new[] { F.sigmoid(a), F.sigmoid(b) })")]
    [InlineData("torch.cat(new[] { F.sigmoid(a), F.sigmoid(b) }, 1).narrow(1, 4, 1)")]
    public Task A_join_of_sigmoid_outputs_is_still_sigmoid_output_along_any_axis(string join)
    {
        var source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Detector
            {
                static Tensor Step(Tensor a, Tensor b, Tensor target)
                {
                    var p = JOIN;
                    return {|#0:F.binary_cross_entropy(p, target)|};
                }
            }
            """.Replace("JOIN", join, System.StringComparison.Ordinal);
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_join_in_a_body_read_through_the_control_flow_graph_is_followed_the_same()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Detector
            {
                static Tensor Step(Tensor a, Tensor b, Tensor target)
                {
                    try
                    {
                        var p = torch.cat([F.sigmoid(a), F.sigmoid(b ?? a)], 1);
                        var q = torch.stack(new[] { F.sigmoid(a), F.sigmoid(b) }, 1);
                        return {|#0:F.binary_cross_entropy(p, target)|} + {|#1:F.binary_cross_entropy(q, target)|};
                    }
                    finally
                    {
                        a.Dispose();
                    }
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition), Finding.At(Descriptors.UnstableComposition, 1));
    }

    [Fact]
    public Task A_narrowed_channel_of_a_module_output_that_joins_sigmoid_heads_is_sigmoid_output_in_place_and_through_a_helper()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            public sealed class Head : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> box = Linear(8, 4), obj = Linear(8, 1);
                public Head() : base("Head") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var b = torch.sigmoid(box.forward(x));
                    var o = torch.sigmoid(obj.forward(x));
                    return torch.cat(new[] { b, o }, dim: 1);
                }
            }

            public static class Uses
            {
                static Tensor Loss(Tensor prediction, Tensor target) =>
                    {|#0:functional.binary_cross_entropy(prediction.narrow(1, 4, 1), target)|};

                public static Tensor ThroughHelper(Head m, Tensor x, Tensor y) => Loss(m.forward(x), y);

                public static Tensor InPlace(Head m, Tensor x, Tensor y) =>
                    {|#1:functional.binary_cross_entropy(m.forward(x).narrow(1, 4, 1), y)|};
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition), Finding.At(Descriptors.UnstableComposition, 1));
    }

    [Theory]
    [InlineData("torch.cat(new[] { F.softmax(a, 1), F.softmax(b, 1) }, 0)")]
    [InlineData("torch.cat(new[] { F.softmax(a, -1), F.softmax(b, -1) }, -2)")]
    [InlineData("torch.cat(new[] { F.softmax(a.reshape(-1, 10), 1), F.softmax(b.reshape(-1, 10), 1) }, -2)")]
    [InlineData("torch.stack(new[] { F.softmax(a, 1), F.softmax(b, 1) }, 0)")]
    [InlineData("torch.stack(new[] { F.softmax(a, 1), F.softmax(b, 1) }, 1)")]
    [InlineData("torch.stack(new[] { F.softmax(a, -1), F.softmax(b, -1) }, -1)")]
    public Task A_join_of_softmax_outputs_along_another_axis_is_still_probabilities(string join)
    {
        var source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Ensemble
            {
                static Tensor Step(Tensor a, Tensor b)
                {
                    var p = JOIN;
                    return {|#0:p.log()|};
                }
            }
            """.Replace("JOIN", join, System.StringComparison.Ordinal);
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_join_of_logits_is_still_logits()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class TwoHeads
            {
                static Tensor Step(Tensor x, Tensor y)
                {
                    var l = Linear(8, 5);
                    var r = Linear(8, 5);
                    var scores = torch.cat(new[] { l.forward(x), r.forward(x) }, 0);
                    return functional.nll_loss({|#0:scores|}, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.WrongDomainForLoss));
    }

    [Theory]
    // A sigmoid part beside a ReLU part: not every element is a probability.
    [InlineData("torch.cat(new[] { F.sigmoid(a), F.relu(b) }, 1)")]
    // Softmax outputs side by side along their class axis: each row sums to two.
    [InlineData("torch.cat(new[] { F.softmax(a, 1), F.softmax(b, 1) }, 1)")]
    [InlineData("torch.cat(new[] { F.softmax(a, -1), F.softmax(b, -1) }, 1)")]
    [InlineData("torch.hstack(F.softmax(a.reshape(-1, 10), 1), F.softmax(b.reshape(-1, 10), 1))")]
    // The axis is not known (a parameter), nor the rank that would tell -1 from 1.
    [InlineData("torch.cat(new[] { F.softmax(a, 1), F.softmax(b, 1) }, axis)")]
    [InlineData("torch.cat(new[] { F.softmax(a, -1), F.softmax(b, -1) }, 0)")]
    [InlineData("torch.stack(new[] { F.softmax(a, 1), F.softmax(b, 1) }, axis)")]
    [InlineData("torch.hstack(F.softmax(a, 1), F.softmax(b, 1))")]
    // Softmax along different axes.
    [InlineData("torch.stack(new[] { F.softmax(a, 1), F.softmax(b, 0) }, 2)")]
    // An array variable: its elements may have changed before the call.
    [InlineData("torch.cat(parts, 0)")]
    public Task A_join_of_mixed_parts_along_the_class_axis_or_an_unknown_axis_is_silent(string join)
    {
        var source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Ensemble
            {
                static Tensor Step(Tensor a, Tensor b, Tensor[] parts, long axis)
                {
                    var p = JOIN;
                    return F.binary_cross_entropy(p, a) + p.log();
                }
            }
            """.Replace("JOIN", join, System.StringComparison.Ordinal);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_stack_along_a_new_first_axis_is_no_batch_axis_but_a_concatenation_keeps_the_rank()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Ensemble
            {
                // Softmax over the stacked members: along the new axis 0, no batch axis.
                static Tensor OverMembers(Tensor a, Tensor b) => F.softmax(torch.stack(new[] { a.reshape(-1, 10), b.reshape(-1, 10) }, 0), 0);

                // Two batches of scores one after the other: axis 0 is still the batch.
                static Tensor OverBatch(Tensor a, Tensor b) => {|#0:F.softmax(torch.cat(new[] { a.reshape(-1, 10), b.reshape(-1, 10) }, 0), 0)|};
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxAlongBatchAxis));
    }
}
