using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Rules;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.Rules;

public sealed class ActivationIntoLogitsLossTests
{
    [Fact]
    public Task Softmax_call_passed_straight_to_a_with_logits_loss_is_LG0001_on_the_argument()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int[] y) =>
                    Losses.SparseSoftmaxCrossEntropyWithLogits({|#0:Activations.Softmax(z, 3)|}, y, 3);
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss)
                .WithLocation(0)
                .WithLocation(0)
                .WithArguments("Losses.SparseSoftmaxCrossEntropyWithLogits", "'Activations.Softmax(z, 3)'", "Activations.Softmax", "6", "pass the logits"));
    }

    [Fact]
    public Task Softmax_output_in_a_local_reaching_the_loss_is_LG0001_with_the_softmax_as_additional_location()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    float[] p = {|#1:Activations.Softmax(z, 4)|};
                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:p|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss)
                .WithLocation(0)
                .WithLocation(1)
                .WithArguments("Losses.SoftmaxCrossEntropyWithLogits", "'p'", "Activations.Softmax", "7", "pass the logits"));
    }

    [Fact]
    public Task Named_arguments_in_any_order_and_double_overloads_are_followed()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static double Loss(double[] z, int[] y)
                {
                    var probabilities = Activations.Softmax(z, classes: 2);
                    return Losses.SparseSoftmaxCrossEntropyWithLogits(labels: y, classes: 2, logits: {|#0:probabilities|});
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(7, 29)
                .WithArguments("Losses.SparseSoftmaxCrossEntropyWithLogits", "'probabilities'", "Activations.Softmax", "7", "pass the logits"));
    }

    [Fact]
    public Task Sigmoid_output_into_the_sigmoid_loss_is_LG0002()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] t)
                {
                    var p = Activations.Sigmoid(z);
                    return Losses.SigmoidCrossEntropyWithLogits({|#0:p|}, t);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SigmoidIntoLogitsLoss).WithLocation(0).WithLocation(7, 17)
                .WithArguments("Losses.SigmoidCrossEntropyWithLogits", "'p'", "Activations.Sigmoid", "7", "pass the logits"));
    }

    [Fact]
    public Task Softmax_used_only_for_accuracy_next_to_a_loss_on_the_logits_is_silent()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] logits, int[] y, out int[] predicted)
                {
                    float[] probabilities = Activations.Softmax(logits, 10);
                    predicted = Labels.ArgMax(probabilities, 10);
                    return Losses.SparseSoftmaxCrossEntropyWithLogits(logits, y, 10);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_local_reassigned_to_the_logits_before_the_loss_is_silent()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int[] y)
                {
                    float[] values = Activations.Softmax(z, 3);
                    values = z;
                    return Losses.SparseSoftmaxCrossEntropyWithLogits(values, y, 3);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_softmax_buffer_whose_contents_may_be_overwritten_is_silent()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int[] y)
                {
                    float[] values = Activations.Softmax(z, 3);
                    z.AsSpan().CopyTo(values);
                    return Losses.SparseSoftmaxCrossEntropyWithLogits(values, y, 3);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Values_of_unknown_origin_are_silent_whatever_their_names()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float[] probabilities = new float[6];

                static float Loss(float[] softmaxOutput, int[] y) =>
                    Losses.SparseSoftmaxCrossEntropyWithLogits(softmaxOutput, y, 3)
                    + Losses.SparseSoftmaxCrossEntropyWithLogits(probabilities, y, 3);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Log_softmax_into_a_with_logits_loss_is_silent_because_softmax_is_shift_invariant()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int[] y) =>
                    Losses.SparseSoftmaxCrossEntropyWithLogits(Activations.LogSoftmax(z, 3), y, 3);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Probabilities_into_a_probability_space_loss_are_not_this_rule()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] p, int[] y) =>
                    Losses.SparseCategoricalCrossEntropy(p, y, 3);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
