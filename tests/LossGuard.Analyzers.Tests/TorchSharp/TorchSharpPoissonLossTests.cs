using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.TorchSharp;

/// <summary>
/// The Poisson negative log-likelihood: with <c>log_input: true</c> (the default, as in PyTorch) its input is log-rates,
/// so rates made positive by <c>exp</c> or <c>softplus</c> are LG0007; with <c>log_input: false</c> it is rates, so a raw
/// output is LG0007.
/// </summary>
public sealed class TorchSharpPoissonLossTests
{
    [Fact]
    public Task Poisson_nll_loss_of_exp_under_the_default_log_input_is_LG0007()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Counts
            {
                static Tensor Loss(Tensor features, Tensor weights, Tensor counts)
                {
                    var rates = {|#1:exp(F.linear(features, weights))|};
                    return F.poisson_nll_loss({|#0:rates|}, counts);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Finding(0, "functional.poisson_nll_loss", LogRates, "'rates'", "positive rates", "torch.exp", "8", PassExponent("torch.exp")));
    }

    [Fact]
    public Task Poisson_nll_loss_of_softplus_or_Tensor_exp_with_log_input_true_is_LG0007()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Counts
            {
                static Tensor Loss(Tensor output, Tensor counts) =>
                    F.poisson_nll_loss({|#0:{|#1:F.softplus(output)|}|}, counts, log_input: true)
                    + F.poisson_nll_loss({|#2:{|#3:output.exp()|}|}, counts);
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Finding(0, "functional.poisson_nll_loss", LogRates, "'F.softplus(output)'", "positive rates", "functional.softplus", "7", "set log_input: false"),
            Finding(2, "functional.poisson_nll_loss", LogRates, "'output.exp()'", "positive rates", "Tensor.exp", "8", PassExponent("Tensor.exp")));
    }

    [Fact]
    public Task Poisson_nll_loss_of_a_raw_linear_output_with_log_input_false_is_LG0007()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Counts
            {
                static Tensor Loss(Tensor features, Tensor counts)
                {
                    var head = {|#1:Linear(16, 1)|};
                    var output = head.forward(features);
                    return F.poisson_nll_loss({|#0:output|}, counts, log_input: false);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Finding(0, "functional.poisson_nll_loss", "positive rates with log_input: false", "'output'", "raw logits", "nn.Linear", "9", "set log_input: true"));
    }

    [Fact]
    public Task A_PoissonNLLLoss_module_reads_log_input_from_its_construction()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            sealed class CountModel
            {
                private readonly TorchSharp.Modules.PoissonNLLLoss byDefault = PoissonNLLLoss();
                private readonly TorchSharp.Modules.PoissonNLLLoss onRates = PoissonNLLLoss(log_input: false);

                public Tensor Loss(Tensor output, Tensor counts) =>
                    byDefault.forward({|#0:{|#1:F.softplus(output)|}|}, counts)
                    + byDefault.forward({|#2:{|#3:exp(output)|}|}, counts)
                    + onRates.forward(F.softplus(output), counts)
                    + onRates.forward(exp(output), counts)
                    + byDefault.forward(output, counts);
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Finding(0, "PoissonNLLLoss.forward", LogRates, "'F.softplus(output)'", "positive rates", "functional.softplus", "11", "set log_input: false"),
            Finding(2, "PoissonNLLLoss.forward", LogRates, "'exp(output)'", "positive rates", "torch.exp", "12", PassExponent("torch.exp")));
    }

    [Fact]
    public Task A_sequential_ending_in_Softplus_trained_with_PoissonNLLLoss_is_LG0007()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Counts
            {
                static Tensor Step(Tensor x, Tensor counts)
                {
                    var model = Sequential(Linear(8, 32), ReLU(), Linear(32, 1), {|#1:Softplus()|});
                    var criterion = PoissonNLLLoss();
                    var rates = model.forward(x);
                    return criterion.forward({|#0:rates|}, counts);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Finding(0, "PoissonNLLLoss.forward", LogRates, "'rates'", "positive rates", "nn.Softplus", "8", "set log_input: false"));
    }

    [Fact]
    public Task Exp_of_log_softmax_is_probabilities_positive_rates_for_Poisson_and_a_softmax_for_cross_entropy()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Mixture
            {
                static Tensor Loss(Tensor logits, Tensor counts, Tensor labels)
                {
                    var shares = {|#1:exp(F.log_softmax(logits, 1))|};
                    return F.poisson_nll_loss({|#0:shares|}, counts)
                        + F.poisson_nll_loss(shares, counts, log_input: false)
                        + F.cross_entropy({|#2:shares|}, labels);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Finding(0, "functional.poisson_nll_loss", LogRates, "'shares'", "probabilities", "torch.exp", "8", PassExponent("torch.exp")),
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(2).WithLocation(1)
                .WithArguments("functional.cross_entropy", "'shares'", "torch.exp", "8", "pass the logits"));
    }

    [Fact]
    public Task Poisson_nll_loss_whose_input_matches_log_input_or_is_not_known_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Counts
            {
                static Tensor Loss(Tensor features, Tensor weights, Tensor output, Tensor counts, bool fromConfig)
                {
                    var logRates = F.linear(features, weights);
                    var reassigned = exp(logRates);
                    reassigned = logRates;
                    return F.poisson_nll_loss(exp(logRates), counts, log_input: false)
                        + F.poisson_nll_loss(F.softplus(logRates), counts, log_input: false)
                        + F.poisson_nll_loss(logRates, counts)
                        + F.poisson_nll_loss(logRates, counts, log_input: true)
                        + F.poisson_nll_loss(F.log_softmax(logRates, 1), counts)
                        + F.poisson_nll_loss(output, counts, log_input: false)
                        + F.poisson_nll_loss(exp(output), counts, log_input: fromConfig)
                        + F.poisson_nll_loss(logRates, counts, log_input: fromConfig)
                        + F.poisson_nll_loss(reassigned, counts)
                        + PoissonNLLLoss(log_input: fromConfig).forward(exp(output), counts);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Rates_or_log_rates_on_two_paths_are_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Counts
            {
                static Tensor Loss(Tensor output, Tensor counts, bool positive)
                {
                    var input = output;
                    var criterion = PoissonNLLLoss();
                    if (positive)
                    {
                        input = exp(output);
                        criterion = PoissonNLLLoss(log_input: false);
                    }

                    return F.poisson_nll_loss(input, counts) + criterion.forward(exp(output), counts);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    private const string LogRates = "log-rates (a raw output) with log_input: true";

    /// <summary>LG0007 at location <paramref name="at"/>, the value made at the next location.</summary>
    private static DiagnosticResult Finding(int at, string loss, string expects, string received, string holds, string origin, string line, string remedy) =>
        Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(at).WithLocation(at + 1).WithArguments(loss, expects, received, holds, origin, line, remedy);

    private static string PassExponent(string exp) => $"pass what '{exp}' is applied to (the log-rates)";
}
