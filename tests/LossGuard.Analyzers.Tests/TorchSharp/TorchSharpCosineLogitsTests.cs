using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.TorchSharp;

/// <summary>LG0011: cosine similarities (normalised embeddings against normalised class weights) used as logits without a scale.</summary>
public sealed class TorchSharpCosineLogitsTests
{
    [Fact]
    public Task Normalised_embeddings_against_normalised_weights_into_cross_entropy_is_LG0011()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class FaceHead
            {
                static Tensor Loss(Tensor embeddings, Tensor weights, Tensor labels)
                {
                    var cosine = {|#1:F.linear(F.normalize(embeddings.reshape(-1, 64)), F.normalize(weights))|};
                    return F.cross_entropy({|#0:cosine|}, labels);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.UnscaledCosineLogits).WithLocation(0).WithLocation(1)
                .WithArguments("functional.cross_entropy", "functional.linear", "8", "input"));
    }

    [Fact]
    public Task A_margin_without_a_scale_through_mm_and_a_loss_module_is_LG0011()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class CosFace
            {
                static Tensor Loss(Tensor embeddings, Tensor centres, Tensor labels)
                {
                    var cosine = {|#2:F.normalize(embeddings.view(-1, 128), dim: 1).mm(F.normalize(centres.view(128, -1), dim: 0))|};
                    var margined = cosine - 0.35f;
                    return CrossEntropyLoss().forward({|#0:margined|}, labels)
                        + F.softmax({|#1:F.cosine_similarity(embeddings, centres)|}, 1).sum();
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.UnscaledCosineLogits).WithLocation(0).WithLocation(2)
                .WithArguments("CrossEntropyLoss.forward", "Tensor.mm", "9", "input"),
            Verify.Diagnostic(Descriptors.UnscaledCosineLogits).WithLocation(1).WithLocation(1)
                .WithArguments("functional.softmax", "functional.cosine_similarity", "12", "input"));
    }

    [Fact]
    public Task Scaled_cosines_a_learned_temperature_and_retrieval_are_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Heads
            {
                static Tensor ArcFace(Tensor embeddings, Tensor weights, Tensor labels)
                {
                    var cosine = F.linear(F.normalize(embeddings, dim: -1), F.normalize(weights));
                    return F.cross_entropy(cosine * 64f, labels);
                }

                static Tensor Temperature(Tensor embeddings, Tensor weights, Tensor labels, Tensor temperature)
                {
                    var cosine = F.linear(F.normalize(embeddings, dim: -1), F.normalize(weights));
                    return F.cross_entropy(cosine / temperature, labels);
                }

                static Tensor Retrieval(Tensor query, Tensor gallery) =>
                    F.linear(F.normalize(query), F.normalize(gallery)).argmax(1);

                static Tensor OnlyOneSideNormalised(Tensor embeddings, Tensor weights, Tensor labels) =>
                    F.cross_entropy(F.linear(F.normalize(embeddings), weights), labels);

                static Tensor NormalisedAlongTheBatch(Tensor embeddings, Tensor weights, Tensor labels) =>
                    F.cross_entropy(F.linear(F.normalize(embeddings, dim: 0), F.normalize(weights)), labels);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Cosines_scaled_in_place_a_sigmoid_of_cosines_and_rows_of_unknown_rank_are_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Heads
            {
                static Tensor InPlace(Tensor embeddings, Tensor weights, Tensor labels, Tensor s)
                {
                    var cosine = F.linear(F.normalize(embeddings, dim: -1), F.normalize(weights));
                    cosine.mul_(s);
                    return F.cross_entropy(cosine, labels);
                }

                static Tensor ScaledBeforeTheProduct(Tensor embeddings, Tensor weights, Tensor labels)
                {
                    var unit = F.normalize(embeddings, dim: -1);
                    unit.mul_(30f);
                    return F.cross_entropy(F.linear(unit, F.normalize(weights)), labels);
                }

                static Tensor Pairs(Tensor a, Tensor b) => F.logsigmoid(F.cosine_similarity(a, b)).mean();

                static Tensor Sequence(Tensor tokens, Tensor weights, Tensor labels) =>
                    F.cross_entropy(F.linear(F.normalize(tokens), F.normalize(weights)), labels);

                static Tensor OtherNorm(Tensor embeddings, Tensor weights, Tensor labels) =>
                    F.cross_entropy(F.linear(F.normalize(embeddings, p: 3, dim: -1), F.normalize(weights)), labels);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
