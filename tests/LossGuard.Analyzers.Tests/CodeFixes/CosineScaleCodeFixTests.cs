using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<
    LossGuard.Analyzers.Rules.ValueDomainAnalyzer,
    LossGuard.CodeFixes.LossGuardCodeFixProvider>;

namespace LossGuard.Analyzers.Tests.CodeFixes;

/// <summary>LG0011: unscaled cosine similarities are multiplied by the scale ArcFace and CosFace use.</summary>
public sealed class CosineScaleCodeFixTests
{
    [Fact]
    public Task LG0011_cosines_into_cross_entropy_are_multiplied_by_a_scale_and_a_margin_is_parenthesised()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class FaceHead
            {
                static Tensor Loss(Tensor embeddings, Tensor weights, Tensor labels)
                {
                    var cosine = F.linear(F.normalize(embeddings, dim: -1), F.normalize(weights));
                    return F.cross_entropy({|#0:cosine|}, labels) + F.cross_entropy({|#1:cosine - 0.35f|}, labels);
                }
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class FaceHead
            {
                static Tensor Loss(Tensor embeddings, Tensor weights, Tensor labels)
                {
                    var cosine = F.linear(F.normalize(embeddings, dim: -1), F.normalize(weights));
                    return F.cross_entropy(cosine * 64f, labels) + F.cross_entropy((cosine - 0.35f) * 64f, labels);
                }
            }
            """;
        return Verify.CodeFixAsync(
            source, fixedSource, Verify.Finding(Descriptors.UnscaledCosineLogits, 0), Verify.Finding(Descriptors.UnscaledCosineLogits, 1));
    }
}
