using System.Linq;
using System.Threading.Tasks;
using LossGuard.Analyzers.Tests.Flow;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.Robustness;

/// <summary>Bodies built to defeat the engine: each finishes, and reports only what it can prove.</summary>
public sealed class PathologicalBodyTests
{
    [Fact]
    public Task A_ten_thousand_line_method_is_analysed_to_its_end()
    {
        var lines = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"        total += z[{i % 7}] * {i % 13};\n"));
        var source = $$"""
            using LossGuard;

            static class Long
            {
                static float Loss(float[] z, float[] y)
                {
                    float total = 0;
            {{lines}}
                    return total + Losses.SoftmaxCrossEntropyWithLogits({|#0:{|#1:Activations.Softmax(z, 4)|}|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, FlowProbe.SoftmaxReachesLoss(10_009, "Activations.Softmax(z, 4)"));
    }

    [Fact]
    public Task Deeply_nested_branches_keep_what_holds_on_every_path() =>
        Verify.AnalyzerAsync(NestedBranches(120, "{|#1:Activations.Softmax(z, 4)|}", "{|#0:p|}"), FlowProbe.SoftmaxReachesLoss(7, "p"));

    [Fact]
    public Task A_call_chain_longer_than_the_depth_limit_is_silent()
    {
        var chain = string.Concat(Enumerable.Range(0, 200).Select(i => $"    static float[] Step{i}(float[] z) => Step{i + 1}(z);\n"));
        var source = $$"""
            using LossGuard;

            static class Chain
            {
            {{chain}}
                static float[] Step200(float[] z) => Activations.Softmax(z, 4);

                static float Loss(float[] z, float[] y) => Losses.SoftmaxCrossEntropyWithLogits(Step0(z), y, 4);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Mutual_recursion_through_parameters_and_returns_ends_and_is_silent()
    {
        const string source = """
            using LossGuard;

            static class Recursive
            {
                static float[] Ping(float[] z, int n) => n <= 0 ? Activations.Softmax(z, 4) : Pong(z, n - 1);

                static float[] Pong(float[] z, int n) => n % 2 == 0 ? Ping(z, n - 1) : Ping(Pong(z, n - 2), n - 1);

                static float Loss(float[] z, float[] y, int n) => Losses.SoftmaxCrossEntropyWithLogits(Ping(z, n), y, 4);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Branches_nested_thousands_deep_are_analysed_without_an_exception()
    {
        var harness = await AnalyzerHarness.CreateAsync();
        var found = await harness.RunAsync("nested", NestedBranches(2000, "Activations.Softmax(z, 4)", "p"));
        Assert.Empty(harness.Failures);
        Assert.DoesNotContain(found, diagnostic => diagnostic.Id == "AD0001");
        Assert.Contains(found, diagnostic => diagnostic.Id == "LG0001");
    }

    /// <summary>A softmax output that passes <paramref name="depth"/> nested branches unchanged into a loss that applies softmax.</summary>
    private static string NestedBranches(int depth, string softmax, string lossInput) => $$"""
        using LossGuard;

        static class Nested
        {
            static float Loss(float[] z, float[] y)
            {
                var p = {{softmax}};
                float total = 0;
                {{string.Concat(Enumerable.Range(0, depth).Select(i => $"if (z[{i % 5}] > {i}) {{ "))}} total += z[0]; {{new string('}', depth)}}
                return total + Losses.SoftmaxCrossEntropyWithLogits({{lossInput}}, y, 4);
            }
        }
        """;
}
