using System.Collections.Generic;
using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using LossGuard.CodeFixes;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace LossGuard.Analyzers.Tests.CodeFixes;

/// <summary>
/// Fix All of one rule fixes every fixable finding of it, each with its own plan, whatever equivalence key it is
/// started with (<c>dotnet format</c> passes the key of the first action it sees, of any rule, or none when the first
/// finding has no fix), and skips the findings without a fix.
/// </summary>
public sealed class FixAllTests
{
    private const string Torch = """
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        static class TorchModels
        {
            static Tensor ModuleHead(Tensor x, Tensor y)
            {
                var model = Sequential(Linear(4, 3), Softmax(1));
                return CrossEntropyLoss().forward(model.forward(x), y);
            }
        }
        """;

    private const string Runtime = """
        using LossGuard;

        static class RuntimeModels
        {
            static float Head(float[] logits, int[] labels) =>
                Losses.SparseSoftmaxCrossEntropyWithLogits(Activations.Softmax(logits, 3), labels, 3);
        }
        """;

    private const string Keras = """
        using static Tensorflow.KerasApi;

        static class KerasModels
        {
            static void Build()
            {
                var model = keras.Sequential(keras.layers.Dense(10, activation: "softmax"));
                model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
            }
        }
        """;

    private static readonly Dictionary<string, string> Files = new() { ["Torch.cs"] = Torch, ["Runtime.cs"] = Runtime, ["Keras.cs"] = Keras };

    [Theory]
    [InlineData(null)]
    [InlineData(EquivalenceKeys.PassLogits)]
    [InlineData(EquivalenceKeys.SetArgument)]
    [InlineData(EquivalenceKeys.UseStableSoftmax)]
    public async Task Every_fixable_finding_of_the_rule_gets_its_own_fix_whatever_the_key_and_the_unfixable_one_stays(string? key)
    {
        var result = await FixAllRun.RunAsync(Files, Descriptors.SoftmaxIntoLogitsLoss.Id, key);

        Assert.Equal(Torch, result["Torch.cs"]);
        Assert.Equal(Runtime.Replace("Activations.Softmax(logits, 3)", "logits"), result["Runtime.cs"]);
        Assert.Equal(Keras.Replace("from_logits: true", "from_logits: false"), result["Keras.cs"]);
    }

    [Fact]
    public async Task Fix_All_in_a_document_leaves_the_other_files_alone()
    {
        var files = new Dictionary<string, string> { ["Keras.cs"] = Keras, ["Runtime.cs"] = Runtime };

        var result = await FixAllRun.RunAsync(files, Descriptors.SoftmaxIntoLogitsLoss.Id, EquivalenceKeys.PassLogits, FixAllScope.Document);

        Assert.Equal(Keras.Replace("from_logits: true", "from_logits: false"), result["Keras.cs"]);
        Assert.Equal(Runtime, result["Runtime.cs"]);
    }

    [Fact]
    public async Task Only_the_rule_asked_for_is_fixed()
    {
        var result = await FixAllRun.RunAsync(Files, Descriptors.SoftmaxAlongBatchAxis.Id, EquivalenceKeys.SetArgument);

        Assert.Equal(Runtime, result["Runtime.cs"]);
        Assert.Equal(Keras, result["Keras.cs"]);
    }

    [Fact]
    public async Task Fixes_that_add_the_same_using_in_one_file_add_it_once()
    {
        const string source = """
            using System;
            using System.Numerics.Tensors;

            static class Heads
            {
                static void First(ReadOnlySpan<float> scores, Span<float> probabilities) => TensorPrimitives.SoftMax(scores, probabilities);

                static void Second(ReadOnlySpan<float> values, Span<float> output) => TensorPrimitives.SoftMax(values, output);
            }
            """;
        const string expected = """
            using System;
            using System.Numerics.Tensors;
            using LossGuard;

            static class Heads
            {
                static void First(ReadOnlySpan<float> scores, Span<float> probabilities) => Activations.Softmax(scores, probabilities, scores.Length);

                static void Second(ReadOnlySpan<float> values, Span<float> output) => Activations.Softmax(values, output, values.Length);
            }
            """;

        var result = await FixAllRun.RunAsync(new Dictionary<string, string> { ["Heads.cs"] = source }, Descriptors.UnstableTensorPrimitivesSoftMax.Id, null);

        Assert.Equal(expected, result["Heads.cs"]);
    }
}
