using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<
    LossGuard.Analyzers.Rules.ValueDomainAnalyzer,
    LossGuard.CodeFixes.LossGuardCodeFixProvider>;

namespace LossGuard.Analyzers.Tests.CodeFixes;

/// <summary>The library's fused, sigmoid, sparse or with-logits variant in place of the call a finding is about.</summary>
public sealed class UseVariantCodeFixTests
{
    [Fact]
    public Task LG0003_runtime_categorical_loss_of_an_inline_softmax_becomes_the_fused_loss_with_later_arguments_named()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y) =>
                    {|#0:Losses.CategoricalCrossEntropy(Activations.Softmax(z, 3), y, 3, Reduction.Sum)|};
            }
            """;
        const string fixedSource = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] y) =>
                    Losses.SoftmaxCrossEntropyWithLogits(z, y, 3, reduction: Reduction.Sum);
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task LG0003_runtime_binary_loss_of_a_sigmoid_local_used_only_there_loses_the_local_and_renames_the_named_argument()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] t)
                {
                    var p = Activations.Sigmoid(z);
                    return {|#0:Losses.BinaryCrossEntropy(targets: t, probabilities: p)|};
                }
            }
            """;
        const string fixedSource = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] t)
                {
                    return Losses.SigmoidCrossEntropyWithLogits(targets: t, logits: z);
                }
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task LG0003_TorchSharp_binary_cross_entropy_of_a_sigmoid_keeps_its_weight_and_reduction()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor x, Tensor t, Tensor w) =>
                    {|#0:F.binary_cross_entropy(F.sigmoid(x), t, w, reduction: nn.Reduction.Sum)|};
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor x, Tensor t, Tensor w) =>
                    F.binary_cross_entropy_with_logits(x, t, w, reduction: nn.Reduction.Sum);
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task LG0003_no_fix_for_a_BCELoss_module_which_other_code_may_hold()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Step
            {
                static Tensor Loss(Tensor x, Tensor t) => {|#0:BCELoss().forward(functional.sigmoid(x), t)|};
            }
            """;
        return Verify.CodeFixAsync(source, source, Verify.Finding(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task LG0004_runtime_one_class_softmax_and_one_class_softmax_loss_become_sigmoid_forms_with_fix_all()
    {
        const string source = """
            using LossGuard;

            static class Head
            {
                static float[] Predict(float[] z) => {|#0:Activations.Softmax(z, classes: 1)|};

                static float Loss(float[] z, float[] y) => {|#1:Losses.SoftmaxCrossEntropyWithLogits(z, y, 1)|};
            }
            """;
        const string fixedSource = """
            using LossGuard;

            static class Head
            {
                static float[] Predict(float[] z) => Activations.Sigmoid(z);

                static float Loss(float[] z, float[] y) => Losses.SigmoidCrossEntropyWithLogits(z, y);
            }
            """;
        return Verify.CodeFixAsync(
            source, fixedSource, Verify.Finding(Descriptors.SingleClassSoftmax, 0), Verify.Finding(Descriptors.SingleClassSoftmax, 1));
    }

    [Fact]
    public Task LG0004_TorchSharp_Softmax_module_after_a_one_unit_Linear_becomes_Sigmoid()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Head
            {
                static Tensor Predict(Tensor features) => Sequential(Linear(32, 1), {|#0:Softmax(dim: 1)|}).forward(features);
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Head
            {
                static Tensor Predict(Tensor features) => Sequential(Linear(32, 1), Sigmoid()).forward(features);
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.SingleClassSoftmax));
    }

    [Fact]
    public Task LG0004_TorchSharp_tensor_softmax_of_a_one_unit_linear_output_becomes_sigmoid()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Head
            {
                static Tensor Predict(Tensor features)
                {
                    var head = Linear(32, 1);
                    return {|#0:head.forward(features).softmax(1)|};
                }
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Head
            {
                static Tensor Predict(Tensor features)
                {
                    var head = Linear(32, 1);
                    return head.forward(features).sigmoid();
                }
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.SingleClassSoftmax));
    }

    [Fact]
    public Task LG0006_tf_nn_softmax_cross_entropy_given_class_indices_becomes_the_sparse_loss()
    {
        const string source = """
            using Tensorflow;
            using static Tensorflow.Binding;

            static class Step
            {
                static Tensor Loss(Tensor logits, Tensor labels) =>
                    tf.nn.softmax_cross_entropy_with_logits(labels: {|#0:tf.cast(labels, tf.int64)|}, logits: logits);
            }
            """;
        const string fixedSource = """
            using Tensorflow;
            using static Tensorflow.Binding;

            static class Step
            {
                static Tensor Loss(Tensor logits, Tensor labels) =>
                    tf.nn.sparse_softmax_cross_entropy_with_logits(labels: tf.cast(labels, tf.int64), logits: logits);
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.IndicesIntoCategoricalLoss));
    }

    [Fact]
    public Task LG0006_Keras_model_fitted_with_class_indices_compiles_the_sparse_loss()
    {
        const string source = """
            using Tensorflow.NumPy;
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Train(NDArray x)
                {
                    var model = keras.Sequential(keras.layers.Dense(10));
                    model.compile(keras.optimizers.Adam(), keras.losses.CategoricalCrossentropy(from_logits: true));
                    model.fit(x, {|#0:np.array(new int[] { 0, 2, 1 })|}, epochs: 5);
                }
            }
            """;
        const string fixedSource = """
            using Tensorflow.NumPy;
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Train(NDArray x)
                {
                    var model = keras.Sequential(keras.layers.Dense(10));
                    model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
                    model.fit(x, np.array(new int[] { 0, 2, 1 }), epochs: 5);
                }
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.IndicesIntoCategoricalLoss));
    }

    [Fact]
    public Task LG0006_no_fix_for_a_Keras_loss_held_in_a_variable()
    {
        const string source = """
            using Tensorflow.NumPy;
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Train(NDArray x)
                {
                    var loss = keras.losses.CategoricalCrossentropy(from_logits: true);
                    var model = keras.Sequential(keras.layers.Dense(10));
                    model.compile(keras.optimizers.Adam(), loss);
                    model.fit(x, {|#0:np.array(new int[] { 0, 2, 1 })|});
                }
            }
            """;
        return Verify.CodeFixAsync(source, source, Verify.Finding(Descriptors.IndicesIntoCategoricalLoss));
    }

    [Fact]
    public Task LG0007_TorchSharp_losses_given_raw_logits_become_their_with_logits_forms()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Binary(Tensor x, Tensor t)
                {
                    var head = Linear(16, 1);
                    return F.binary_cross_entropy({|#0:head.forward(x)|}, t);
                }

                static Tensor Classes(Tensor x, Tensor y)
                {
                    var head = Linear(16, 10);
                    return F.nll_loss({|#1:head.forward(x)|}, y);
                }
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Binary(Tensor x, Tensor t)
                {
                    var head = Linear(16, 1);
                    return F.binary_cross_entropy_with_logits(head.forward(x), t);
                }

                static Tensor Classes(Tensor x, Tensor y)
                {
                    var head = Linear(16, 10);
                    return F.cross_entropy(head.forward(x), y);
                }
            }
            """;
        return Verify.CodeFixAsync(
            source, fixedSource, Verify.Finding(Descriptors.WrongDomainForLoss, 0), Verify.Finding(Descriptors.WrongDomainForLoss, 1));
    }

    [Fact]
    public Task LG0007_no_fix_for_sigmoid_output_read_as_log_probabilities()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] x, int[] y) =>
                    Losses.NegativeLogLikelihood(logProbabilities: {|#0:Activations.Sigmoid(x)|}, labels: y, classes: 4);
            }
            """;
        return Verify.CodeFixAsync(source, source, Verify.Finding(Descriptors.WrongDomainForLoss));
    }
}
