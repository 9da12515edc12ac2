using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.Rules;

public sealed class WrongDomainForLossTests
{
    [Fact]
    public Task Softmax_output_into_negative_log_likelihood_is_LG0007_on_the_argument()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int[] y)
                {
                    var p = {|#1:Activations.Softmax(z, 5)|};
                    return Losses.NegativeLogLikelihood({|#0:p|}, y, 5);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(0).WithLocation(1)
                .WithArguments("Losses.NegativeLogLikelihood", "log-probabilities", "'p'", "probabilities", "Activations.Softmax", "7", "use the fused 'Activations.LogSoftmax' in its place"));
    }

    [Fact]
    public Task Log_probabilities_into_a_probability_space_loss_are_LG0007()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] t) =>
                    Losses.BinaryCrossEntropy({|#0:{|#1:Activations.LogSigmoid(z)|}|}, t);
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(0).WithLocation(1)
                .WithArguments("Losses.BinaryCrossEntropy", "sigmoid probabilities", "'Activations.LogSigmoid(z)'", "log-probabilities", "Activations.LogSigmoid", "6", "pass sigmoid probabilities"));
    }

    [Fact]
    public Task Log_softmax_into_negative_log_likelihood_is_correct_and_silent()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int[] y)
                {
                    var logp = new float[z.Length];
                    Activations.LogSoftmax(z, logp, 5);
                    return Losses.NegativeLogLikelihood(logp, y, 5);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task One_hot_labels_into_a_dense_loss_are_correct_and_silent()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int[] y) =>
                    Losses.SoftmaxCrossEntropyWithLogits(z, Labels.OneHot(y, 5), 5);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
