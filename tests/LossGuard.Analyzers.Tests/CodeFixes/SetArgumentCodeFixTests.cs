using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<
    LossGuard.Analyzers.Rules.ValueDomainAnalyzer,
    LossGuard.CodeFixes.LossGuardCodeFixProvider>;

namespace LossGuard.Analyzers.Tests.CodeFixes;

/// <summary>One argument set: Keras <c>from_logits</c> (the model keeps its output), a one-unit layer's activation, the softmax axis.</summary>
public sealed class SetArgumentCodeFixTests
{
    [Fact]
    public Task LG0001_Keras_softmax_head_keeps_its_softmax_and_the_loss_is_told_from_logits_false()
    {
        const string source = """
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Build()
                {
                    var model = keras.Sequential(keras.layers.Dense(64, activation: "relu"), keras.layers.Dense(10, activation: "softmax"));
                    model.compile(keras.optimizers.Adam(), {|#0:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|});
                }
            }
            """;
        const string fixedSource = """
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Build()
                {
                    var model = keras.Sequential(keras.layers.Dense(64, activation: "relu"), keras.layers.Dense(10, activation: "softmax"));
                    model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: false));
                }
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task LG0001_Keras_functional_model_keeps_its_softmax_output_and_the_loss_is_told_from_logits_false()
    {
        const string source = """
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Build()
                {
                    var inputs = keras.Input(shape: 784);
                    var outputs = keras.layers.Dense(10, activation: "softmax").Apply(inputs);
                    var model = keras.Model(inputs, outputs);
                    model.compile(keras.optimizers.Adam(), {|#0:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|});
                }
            }
            """;
        const string fixedSource = """
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Build()
                {
                    var inputs = keras.Input(shape: 784);
                    var outputs = keras.layers.Dense(10, activation: "softmax").Apply(inputs);
                    var model = keras.Model(inputs, outputs);
                    model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: false));
                }
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task LG0007_Keras_linear_head_gets_from_logits_true_added_after_the_other_arguments()
    {
        const string source = """
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Build()
                {
                    var model = keras.Sequential(keras.layers.Dense(64, activation: "relu"), keras.layers.Dense(10));
                    var loss = {|#0:keras.losses.CategoricalCrossentropy(name: "ce")|};
                    model.compile(keras.optimizers.Adam(), loss);
                }
            }
            """;
        const string fixedSource = """
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Build()
                {
                    var model = keras.Sequential(keras.layers.Dense(64, activation: "relu"), keras.layers.Dense(10));
                    var loss = keras.losses.CategoricalCrossentropy(name: "ce", from_logits: true);
                    model.compile(keras.optimizers.Adam(), loss);
                }
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.WrongDomainForLoss));
    }

    [Fact]
    public Task LG0004_Keras_one_unit_softmax_layer_becomes_sigmoid()
    {
        const string source = """
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Build()
                {
                    var model = keras.Sequential(keras.layers.Dense(16, activation: "relu"), keras.layers.Dense(1, activation: {|#0:"softmax"|}));
                    model.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy());
                }
            }
            """;
        const string fixedSource = """
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Build()
                {
                    var model = keras.Sequential(keras.layers.Dense(16, activation: "relu"), keras.layers.Dense(1, activation: "sigmoid"));
                    model.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy());
                }
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.SingleClassSoftmax));
    }

    [Fact]
    public Task LG0008_softmax_along_dim_0_of_a_matrix_moves_to_dim_1_positional_and_named()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Probabilities()
                {
                    var scores = randn(32, 10);
                    return {|#0:F.softmax(scores, 0)|} + {|#1:F.log_softmax(scores, dim: 0)|};
                }
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Probabilities()
                {
                    var scores = randn(32, 10);
                    return F.softmax(scores, 1) + F.log_softmax(scores, dim: 1);
                }
            }
            """;
        return Verify.CodeFixAsync(
            source, fixedSource, Verify.Finding(Descriptors.SoftmaxAlongBatchAxis, 0), Verify.Finding(Descriptors.SoftmaxAlongBatchAxis, 1));
    }

    [Fact]
    public Task LG0008_no_fix_for_a_deeper_tensor_whose_class_axis_is_not_known()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Probabilities() => {|#0:F.softmax(randn(8, 3, 32, 32), 0)|};
            }
            """;
        return Verify.CodeFixAsync(source, source, Verify.Finding(Descriptors.SoftmaxAlongBatchAxis));
    }
}
