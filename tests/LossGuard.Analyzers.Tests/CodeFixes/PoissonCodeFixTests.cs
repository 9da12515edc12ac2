using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<
    LossGuard.Analyzers.Rules.ValueDomainAnalyzer,
    LossGuard.CodeFixes.LossGuardCodeFixProvider>;

namespace LossGuard.Analyzers.Tests.CodeFixes;

/// <summary>
/// Poisson NLL: rates an <c>exp</c> made, read as log-rates, become the exponent (the loss the user meant, without the
/// <c>eps</c> that <c>log_input: false</c> adds); other rates set <c>log_input: false</c>; a raw output read as rates sets
/// <c>log_input: true</c>.
/// </summary>
public sealed class PoissonCodeFixTests
{
    [Fact]
    public Task LG0007_exp_read_as_log_rates_becomes_its_exponent()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Counts
            {
                static Tensor Loss(Tensor z, Tensor counts) => F.poisson_nll_loss({|#0:exp(z)|}, counts) + F.poisson_nll_loss({|#1:z.exp()|}, counts, log_input: true);
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Counts
            {
                static Tensor Loss(Tensor z, Tensor counts) => F.poisson_nll_loss(z, counts) + F.poisson_nll_loss(z, counts, log_input: true);
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.WrongDomainForLoss), Verify.Finding(Descriptors.WrongDomainForLoss, 1));
    }

    [Fact]
    public Task LG0007_an_exp_local_only_the_loss_reads_goes_and_a_module_gets_the_exponent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Counts
            {
                static Tensor Loss(Tensor z, Tensor counts)
                {
                    var rates = exp(z);
                    return PoissonNLLLoss().forward({|#0:rates|}, counts);
                }
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Counts
            {
                static Tensor Loss(Tensor z, Tensor counts)
                {
                    return PoissonNLLLoss().forward(z, counts);
                }
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.WrongDomainForLoss));
    }

    [Fact]
    public Task LG0007_softplus_rates_under_the_default_log_input_get_log_input_false()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Counts
            {
                static Tensor Loss(Tensor z, Tensor counts) => F.poisson_nll_loss({|#0:F.softplus(z)|}, counts);
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Counts
            {
                static Tensor Loss(Tensor z, Tensor counts) => F.poisson_nll_loss(F.softplus(z), counts, log_input: false);
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.WrongDomainForLoss));
    }

    [Fact]
    public Task LG0007_a_raw_output_read_as_rates_gets_log_input_true()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Counts
            {
                static Tensor Loss(Tensor h, Tensor w, Tensor counts) => F.poisson_nll_loss({|#0:F.linear(h, w)|}, counts, log_input: false, full: true);
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Counts
            {
                static Tensor Loss(Tensor h, Tensor w, Tensor counts) => F.poisson_nll_loss(F.linear(h, w), counts, log_input: true, full: true);
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.WrongDomainForLoss));
    }

    [Fact]
    public Task LG0007_a_PoissonNLLLoss_module_given_softplus_rates_has_no_fix()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Counts
            {
                static Tensor Loss(Tensor z, Tensor counts) => PoissonNLLLoss().forward({|#0:F.softplus(z)|}, counts);
            }
            """;
        return Verify.CodeFixAsync(source, source, Verify.Finding(Descriptors.WrongDomainForLoss));
    }
}
