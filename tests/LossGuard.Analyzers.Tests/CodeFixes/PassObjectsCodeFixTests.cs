using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<
    LossGuard.Analyzers.Rules.ValueDomainAnalyzer,
    LossGuard.CodeFixes.LossGuardCodeFixProvider>;

namespace LossGuard.Analyzers.Tests.CodeFixes;

/// <summary>LG0009: compile given the optimizer and loss objects its strings named.</summary>
public sealed class PassObjectsCodeFixTests
{
    [Fact]
    public Task Names_become_objects_written_as_the_file_already_reaches_keras_and_metrics_stay()
    {
        const string source = """
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Build()
                {
                    var model = keras.Sequential(keras.layers.Dense(10, activation: "softmax"));
                    {|#0:model.compile("adam", "sparse_categorical_crossentropy", new[] { "accuracy" })|};
                }
            }
            """;
        const string fixedSource = """
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Build()
                {
                    var model = keras.Sequential(keras.layers.Dense(10, activation: "softmax"));
                    model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(), new[] { "accuracy" });
                }
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.UnrecognisedKerasLossName));
    }

    [Fact]
    public Task Named_arguments_keep_their_names_and_sgd_gets_the_keras_default_learning_rate()
    {
        const string source = """
            using Tensorflow.Keras.Engine;

            static class Model
            {
                static void Build(IModel model) =>
                    {|#0:model.compile(loss: "binary_crossentropy", optimizer: "sgd", metrics: new[] { "accuracy" })|};
            }
            """;
        const string fixedSource = """
            using Tensorflow.Keras.Engine;

            static class Model
            {
                static void Build(IModel model) =>
                    model.compile(loss: Tensorflow.KerasApi.keras.losses.BinaryCrossentropy(), optimizer: Tensorflow.KerasApi.keras.optimizers.SGD(0.01f), metrics: new[] { "accuracy" });
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.UnrecognisedKerasLossName));
    }

    [Fact]
    public Task An_ignored_optimizer_name_becomes_its_object_and_a_recognised_loss_name_its_loss_object()
    {
        const string source = """
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Build()
                {
                    var model = keras.Sequential(keras.layers.Dense(1));
                    {|#0:model.compile("adam", "mse", new[] { "mae" })|};
                }
            }
            """;
        const string fixedSource = """
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Build()
                {
                    var model = keras.Sequential(keras.layers.Dense(1));
                    model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new[] { "mae" });
                }
            }
            """;
        return Verify.CodeFixAsync(source, fixedSource, Verify.Finding(Descriptors.UnrecognisedKerasLossName));
    }

    [Fact]
    public Task No_fix_when_a_name_has_no_object_LossGuard_knows()
    {
        const string source = """
            using static Tensorflow.KerasApi;

            static class Model
            {
                static void Build()
                {
                    var model = keras.Sequential(keras.layers.Dense(10));
                    {|#0:model.compile("adagrad", "categorical_crossentropy", new[] { "accuracy" })|};
                }
            }
            """;
        return Verify.CodeFixAsync(source, source, Verify.Finding(Descriptors.UnrecognisedKerasLossName));
    }
}
