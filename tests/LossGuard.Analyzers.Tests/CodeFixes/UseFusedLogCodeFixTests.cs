using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<
    LossGuard.Analyzers.Rules.ValueDomainAnalyzer,
    LossGuard.CodeFixes.LossGuardCodeFixProvider>;

namespace LossGuard.Analyzers.Tests.CodeFixes;

/// <summary>The fused log-activation in place of the log of an activation, or of an activation read as log-probabilities.</summary>
public sealed class UseFusedLogCodeFixTests
{
    [Fact]
    public Task LG0003_TorchSharp_log_of_softmax_in_both_spellings_becomes_log_softmax_with_fix_all()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor x, Tensor y) => F.nll_loss({|#0:log(F.softmax(x, dim: 1))|}, y);

                static Tensor Method(Tensor x, Tensor y) => F.nll_loss({|#1:x.softmax(1).log()|}, y);
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor x, Tensor y) => F.nll_loss(F.log_softmax(x, dim: 1), y);

                static Tensor Method(Tensor x, Tensor y) => F.nll_loss(x.log_softmax(1), y);
            }
            """;
        return Verify.CodeFixAsync(
            source, fixedSource, Verify.Finding(Descriptors.UnstableComposition, 0), Verify.Finding(Descriptors.UnstableComposition, 1));
    }

    [Fact]
    public Task LG0003_TorchSharp_torch_and_special_activations_become_the_functional_fused_log_with_fix_all()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;

            static class Step
            {
                static Tensor Softmax(Tensor x) => {|#0:torch.log(torch.softmax(x, 1))|};

                static Tensor SoftmaxMethod(Tensor x) => {|#1:torch.softmax(x, 1).log()|};

                static Tensor Sigmoid(Tensor x) => {|#2:torch.log(torch.sigmoid(x))|};

                static Tensor Expit(Tensor x) => {|#3:torch.log(torch.special.expit(x))|};
            }
            """;
        const string fixedSource = """
            using TorchSharp;
            using static TorchSharp.torch;

            static class Step
            {
                static Tensor Softmax(Tensor x) => nn.functional.log_softmax(x, 1);

                static Tensor SoftmaxMethod(Tensor x) => nn.functional.log_softmax(x, 1);

                static Tensor Sigmoid(Tensor x) => nn.functional.logsigmoid(x);

                static Tensor Expit(Tensor x) => nn.functional.logsigmoid(x);
            }
            """;
        return Verify.CodeFixAsync(
            source,
            fixedSource,
            Verify.Finding(Descriptors.UnstableComposition, 0),
            Verify.Finding(Descriptors.UnstableComposition, 1),
            Verify.Finding(Descriptors.UnstableComposition, 2),
            Verify.Finding(Descriptors.UnstableComposition, 3));
    }

    [Fact]
    public Task LG0003_no_fix_for_a_torch_softmax_with_a_dtype_the_functional_log_softmax_does_not_take()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;

            static class Step
            {
                static Tensor Softmax(Tensor x) => {|#0:torch.log(torch.softmax(x, 1, ScalarType.Float64))|};
            }
            """;
        return Verify.CodeFixAsync(source, source, Verify.Finding(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task LG0007_TorchSharp_torch_softmax_given_to_nll_loss_becomes_the_functional_log_softmax_under_the_file_alias()
    {
        const string source = """
            using TorchSharp;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static torch.Tensor Loss(torch.Tensor x, torch.Tensor y) => F.nll_loss({|#0:torch.softmax(x, 1)|}, y);
            }
            """;
        const string fixedSource = """
            using TorchSharp;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static torch.Tensor Loss(torch.Tensor x, torch.Tensor y) => F.nll_loss(F.log_softmax(x, 1), y);
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.WrongDomainForLoss));
    }

    [Fact]
    public Task LG0003_a_softmax_local_read_only_by_the_log_moves_into_it()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor x, Tensor y)
                {
                    var probabilities = F.softmax(x, 1);
                    var logProbabilities = {|#0:probabilities.log()|};
                    return F.nll_loss(logProbabilities, y);
                }
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor x, Tensor y)
                {
                    var logProbabilities = F.log_softmax(x, 1);
                    return F.nll_loss(logProbabilities, y);
                }
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task LG0003_no_fix_when_the_logits_change_between_the_softmax_and_the_log()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor x, Tensor y)
                {
                    var probabilities = F.softmax(x, 1);
                    x = x * 2;
                    return F.nll_loss({|#0:probabilities.log()|}, y) + x.sum();
                }
            }
            """;
        return Verify.CodeFixAsync(source, source, Verify.Finding(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task LG0003_runtime_log_of_a_softmax_buffer_becomes_LogSoftmax_into_the_same_destination()
    {
        const string source = """
            using LossGuard;
            using System.Numerics.Tensors;

            static class Step
            {
                static void LogProbabilities(float[] z, float[] destination)
                {
                    var probabilities = new float[z.Length];
                    Activations.Softmax(z, probabilities, 4);
                    {|#0:TensorPrimitives.Log(probabilities, destination)|};
                }
            }
            """;
        const string fixedSource = """
            using LossGuard;
            using System.Numerics.Tensors;

            static class Step
            {
                static void LogProbabilities(float[] z, float[] destination)
                {
                    var probabilities = new float[z.Length];
                    Activations.Softmax(z, probabilities, 4);
                    Activations.LogSoftmax(z, destination, 4);
                }
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task LG0003_no_fix_when_the_logits_buffer_may_change_between_the_softmax_and_the_log()
    {
        const string source = """
            using LossGuard;
            using System.Numerics.Tensors;

            static class Step
            {
                static void LogProbabilities(float[] z, float[] destination)
                {
                    var probabilities = new float[z.Length];
                    Activations.Softmax(z, probabilities, 4);
                    z[0] = 0;
                    {|#0:TensorPrimitives.Log(probabilities, destination)|};
                }
            }
            """;
        return Verify.CodeFixAsync(source, source, Verify.Finding(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task LG0003_no_fix_for_a_log_into_a_destination_of_an_inline_softmax()
    {
        const string source = """
            using System;
            using LossGuard;
            using System.Numerics.Tensors;

            static class Step
            {
                static void LogProbabilities(float[] z, float[] destination) =>
                    {|#0:TensorPrimitives.Log(Activations.Softmax(z, 4), destination)|};
            }
            """;
        return Verify.CodeFixAsync(source, source, Verify.Finding(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task LG0007_softmax_given_to_nll_loss_becomes_log_softmax()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor x, Tensor y) => F.nll_loss({|#0:F.softmax(x, 1)|}, y);
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor x, Tensor y) => F.nll_loss(F.log_softmax(x, 1), y);
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.WrongDomainForLoss));
    }

    [Fact]
    public Task LG0007_no_fix_when_the_softmax_output_is_also_read_elsewhere()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Tracked(Tensor x, Tensor y)
                {
                    var p = F.softmax(x, 1);
                    System.Console.WriteLine(p.max().item<float>());
                    return F.nll_loss({|#0:p|}, y);
                }
            }
            """;
        return Verify.CodeFixAsync(source, source, Verify.Finding(Descriptors.WrongDomainForLoss));
    }

    [Fact]
    public Task LG0003_no_fix_for_the_log_of_a_Keras_layer_s_own_sigmoid_or_of_a_Softmax_layer()
    {
        const string source = """
            using Tensorflow;
            using static Tensorflow.Binding;
            using static Tensorflow.KerasApi;

            static class Step
            {
                static Tensor Loss(Tensor h, Tensor y)
                {
                    Tensor p = keras.layers.Dense(1, activation: "sigmoid").Apply(h);
                    Tensor q = keras.layers.Softmax(-1).Apply(h);
                    return -tf.reduce_sum(y * {|#0:tf.log(p)|} + (1 - y) * {|#1:tf.log(1 - p)|}) - tf.reduce_sum(y * {|#2:tf.log(q)|});
                }
            }
            """;
        return Verify.CodeFixAsync(
            source,
            source,
            Verify.Finding(Descriptors.UnstableComposition, 0),
            Verify.Finding(Descriptors.UnstableComposition, 1),
            Verify.Finding(Descriptors.UnstableComposition, 2));
    }
}
