using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using static LossGuard.Analyzers.Tests.Flow.FlowProbe;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.Flow;

public sealed class CallFlowTests
{
    private const string ChainOfFourHelpers = """
        using LossGuard;

        static class Step
        {
            static float[] Head(float[] z) => {|#1:Activations.Softmax(z, 4)|};
            static float[] Layer3(float[] z) => Head(z);
            static float[] Layer2(float[] z) => Layer3(z);
            static float[] Layer1(float[] z) => Layer2(z);

            static float Loss(float[] z, float[] y) => Losses.SoftmaxCrossEntropyWithLogits({|#0:Layer1(z)|}, y, 4);
        }
        """;

    [Fact]
    public Task A_helper_returning_softmax_output_is_followed_and_named_as_the_origin()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float[] Predict(float[] z) => {|#1:Activations.Softmax(z, 4)|};

                static float Loss(float[] z, float[] y) => Losses.SoftmaxCrossEntropyWithLogits({|#0:Predict(z)|}, y, 4);
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(5, "Predict(z)"));
    }

    [Fact]
    public Task A_boolean_passed_at_the_call_site_selects_the_path_in_the_callee()
    {
        const string source = """
            using LossGuard;

            static class Model
            {
                static float[] Apply(float[] z, bool training = false) => training ? z : {|#1:Activations.Softmax(z, 4)|};

                static float Train(float[] z, float[] y) => Losses.SoftmaxCrossEntropyWithLogits(Apply(z, training: true), y, 4);

                static float Evaluate(float[] z, float[] y) => Losses.SoftmaxCrossEntropyWithLogits({|#0:Apply(z)|}, y, 4);
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(5, "Apply(z)"));
    }

    [Fact]
    public Task An_integer_passed_at_the_call_site_reaches_the_callee()
    {
        const string source = """
            using LossGuard;

            static class Model
            {
                static float[] Head(float[] z, int mode)
                {
                    if (mode == 2)
                    {
                        return z;
                    }

                    return {|#1:Activations.Softmax(z, 4)|};
                }

                static float Loss(float[] z, float[] y) =>
                    Losses.SoftmaxCrossEntropyWithLogits(Head(z, 2), y, 4) + Losses.SoftmaxCrossEntropyWithLogits({|#0:Head(z, 1)|}, y, 4);
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(12, "Head(z, 1)"));
    }

    [Fact]
    public Task A_lambda_in_a_local_is_followed_when_invoked()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    Func<float[], float[]> predict = x => {|#1:Activations.Softmax(x, 4)|};
                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:predict(z)|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(8, "predict(z)"));
    }

    [Fact]
    public Task A_local_function_and_a_method_group_delegate_are_followed()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float[] Normalise(float[] x) => {|#2:Activations.Softmax(x, 4)|};

                static float Loss(float[] z, float[] y)
                {
                    Func<float[], float[]> head = Normalise;
                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:Predict(z)|}, y, 4) + Losses.SoftmaxCrossEntropyWithLogits({|#3:head(z)|}, y, 4);

                    float[] Predict(float[] x) => {|#1:Activations.Softmax(x, 4)|};
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            SoftmaxReachesLoss(13, "Predict(z)"),
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss)
                .WithLocation(3).WithLocation(2).WithArguments("Losses.SoftmaxCrossEntropyWithLogits", "'head(z)'", "Activations.Softmax", "6", "pass the logits"));
    }

    [Fact]
    public Task A_loss_inside_a_lambda_is_analysed_as_its_own_body()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static Func<float[], float[], float> Objective() =>
                    (z, y) => Losses.SoftmaxCrossEntropyWithLogits({|#0:{|#1:Activations.Softmax(z, 4)|}|}, y, 4);
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(7, "Activations.Softmax(z, 4)"));
    }

    [Fact]
    public Task Calls_deeper_than_the_default_depth_of_three_are_not_followed()
    {
        return Verify.AnalyzerAsync(ChainOfFourHelpers.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty));
    }

    [Fact]
    public Task The_editorconfig_depth_lets_a_deeper_chain_be_followed()
    {
        return Verify.AnalyzerWithSettingsAsync(ChainOfFourHelpers, "lossguard.max_call_depth = 4", SoftmaxReachesLoss(5, "Layer1(z)"));
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("42")]
    [InlineData("-1")]
    public Task An_invalid_depth_is_LG0900_once_and_the_default_depth_is_used(string value)
    {
        var unmarked = ChainOfFourHelpers.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty);
        return Verify.AnalyzerWithSettingsAsync(
            unmarked,
            "lossguard.max_call_depth = " + value,
            Verify.Diagnostic(Descriptors.InvalidSetting).WithArguments(value, "lossguard.max_call_depth", "a whole number from 0 to 8", "3"));
    }

    [Fact]
    public Task A_valid_depth_is_not_reported()
    {
        return Verify.AnalyzerWithSettingsAsync(ChainOfFourHelpers, "lossguard.max_call_depth = 8", SoftmaxReachesLoss(5, "Layer1(z)"));
    }

    [Fact]
    public Task A_depth_of_zero_follows_no_call()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float[] Predict(float[] z) => Activations.Softmax(z, 4);

                static float Loss(float[] z, float[] y) => Losses.SoftmaxCrossEntropyWithLogits(Predict(z), y, 4);
            }
            """;
        return Verify.AnalyzerWithSettingsAsync(source, "lossguard.max_call_depth = 0");
    }

    [Fact]
    public Task Recursion_ends_at_the_depth_limit_and_stays_silent()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float[] Deep(float[] z, int n) => n == 0 ? Activations.Softmax(z, 4) : Deep(z, n - 1);

                static float Loss(float[] z, float[] y) => Losses.SoftmaxCrossEntropyWithLogits(Deep(z, 10), y, 4);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_virtual_method_of_a_public_library_class_is_not_summarised_because_an_override_outside_may_run()
    {
        const string source = """
            using LossGuard;

            public class Model
            {
                public virtual float[] Forward(float[] z) => Activations.Softmax(z, 4);

                public float Loss(float[] z, float[] y) => Losses.SoftmaxCrossEntropyWithLogits(Forward(z), y, 4);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
