using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>Reshapes, selections, device moves and dispose-scope idioms keep what a tensor's values mean; modules and reshapes give a rank.</summary>
public sealed class ReshapeFlowTests
{
    [Theory]
    [InlineData("view(-1)")]
    [InlineData("reshape(-1)")]
    [InlineData("squeeze(1)")]
    [InlineData("squeeze()")]
    [InlineData("unsqueeze(0)")]
    [InlineData("flatten()")]
    [InlineData("permute(1, 0)")]
    [InlineData("transpose(0, 1)")]
    [InlineData("t()")]
    [InlineData("narrow(0, 0, 4)")]
    [InlineData("select(0, 1)")]
    [InlineData("index_select(0, index)")]
    [InlineData("gather(1, index)")]
    [InlineData("expand(8, 1)")]
    [InlineData("to(CPU)")]
    [InlineData("detach()")]
    [InlineData("MoveToOuterDisposeScope()")]
    [InlineData("DetachFromDisposeScope()")]
    [InlineData("view(-1, 1).squeeze(1)")]
    public Task A_reshaped_or_selected_sigmoid_output_is_still_probabilities(string reshape)
    {
        var source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Gan
            {
                static Tensor Step(Tensor logits, Tensor target, Tensor index) =>
                    {|#0:F.binary_cross_entropy(F.sigmoid(logits).RESHAPE, target)|};
            }
            """.Replace("RESHAPE", reshape, System.StringComparison.Ordinal);
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task Indexing_a_softmax_before_the_log_keeps_its_domain()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Agent
            {
                static Tensor Step(Tensor z, Tensor action, long batch) =>
                    {|#0:(F.softmax(z, 1)[arange(batch), action] + 1e-8).log()|};

                static Tensor Chosen(Tensor z) => {|#1:log(F.softmax(z, -1)[TensorIndex.Colon, TensorIndex.Single(0)])|};
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition), Finding.At(Descriptors.UnstableComposition, 1));
    }

    [Fact]
    public Task A_tuple_returned_by_a_helper_carries_its_elements_facts()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Agent
            {
                static (Tensor Probabilities, Tensor Value) Evaluate(Tensor z, Tensor v) => (F.softmax(z, 1), v);

                static Tensor Step(Tensor z, Tensor v)
                {
                    var (probs, value) = Evaluate(z, v);
                    return {|#0:probs.log()|} * value;
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_softmax_along_dimension_0_of_a_flattened_models_output_is_LG0008()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Predict
            {
                static Tensor Probabilities(Tensor image)
                {
                    var model = Sequential(Conv2d(1, 8, 3), Flatten(), Linear(8 * 26 * 26, 10));
                    return {|#0:F.softmax(model.forward(image), dim: 0)|};
                }

                static Tensor Reshaped(Tensor z) => {|#1:F.softmax(z.reshape(-1, 10), 0)|};

                static Tensor Flat(Tensor z) => {|#2:z.flatten(1).softmax(0)|};
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Finding.At(Descriptors.SoftmaxAlongBatchAxis),
            Finding.At(Descriptors.SoftmaxAlongBatchAxis, 1),
            Finding.At(Descriptors.SoftmaxAlongBatchAxis, 2));
    }

    [Fact]
    public Task A_softmax_along_dimension_0_of_a_vector_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Predict
            {
                static Tensor Probabilities(Tensor z) => F.softmax(z.flatten(), 0);

                static Tensor Row(Tensor z) => F.softmax(z.reshape(-1, 10)[0], 0);

                static Tensor Squeezed(Tensor image)
                {
                    var model = Sequential(Flatten(), Linear(784, 10));
                    return F.softmax(model.forward(image).squeeze(0), 0);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
