using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<
    LossGuard.Analyzers.Rules.ValueDomainAnalyzer,
    LossGuard.CodeFixes.LossGuardCodeFixProvider>;

namespace LossGuard.Analyzers.Tests.CodeFixes;

/// <summary>LG0005: the class indices a one-hot encoding was made from, passed to the loss that reads class indices.</summary>
public sealed class PassClassIndicesCodeFixTests
{
    [Fact]
    public Task TorchSharp_one_hot_targets_of_cross_entropy_and_nll_loss_become_the_indices_with_fix_all()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor logits, Tensor labels) => F.cross_entropy(logits, {|#0:F.one_hot(labels, 10)|}, reduction: nn.Reduction.Sum);

                static Tensor Nll(Tensor logits, Tensor labels)
                {
                    var targets = F.one_hot(labels, num_classes: 10);
                    return F.nll_loss(F.log_softmax(logits, 1), {|#1:targets|});
                }
            }
            """;
        const string fixedSource = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor logits, Tensor labels) => F.cross_entropy(logits, labels, reduction: nn.Reduction.Sum);

                static Tensor Nll(Tensor logits, Tensor labels)
                {
                    return F.nll_loss(F.log_softmax(logits, 1), labels);
                }
            }
            """;
        return Verify.CodeFixAsync(
            source, fixedSource, Verify.Finding(Descriptors.OneHotIntoSparseLoss, 0), Verify.Finding(Descriptors.OneHotIntoSparseLoss, 1));
    }

    [Fact]
    public Task Keras_fit_of_a_sparse_model_gets_the_labels_to_categorical_was_given()
    {
        const string source = """
            using Tensorflow.NumPy;
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Train(NDArray x, NDArray y)
                {
                    var model = keras.Sequential(keras.layers.Dense(10));
                    model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
                    model.fit(x, {|#0:Tensorflow.Keras.Utils.np_utils.to_categorical(y, 10)|}, epochs: 5);
                }
            }
            """;
        const string fixedSource = """
            using Tensorflow.NumPy;
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Train(NDArray x, NDArray y)
                {
                    var model = keras.Sequential(keras.layers.Dense(10));
                    model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
                    model.fit(x, y, epochs: 5);
                }
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.OneHotIntoSparseLoss));
    }

    [Fact]
    public Task No_fix_when_the_one_hot_labels_are_also_read_elsewhere_and_the_indices_change()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Step
            {
                static Tensor Loss(Tensor logits, Tensor labels)
                {
                    var targets = F.one_hot(labels, 10);
                    labels = labels + 1;
                    return F.cross_entropy(logits, {|#0:targets|}) + labels.sum();
                }
            }
            """;
        return Verify.CodeFixAsync(source, source, Verify.Finding(Descriptors.OneHotIntoSparseLoss));
    }
}
