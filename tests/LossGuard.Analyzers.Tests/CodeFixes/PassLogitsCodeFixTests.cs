using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<
    LossGuard.Analyzers.Rules.ValueDomainAnalyzer,
    LossGuard.CodeFixes.LossGuardCodeFixProvider>;

namespace LossGuard.Analyzers.Tests.CodeFixes;

public sealed class PassLogitsCodeFixTests
{
    [Fact]
    public Task An_inline_softmax_argument_is_replaced_by_its_logits_keeping_named_arguments()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int[] y) =>
                    Losses.SparseSoftmaxCrossEntropyWithLogits(
                        labels: y,
                        logits: {|#0:Activations.Softmax(z, 3)|},
                        classes: 3,
                        reduction: Reduction.Sum);
            }
            """;
        const string fixedSource = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int[] y) =>
                    Losses.SparseSoftmaxCrossEntropyWithLogits(
                        labels: y,
                        logits: z,
                        classes: 3,
                        reduction: Reduction.Sum);
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Diagnostic(0, 0, "Losses.SparseSoftmaxCrossEntropyWithLogits", "8", "Activations.Softmax(z, 3)"));
    }

    [Fact]
    public Task A_softmax_local_used_only_by_the_loss_is_removed()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    // the model's scores
                    float[] p = {|#1:Activations.Softmax(z, 4)|};
                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:p|}, y, 4);
                }
            }
            """;
        const string fixedSource = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    // the model's scores
                    return Losses.SoftmaxCrossEntropyWithLogits(z, y, 4);
                }
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Diagnostic(0, 1, "Losses.SoftmaxCrossEntropyWithLogits", "8", "p"));
    }

    [Fact]
    public Task A_softmax_local_also_used_for_metrics_is_kept()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int[] y, out int[] predicted)
                {
                    float[] p = {|#1:Activations.Softmax(z, 4)|};
                    predicted = Labels.ArgMax(p, 4);
                    return Losses.SparseSoftmaxCrossEntropyWithLogits({|#0:p|}, y, 4);
                }
            }
            """;
        const string fixedSource = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int[] y, out int[] predicted)
                {
                    float[] p = Activations.Softmax(z, 4);
                    predicted = Labels.ArgMax(p, 4);
                    return Losses.SparseSoftmaxCrossEntropyWithLogits(z, y, 4);
                }
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Diagnostic(0, 1, "Losses.SparseSoftmaxCrossEntropyWithLogits", "7", "p"));
    }

    [Fact]
    public Task No_fix_is_offered_when_the_logits_variable_changes_between_softmax_and_loss()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int[] y)
                {
                    float[] p = {|#1:Activations.Softmax(z, 2)|};
                    z = new float[z.Length];
                    return Losses.SparseSoftmaxCrossEntropyWithLogits({|#0:p|}, y, 2);
                }
            }
            """;
        return Verify.CodeFixAsync(source, source, Diagnostic(0, 1, "Losses.SparseSoftmaxCrossEntropyWithLogits", "7", "p"));
    }

    [Fact]
    public Task No_fix_is_offered_when_the_softmax_local_is_reassigned_on_some_path()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] w, int[] y, bool second)
                {
                    float[] p = {|#1:Activations.Softmax(z, 2)|};
                    if (second)
                    {
                        p = Activations.Softmax(w, 2);
                    }

                    return Losses.SparseSoftmaxCrossEntropyWithLogits({|#0:p|}, y, 2);
                }
            }
            """;
        return Verify.CodeFixAsync(source, source, Diagnostic(0, 1, "Losses.SparseSoftmaxCrossEntropyWithLogits", "7", "p"));
    }

    [Fact]
    public Task No_fix_is_offered_when_the_softmax_sits_in_another_method()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float[] Predict(float[] z) => {|#1:Activations.Softmax(z, 2)|};

                static float Loss(float[] z, int[] y) => Losses.SparseSoftmaxCrossEntropyWithLogits({|#0:Predict(z)|}, y, 2);
            }
            """;
        return Verify.CodeFixAsync(source, source, Diagnostic(0, 1, "Losses.SparseSoftmaxCrossEntropyWithLogits", "5", "Predict(z)"));
    }

    [Fact]
    public Task Fix_all_rewrites_every_softmax_and_sigmoid_argument_in_the_document()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int[] y, float[] t) =>
                    Losses.SparseSoftmaxCrossEntropyWithLogits({|#0:Activations.Softmax(z, 2)|}, y, 2)
                    + Losses.SigmoidCrossEntropyWithLogits({|#1:Activations.Sigmoid(z)|}, t);
            }
            """;
        const string fixedSource = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int[] y, float[] t) =>
                    Losses.SparseSoftmaxCrossEntropyWithLogits(z, y, 2)
                    + Losses.SigmoidCrossEntropyWithLogits(z, t);
            }
            """;
        return Verify.CodeFixAsync(
            source,
            fixedSource,
            iterations: 2,
            Diagnostic(0, 0, "Losses.SparseSoftmaxCrossEntropyWithLogits", "6", "Activations.Softmax(z, 2)"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.SigmoidIntoLogitsLoss)
                .WithLocation(1).WithLocation(1)
                .WithArguments("Losses.SigmoidCrossEntropyWithLogits", "'Activations.Sigmoid(z)'", "Activations.Sigmoid", "7", "pass the logits"));
    }

    [Fact]
    public Task No_fix_when_the_logits_buffer_is_written_between_the_softmax_and_the_loss()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    float[] p = {|#1:Activations.Softmax(z, 4)|};
                    z[0] = 0;
                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:p|}, y, 4);
                }
            }
            """;
        return Verify.CodeFixAsync(source, source, Diagnostic(0, 1, "Losses.SoftmaxCrossEntropyWithLogits", "7", "p"));
    }

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Diagnostic(int argument, int softmax, string loss, string line, string written) =>
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.SoftmaxIntoLogitsLoss)
            .WithLocation(argument)
            .WithLocation(softmax)
            .WithArguments(loss, Messages.LogitsInput(written), "Activations.Softmax", line, Messages.PassTheLogits);
}
