using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using FusedLog = LossGuard.Analyzers.Tests.Infrastructure.Verify<
    LossGuard.Analyzers.Rules.ValueDomainAnalyzer,
    LossGuard.CodeFixes.LossGuardCodeFixProvider>;
using SetArgument = LossGuard.Analyzers.Tests.Infrastructure.Verify<
    LossGuard.Analyzers.Rules.ValueDomainAnalyzer,
    LossGuard.CodeFixes.LossGuardCodeFixProvider>;

namespace LossGuard.Analyzers.Tests.CodeFixes;

/// <summary>KL divergence: a softmax student becomes <c>log_softmax</c>; a target whose form does not match <c>log_target</c> sets the flag to its form.</summary>
public sealed class KlDivergenceCodeFixTests
{
    [Fact]
    public Task LG0007_softmax_student_given_to_kl_div_becomes_log_softmax()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Distillation
            {
                static Tensor Loss(Tensor s, Tensor t) => F.kl_div({|#0:F.softmax(s, 1)|}, F.softmax(t, 1), log_target: false);
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Distillation
            {
                static Tensor Loss(Tensor s, Tensor t) => F.kl_div(F.log_softmax(s, 1), F.softmax(t, 1), log_target: false);
            }
            """;
        return FusedLog.CodeFixAsync(source, fixedSource, FusedLog.Finding(Descriptors.WrongDomainForLoss));
    }

    [Fact]
    public Task LG0007_probability_target_under_the_default_log_target_gets_log_target_false()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Distillation
            {
                static Tensor Loss(Tensor s, Tensor t) => F.kl_div(F.log_softmax(s, 1), {|#0:F.softmax(t, 1)|});
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Distillation
            {
                static Tensor Loss(Tensor s, Tensor t) => F.kl_div(F.log_softmax(s, 1), F.softmax(t, 1), log_target: false);
            }
            """;
        return SetArgument.CodeFixAsync(source, fixedSource, SetArgument.Finding(Descriptors.WrongDomainForLoss));
    }

    [Fact]
    public Task LG0007_log_probability_target_with_log_target_false_gets_log_target_true()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Distillation
            {
                static Tensor Loss(Tensor s, Tensor t) => F.kl_div(F.log_softmax(s, 1), {|#0:F.log_softmax(t, 1)|}, log_target: false);
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Distillation
            {
                static Tensor Loss(Tensor s, Tensor t) => F.kl_div(F.log_softmax(s, 1), F.log_softmax(t, 1), log_target: true);
            }
            """;
        return SetArgument.CodeFixAsync(source, fixedSource, SetArgument.Finding(Descriptors.WrongDomainForLoss));
    }
}
