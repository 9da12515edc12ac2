using System.Threading.Tasks;
using Xunit;
using static LossGuard.Analyzers.Tests.Flow.FlowProbe;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.Flow;

public sealed class LocalAndBranchFlowTests
{
    [Fact]
    public Task A_local_reassigned_from_logits_to_softmax_output_carries_the_last_value()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    float[] p = z;
                    p = {|#1:Activations.Softmax(z, 4)|};
                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:p|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(8, "p"));
    }

    [Fact]
    public Task Softmax_on_both_branches_holds_after_the_join()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] w, float[] y, bool first)
                {
                    float[] p;
                    if (first)
                    {
                        p = {|#1:Activations.Softmax(z, 4)|};
                    }
                    else
                    {
                        p = Activations.Softmax(w, 4);
                    }

                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:p|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(10, "p"));
    }

    [Fact]
    public Task Softmax_on_one_branch_and_logits_on_the_other_is_unknown_after_the_join()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y, bool normalise)
                {
                    float[] p = z;
                    if (normalise)
                    {
                        p = Activations.Softmax(z, 4);
                    }

                    return Losses.SoftmaxCrossEntropyWithLogits(p, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_ternary_with_softmax_on_both_arms_reaches_the_loss()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] w, float[] y, bool first) =>
                    Losses.SoftmaxCrossEntropyWithLogits({|#0:first ? {|#1:Activations.Softmax(z, 4)|} : Activations.Softmax(w, 4)|}, y, 4);
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(6, "first ? Activations.Softmax(z, 4) : Activations.Softmax(w..."));
    }

    [Fact]
    public Task A_ternary_with_logits_on_one_arm_is_silent()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y, bool normalise) =>
                    Losses.SoftmaxCrossEntropyWithLogits(normalise ? Activations.Softmax(z, 4) : z, y, 4);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_softmax_buffer_filled_in_a_loop_reaches_the_loss_after_the_loop()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Loss(float[][] batches, float[] y)
                {
                    var p = new float[8];
                    float total = 0;
                    foreach (var z in batches)
                    {
                        {|#1:Activations.Softmax(z, p, 4)|};
                        total += Losses.SoftmaxCrossEntropyWithLogits({|#0:p|}, y, 4);
                    }

                    return total;
                }
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(12, "p"));
    }

    [Fact]
    public Task A_loop_that_may_overwrite_the_buffer_before_the_loss_is_silent()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y, int steps)
                {
                    var p = Activations.Softmax(z, 4);
                    for (var i = 0; i < steps; i++)
                    {
                        if (i == 3)
                        {
                            z.CopyTo(p, 0);
                        }
                    }

                    return Losses.SoftmaxCrossEntropyWithLogits(p, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_backward_goto_brings_a_later_value_back_to_the_loss_before_it()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y, int epochs)
                {
                    float[] p = Activations.Softmax(z, 4);
                    var total = 0f;
                again:
                    total += Losses.SoftmaxCrossEntropyWithLogits(p, y, 4);
                    p = z;
                    if (--epochs > 0)
                    {
                        goto again;
                    }

                    return total;
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_branch_on_a_constant_follows_only_the_branch_taken()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                const bool Normalise = false;

                static float Loss(float[] z, float[] y)
                {
                    var p = z;
                    if (Normalise)
                    {
                        p = Activations.Softmax(z, 4);
                    }

                    return Losses.SoftmaxCrossEntropyWithLogits(p, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_variable_passed_by_ref_or_out_is_forgotten()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static void Reload(ref float[] values) => values = new float[values.Length];

                static void Load(out float[] values) => values = new float[4];

                static float Loss(float[] z, float[] y)
                {
                    var p = Activations.Softmax(z, 4);
                    Reload(ref p);
                    var q = Activations.Softmax(z, 4);
                    Load(out q);
                    return Losses.SoftmaxCrossEntropyWithLogits(p, y, 4) + Losses.SoftmaxCrossEntropyWithLogits(q, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_local_a_lambda_assigns_is_never_trusted()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    var p = Activations.Softmax(z, 4);
                    Action reset = () => p = z;
                    reset();
                    return Losses.SoftmaxCrossEntropyWithLogits(p, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Using_declarations_and_try_finally_keep_what_the_try_established()
    {
        const string source = """
            using System.IO;
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    using var log = new MemoryStream();
                    float[] p;
                    try
                    {
                        p = {|#1:Activations.Softmax(z, 4)|};
                    }
                    finally
                    {
                        log.Flush();
                    }

                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:p|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(12, "p"));
    }

    /// <summary>Statements that make the engine analyse a body on its control-flow graph rather than its operation tree.</summary>
    public static TheoryData<string> TreeOrGraph => new() { "", "lock (rows) { }" };

    [Theory]
    [MemberData(nameof(TreeOrGraph))]
    public Task A_local_compound_assigned_with_a_conditional_value_is_no_longer_its_constant(string graphOnlyStatement)
    {
        var source = $$"""
            using LossGuard;

            static class Model
            {
                static float[] Predict(float[] z, bool wide, int[] rows)
                {
                    var classes = 1;
                    classes += wide ? 3 : 1;
                    {{graphOnlyStatement}}
                    return Activations.Softmax(z, classes);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Theory]
    [MemberData(nameof(TreeOrGraph))]
    public Task Softmax_assigned_in_the_right_operand_of_and_holds_where_the_condition_is_true(string graphOnlyStatement)
    {
        var source = $$"""
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y, bool normalise, int[] rows)
                {
                    float[] p = z;
                    {{graphOnlyStatement}}
                    if (normalise && (p = {|#1:Activations.Softmax(z, 4)|}).Length > 0)
                    {
                        return Losses.SoftmaxCrossEntropyWithLogits({|#0:p|}, y, 4);
                    }

                    return Losses.SoftmaxCrossEntropyWithLogits(p, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(9, "p"));
    }

    [Theory]
    [MemberData(nameof(TreeOrGraph))]
    public Task Softmax_assigned_in_the_right_operand_of_or_holds_after_a_guard_that_returns(string graphOnlyStatement)
    {
        var source = $$"""
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y, bool raw, int[] rows)
                {
                    float[] p = z;
                    {{graphOnlyStatement}}
                    if (!(raw || (p = {|#1:Activations.Softmax(z, 4)|}) == null) && rows.Length > 0)
                    {
                        return Losses.SoftmaxCrossEntropyWithLogits({|#0:p|}, y, 4);
                    }

                    var q = raw || rows.Length == 0 ? z : Activations.Softmax(z, 4);
                    return Losses.SoftmaxCrossEntropyWithLogits(q, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(9, "p"));
    }
}
