using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.TorchSharp;

/// <summary>TorchSharp's functional API and Tensor methods, compiled against the real TorchSharp 0.107.0.</summary>
public sealed class TorchSharpFunctionalTests
{
    [Fact]
    public Task Cross_entropy_of_a_softmax_is_LG0001_on_the_input()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor output, Tensor target) =>
                    F.cross_entropy({|#0:{|#1:F.softmax(output, 1)|}|}, target);
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("functional.cross_entropy", "'F.softmax(output, 1)'", "functional.softmax", "7", "pass the logits"));
    }

    [Fact]
    public Task Tensor_method_and_torch_level_activations_are_followed_through_locals()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor output, Tensor target, Tensor labels)
                {
                    var probabilities = {|#1:output.softmax(-1)|};
                    var scores = {|#3:torch.sigmoid(output)|};
                    return F.cross_entropy({|#0:probabilities|}, target) + F.binary_cross_entropy_with_logits({|#2:scores|}, labels);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("functional.cross_entropy", "'probabilities'", "Tensor.softmax", "9", "pass the logits"),
            Verify.Diagnostic(Descriptors.SigmoidIntoLogitsLoss).WithLocation(2).WithLocation(3)
                .WithArguments("functional.binary_cross_entropy_with_logits", "'scores'", "torch.sigmoid", "10", "pass the logits"));
    }

    [Fact]
    public Task Nll_loss_of_a_softmax_is_LG0007_and_log_of_a_softmax_is_LG0003()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor x, Tensor y) =>
                    F.nll_loss({|#0:{|#1:F.softmax(x, 1)|}|}, y) + F.nll_loss({|#2:{|#3:F.softmax(x, 1)|}.log()|}, y);
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(0).WithLocation(1)
                .WithArguments("functional.nll_loss", "log-probabilities", "'F.softmax(x, 1)'", "probabilities", "functional.softmax", "7", "use the fused 'functional.log_softmax' in its place"),
            Verify.Diagnostic(Descriptors.UnstableComposition).WithLocation(2).WithLocation(3)
                .WithArguments("Tensor.log", "functional.softmax", "7", "use the fused 'functional.log_softmax'"));
    }

    [Fact]
    public Task Binary_cross_entropy_of_a_sigmoid_is_LG0003_on_the_loss_call()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor x, Tensor t) => {|#0:F.binary_cross_entropy({|#1:F.sigmoid(x)|}, t)|};
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.UnstableComposition).WithLocation(0).WithLocation(1)
                .WithArguments("functional.binary_cross_entropy", "functional.sigmoid", "6", "use the fused 'binary_cross_entropy_with_logits'"));
    }

    [Fact]
    public Task Integer_one_hot_targets_are_LG0005_and_float_one_hot_targets_are_legal_for_cross_entropy()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor logits, Tensor labels)
                {
                    var oneHot = {|#1:F.one_hot(labels, 10)|};
                    var distribution = oneHot.to_type(ScalarType.Float32);
                    return F.cross_entropy(logits, {|#0:oneHot|})
                        + F.cross_entropy(logits, distribution)
                        + F.nll_loss(F.log_softmax(logits, 1), {|#2:distribution|});
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.OneHotIntoSparseLoss).WithLocation(0).WithLocation(1)
                .WithArguments("functional.cross_entropy", "target", "functional.one_hot", "8"),
            Verify.Diagnostic(Descriptors.OneHotIntoSparseLoss).WithLocation(2).WithLocation(1)
                .WithArguments("functional.nll_loss", "target", "functional.one_hot", "8"));
    }

    [Fact]
    public Task Softmax_along_dim_0_of_a_known_2D_value_is_LG0008_and_of_a_1D_value_is_silent()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static (Tensor, Tensor, Tensor) Probabilities()
                {
                    var batch = torch.randn(1, 10);
                    var flat = torch.randn(10);
                    var reshaped = flat.view(2, 5);
                    return ({|#0:F.softmax(batch, 0)|}, F.softmax(flat, 0), {|#1:reshaped.log_softmax(0)|});
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxAlongBatchAxis).WithLocation(0).WithArguments("functional.softmax", "0", "a batch-first value", "1 or -1"),
            Verify.Diagnostic(Descriptors.SoftmaxAlongBatchAxis).WithLocation(1).WithArguments("Tensor.log_softmax", "0", "a batch-first value", "1 or -1"));
    }

    [Fact]
    public Task Correct_functional_training_code_is_silent()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor logits, Tensor labels, Tensor scores, Tensor values, Tensor targets)
                {
                    var accuracy = F.softmax(logits, 1).argmax(1).eq(labels).sum();
                    var attention = F.softmax(scores, -1).matmul(values);
                    return F.cross_entropy(logits, labels)
                        + F.nll_loss(F.log_softmax(logits, 1), labels)
                        + F.binary_cross_entropy_with_logits(attention, targets)
                        + F.log_softmax(torch.randn(4, 1, 3), 2).sum();
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
