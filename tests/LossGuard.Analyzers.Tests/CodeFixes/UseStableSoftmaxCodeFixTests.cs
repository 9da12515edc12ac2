using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<
    LossGuard.Analyzers.Rules.ValueDomainAnalyzer,
    LossGuard.CodeFixes.LossGuardCodeFixProvider>;

namespace LossGuard.Analyzers.Tests.CodeFixes;

/// <summary>LG0010: LossGuard's max-subtracted softmax in place of TensorPrimitives.SoftMax, where LossGuard.Runtime is referenced.</summary>
public sealed class UseStableSoftmaxCodeFixTests
{
    private const string Source = """
        using System;
        using System.Numerics.Tensors;

        static class Head
        {
            static void Probabilities(ReadOnlySpan<float> scores, Span<float> probabilities) =>
                {|#0:TensorPrimitives.SoftMax(scores, probabilities)|};
        }
        """;

    [Fact]
    public Task TensorPrimitives_SoftMax_becomes_Activations_Softmax_over_the_whole_span_and_the_using_is_added()
    {
        const string fixedSource = """
            using System;
            using System.Numerics.Tensors;
            using LossGuard;

            static class Head
            {
                static void Probabilities(ReadOnlySpan<float> scores, Span<float> probabilities) =>
                    Activations.Softmax(scores, probabilities, scores.Length);
            }
            """;
        return Verify.CodeFixAsync(Source, fixedSource, Verify.Finding(Descriptors.UnstableTensorPrimitivesSoftMax));
    }

    [Fact]
    public Task No_fix_without_LossGuard_Runtime() =>
        Verify.CodeFixWithoutRuntimeAsync(Source, Source, Verify.Finding(Descriptors.UnstableTensorPrimitivesSoftMax));

    [Fact]
    public Task No_fix_when_the_values_are_an_expression_that_would_be_evaluated_twice()
    {
        const string source = """
            using System;
            using System.Numerics.Tensors;

            static class Head
            {
                static void Probabilities(float[] scores, Span<float> probabilities) =>
                    {|#0:TensorPrimitives.SoftMax(scores.AsSpan(1), probabilities)|};
            }
            """;
        return Verify.CodeFixAsync(source, source, Verify.Finding(Descriptors.UnstableTensorPrimitivesSoftMax));
    }
}
