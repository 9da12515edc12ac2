using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using static LossGuard.Analyzers.Tests.Flow.FlowProbe;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.Flow;

public sealed class BufferFlowTests
{
    [Fact]
    public Task A_destination_written_by_softmax_holds_probabilities()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    var p = new float[z.Length];
                    {|#1:Activations.Softmax(z, p, 4)|};
                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:p|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(8, "p"));
    }

    [Fact]
    public Task Copy_fill_or_clear_after_the_softmax_overwrites_the_buffer()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    var p = new float[z.Length];
                    var q = new float[z.Length];
                    var r = new float[z.Length];
                    Activations.Softmax(z, p, 4);
                    Activations.Softmax(z, q, 4);
                    Activations.Softmax(z, r, 4);
                    z.AsSpan().CopyTo(p);
                    q.AsSpan().Fill(0f);
                    Array.Clear(r);
                    return Losses.SoftmaxCrossEntropyWithLogits(p, y, 4)
                        + Losses.SoftmaxCrossEntropyWithLogits(q, y, 4)
                        + Losses.SoftmaxCrossEntropyWithLogits(r, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Another_activation_writing_the_buffer_replaces_its_domain()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    var p = new float[z.Length];
                    Activations.Softmax(z, p, 4);
                    {|#1:Activations.Sigmoid(z, p)|};
                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:p|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SigmoidIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("Losses.SoftmaxCrossEntropyWithLogits", "'p'", "Activations.Sigmoid", "9", "pass the logits"));
    }

    [Fact]
    public Task CopyTo_carries_the_domain_into_the_destination()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    var p = {|#1:Activations.Softmax(z, 4)|};
                    var copy = new float[p.Length];
                    p.AsSpan().CopyTo(copy);
                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:copy|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(8, "copy"));
    }

    [Fact]
    public Task A_slice_of_softmax_output_is_still_softmax_output()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    var p = {|#1:Activations.Softmax(z, 4)|};
                    ReadOnlySpan<float> rows = p;
                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:rows.Slice(0, 8)|}, y.AsSpan(0, 8), 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(8, "rows.Slice(0, 8)"));
    }

    [Fact]
    public Task Writing_a_slice_of_the_buffer_forgets_what_the_whole_held()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    var p = Activations.Softmax(z, 4);
                    z.AsSpan(0, 4).CopyTo(p.AsSpan(0, 4));
                    return Losses.SoftmaxCrossEntropyWithLogits(p, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task An_alias_reads_the_same_probabilities()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    var p = {|#1:Activations.Softmax(z, 4)|};
                    var alias = p;
                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:alias|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(7, "alias"));
    }

    [Fact]
    public Task A_write_through_an_alias_changes_the_original()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    var p = Activations.Softmax(z, 4);
                    Span<float> alias = p;
                    z.AsSpan().CopyTo(alias);
                    return Losses.SoftmaxCrossEntropyWithLogits(p, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task An_element_write_forgets_the_buffer_domain()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y)
                {
                    var p = Activations.Softmax(z, 4);
                    p[0] = z[0];
                    return Losses.SoftmaxCrossEntropyWithLogits(p, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_stackalloc_destination_holds_probabilities()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Loss(ReadOnlySpan<float> z, ReadOnlySpan<float> y)
                {
                    Span<float> p = stackalloc float[z.Length];
                    {|#1:Activations.Softmax(z, p, 4)|};
                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:p|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(9, "p"));
    }

    [Fact]
    public Task A_parameter_buffer_written_by_softmax_holds_probabilities_until_another_external_buffer_is_written()
    {
        const string source = """
            using System;
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y, float[] p, float[] other)
                {
                    {|#1:Activations.Softmax(z, p, 4)|};
                    var first = Losses.SoftmaxCrossEntropyWithLogits({|#0:p|}, y, 4);
                    z.AsSpan().CopyTo(other);
                    return first + Losses.SoftmaxCrossEntropyWithLogits(p, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(8, "p"));
    }

    [Fact]
    public Task The_gradient_written_into_the_softmax_buffer_replaces_it()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y, float[] p)
                {
                    Activations.Softmax(z, p, 4);
                    Losses.SoftmaxCrossEntropyWithLogits(z, y, 4, gradient: p);
                    return Losses.SoftmaxCrossEntropyWithLogits(p, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
