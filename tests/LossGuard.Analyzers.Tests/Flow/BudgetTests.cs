using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.Flow;

public sealed class BudgetTests
{
    [Fact]
    public Task A_body_past_the_block_budget_is_given_up_silently()
    {
        var branches = string.Concat(Enumerable.Range(0, 2500).Select(i => $"        if (z[{i % 7}] > {i}) count++;\n"));
        var source = $$"""
            using LossGuard;

            static class Huge
            {
                static float Loss(float[] z, float[] y)
                {
                    var count = 0;
            {{branches}}
                    return count + Losses.SoftmaxCrossEntropyWithLogits(Activations.Softmax(z, 4), y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task An_expression_nested_past_the_depth_budget_is_given_up_silently()
    {
        var sum = string.Join(" + ", Enumerable.Range(0, 400).Select(i => $"z[{i % 5}]"));
        var source = $$"""
            using LossGuard;

            static class Deep
            {
                static float Loss(float[] z, float[] y) =>
                    {{sum}} + Losses.SoftmaxCrossEntropyWithLogits(Activations.Softmax(z, 4), y, 4);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_body_within_the_budget_with_many_branches_is_still_analysed()
    {
        var branches = string.Concat(Enumerable.Range(0, 200).Select(i => $"        if (z[{i % 7}] > {i}) count++;\n"));
        var source = $$"""
            using LossGuard;

            static class Large
            {
                static float Loss(float[] z, float[] y)
                {
                    var count = 0;
            {{branches}}
                    return count + Losses.SoftmaxCrossEntropyWithLogits({|#0:{|#1:Activations.Softmax(z, 4)|}|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, FlowProbe.SoftmaxReachesLoss(209));
    }
}
