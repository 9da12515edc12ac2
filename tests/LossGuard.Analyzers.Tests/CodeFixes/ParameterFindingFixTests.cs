using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Rules;
using LossGuard.CodeFixes;
using Xunit;

namespace LossGuard.Analyzers.Tests.CodeFixes;

/// <summary>
/// A finding in a helper whose parameter holds an activation's output from its call sites has no local rewrite: the
/// activation is in another method (and other callers may share the helper), so no fix is offered.
/// </summary>
public sealed class ParameterFindingFixTests
{
    private const string SoftmaxThroughHelper = """
        using static TorchSharp.torch;
        using F = TorchSharp.torch.nn.functional;

        static class Classifier
        {
            static Tensor ComputeLoss(Tensor output, Tensor target) => F.cross_entropy({|#0:output|}, target);

            static Tensor Step(Tensor logits, Tensor labels) => ComputeLoss(F.softmax(logits, 1), labels);
        }
        """;

    private const string SigmoidThroughHelper = """
        using static TorchSharp.torch;
        using F = TorchSharp.torch.nn.functional;

        static class Gan
        {
            static Tensor Loss(Tensor prediction, Tensor target) => {|#0:F.binary_cross_entropy(prediction, target)|};

            static Tensor Step(Tensor logits, Tensor ones) => Loss(F.sigmoid(logits), ones);
        }
        """;

    [Fact]
    public Task Passing_the_logits_is_not_offered_for_a_parameter() =>
        Infrastructure.Verify<ValueDomainAnalyzer, LossGuardCodeFixProvider>.CodeFixAsync(
            SoftmaxThroughHelper, SoftmaxThroughHelper, Infrastructure.Verify<ValueDomainAnalyzer, LossGuardCodeFixProvider>.Finding(Descriptors.SoftmaxIntoLogitsLoss));

    [Fact]
    public Task The_with_logits_loss_is_not_offered_for_a_parameter() =>
        Infrastructure.Verify<ValueDomainAnalyzer, LossGuardCodeFixProvider>.CodeFixAsync(
            SigmoidThroughHelper, SigmoidThroughHelper, Infrastructure.Verify<ValueDomainAnalyzer, LossGuardCodeFixProvider>.Finding(Descriptors.UnstableComposition));
}
