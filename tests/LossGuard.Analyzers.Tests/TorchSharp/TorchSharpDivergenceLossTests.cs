using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.TorchSharp;

/// <summary>
/// KL divergence, CTC and the multi-label soft-margin loss: inputs in the wrong space, and a KL target whose form does
/// not match <c>log_target</c> (TorchSharp 0.107 defaults it to true, PyTorch to false).
/// </summary>
public sealed class TorchSharpDivergenceLossTests
{
    [Fact]
    public Task Kl_div_of_a_softmax_student_is_LG0007_on_the_input()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Distillation
            {
                static Tensor Loss(Tensor student, Tensor teacher) =>
                    F.kl_div({|#0:{|#1:F.softmax(student, 1)|}|}, F.log_softmax(teacher, 1));
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(0).WithLocation(1)
                .WithArguments("functional.kl_div", "log-probabilities", "'F.softmax(student, 1)'", "probabilities", "functional.softmax", "7", "use the fused 'functional.log_softmax' in its place"));
    }

    [Fact]
    public Task Kl_div_given_a_probability_target_under_TorchSharp_default_log_target_is_LG0007_on_the_target()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Distillation
            {
                static Tensor Loss(Tensor student, Tensor teacher) =>
                    F.kl_div(F.log_softmax(student, 1), {|#0:{|#1:F.softmax(teacher, 1)|}|});
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(0).WithLocation(1)
                .WithArguments("functional.kl_div", "log-probabilities with log_target: true", "'F.softmax(teacher, 1)'", "probabilities", "functional.softmax", "7", "set log_target: false"));
    }

    [Fact]
    public Task Kl_div_given_a_log_probability_target_with_log_target_false_is_LG0007()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Distillation
            {
                static Tensor Loss(Tensor student, Tensor teacher) =>
                    F.kl_div(F.log_softmax(student, 1), {|#0:{|#1:F.log_softmax(teacher, 1)|}|}, log_target: false);
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(0).WithLocation(1)
                .WithArguments("functional.kl_div", "probabilities with log_target: false", "'F.log_softmax(teacher, 1)'", "log-probabilities", "functional.log_softmax", "7", "set log_target: true"));
    }

    [Fact]
    public Task Kl_div_whose_target_matches_log_target_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Distillation
            {
                static Tensor Loss(Tensor student, Tensor teacher, bool fromConfig) =>
                    F.kl_div(F.log_softmax(student, 1), F.softmax(teacher, 1), log_target: false)
                    + F.kl_div(F.log_softmax(student, 1), F.log_softmax(teacher, 1))
                    + F.kl_div(F.log_softmax(student, 1), F.log_softmax(teacher, 1), log_target: true)
                    + F.kl_div(F.log_softmax(student, 1), F.softmax(teacher, 1), log_target: fromConfig);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_KLDivLoss_module_reads_log_target_from_its_construction()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            sealed class Distiller
            {
                private readonly TorchSharp.Modules.KLDivLoss byDefault = KLDivLoss();
                private readonly TorchSharp.Modules.KLDivLoss probabilityTarget = KLDivLoss(log_target: false);

                public Tensor Loss(Tensor student, Tensor teacher) =>
                    byDefault.forward(F.log_softmax(student, 1), {|#0:{|#1:F.softmax(teacher, 1)|}|})
                    + probabilityTarget.forward(F.log_softmax(student, 1), F.softmax(teacher, 1));
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(0).WithLocation(1)
                .WithArguments("KLDivLoss.forward", "log-probabilities with log_target: true", "'F.softmax(teacher, 1)'", "probabilities", "functional.softmax", "11", "set log_target: false"));
    }

    [Fact]
    public Task Ctc_loss_of_raw_logits_or_probabilities_is_LG0007_and_of_log_softmax_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Recogniser
            {
                static Tensor Loss(Tensor features, Tensor targets, Tensor inputLengths, Tensor targetLengths)
                {
                    var logits = {|#1:F.linear(features, randn(37, 64))|};
                    var ctc = CTCLoss(blank: 0);
                    return F.ctc_loss({|#0:logits|}, targets, inputLengths, targetLengths)
                        + ctc.forward({|#2:{|#3:F.softmax(logits, 2)|}|}, targets, inputLengths, targetLengths)
                        + ctc.forward(F.log_softmax(logits, 2), targets, inputLengths, targetLengths);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(0).WithLocation(1)
                .WithArguments("functional.ctc_loss", "log-probabilities", "'logits'", "raw logits", "functional.linear", "9", "pass log-probabilities"),
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(2).WithLocation(3)
                .WithArguments("CTCLoss.forward", "log-probabilities", "'F.softmax(logits, 2)'", "probabilities", "functional.softmax", "12", "use the fused 'functional.log_softmax' in its place"));
    }

    [Fact]
    public Task Multilabel_soft_margin_loss_of_a_sigmoid_is_LG0002()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Tagger
            {
                static Tensor Loss(Tensor logits, Tensor tags) =>
                    F.multilabel_soft_margin_loss({|#0:{|#1:F.sigmoid(logits)|}|}, tags)
                    + MultiLabelSoftMarginLoss().forward(logits, tags);
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SigmoidIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("functional.multilabel_soft_margin_loss", "'F.sigmoid(logits)'", "functional.sigmoid", "8", "pass the logits"));
    }

    [Fact]
    public Task Ctc_log_probs_normalised_along_the_batch_axis_of_a_time_first_value_is_LG0008_at_the_log_softmax()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Recogniser
            {
                static Tensor Loss(Tensor targets, Tensor inputLengths, Tensor targetLengths)
                {
                    var logits = F.linear(randn(50, 16, 64), randn(37, 64));
                    var wrong = {|#0:F.log_softmax(logits, 1)|};
                    var alsoWrong = {|#1:logits.log_softmax(0)|};
                    return F.ctc_loss(wrong, targets, inputLengths, targetLengths)
                        + F.ctc_loss(alsoWrong, targets, inputLengths, targetLengths)
                        + F.ctc_loss(F.log_softmax(logits, 2), targets, inputLengths, targetLengths)
                        + F.ctc_loss(F.log_softmax(logits, -1), targets, inputLengths, targetLengths);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxAlongBatchAxis).WithLocation(0)
                .WithArguments("functional.log_softmax", "1", "the values 'functional.ctc_loss' reads in 'log_probs', whose classes are on axis 2", "2 or -1"),
            Verify.Diagnostic(Descriptors.SoftmaxAlongBatchAxis).WithLocation(1)
                .WithArguments("Tensor.log_softmax", "0", "a batch-first value", "1 or -1"));
    }

    [Fact]
    public Task A_log_softmax_along_axis_1_of_a_value_of_unknown_rank_into_ctc_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Recogniser
            {
                static Tensor Loss(Tensor logits, Tensor targets, Tensor inputLengths, Tensor targetLengths) =>
                    F.ctc_loss(F.log_softmax(logits, 1), targets, inputLengths, targetLengths);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_KLDivLoss_made_with_either_log_target_on_two_paths_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Distillation
            {
                static Tensor Loss(Tensor s, Tensor t, bool probabilities)
                {
                    var kl = KLDivLoss();
                    if (probabilities)
                    {
                        kl = KLDivLoss(log_target: false);
                    }

                    return kl.forward(F.log_softmax(s, 1), F.softmax(t, 1));
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
