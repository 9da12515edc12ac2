using System.Threading.Tasks;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// Keras models in fields that look like the followed ones but are not known on every path: silent.
/// </summary>
public sealed class KerasSoundnessTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using Tensorflow;
        using Tensorflow.Keras;
        using Tensorflow.Keras.Engine;
        using Tensorflow.Keras.Layers;
        using static Tensorflow.KerasApi;

        """;

    [Fact]
    public Task A_model_field_that_two_methods_assign_differently_is_silent_where_a_third_compiles_it()
    {
        // Correct or not depending on which method ran last: a softmax model in A, a linear one in B, from_logits: true in Reload.
        const string source = Usings + """
            class Reloading
            {
                private IModel model;

                public void A()
                {
                    var inputs = keras.Input(16);
                    model = keras.Model(inputs, keras.layers.Dense(2, activation: "softmax").Apply(inputs));
                }

                public void B()
                {
                    var inputs = keras.Input(16);
                    model = keras.Model(inputs, keras.layers.Dense(2).Apply(inputs));
                }

                public void Reload() =>
                    model.compile(optimizer: keras.optimizers.Adam(), loss: keras.losses.SparseCategoricalCrossentropy(from_logits: true), metrics: new[] { "accuracy" });
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_public_model_field_of_a_public_class_that_code_outside_may_set_is_silent()
    {
        // The library's users may store a linear model in Model before calling Compile.
        const string source = Usings + """
            public class Trainer
            {
                public IModel Model;

                public void Build() => Model = keras.Sequential(keras.layers.Dense(10, activation: "softmax"));

                public void Compile() => Model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_model_field_assigned_from_a_constructor_parameter_is_silent()
    {
        // Whatever model the caller passes (here a linear one, correct with from_logits: true) is compiled in Compile.
        const string source = Usings + """
            public class Trainer
            {
                private readonly IModel model;

                public Trainer(IModel model) => this.model = model;

                public void Compile() => model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
            }

            static class Program
            {
                static void Main() => new Trainer(keras.Sequential(keras.layers.Dense(10))).Compile();
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_model_field_that_another_method_gives_a_linear_head_is_silent_where_it_is_compiled()
    {
        // Correct: the softmax body gets a linear Dense head appended by AddHead before Compile compiles it from logits.
        const string source = Usings + """
            class Appended
            {
                private readonly Sequential model = keras.Sequential(keras.layers.Dense(32, activation: "softmax"));

                public void AddHead() => model.add(keras.layers.Dense(10));

                public void Compile() => model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_model_field_compiled_with_different_losses_in_two_methods_is_silent_where_a_third_fits_it()
    {
        // Which loss fit trains with depends on which method ran last: sparse in Build, categorical in Recompile.
        const string source = Usings + """
            class Recompiled
            {
                private IModel model;

                public void Build()
                {
                    model = keras.Sequential(keras.layers.Dense(10));
                    model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
                }

                public void Recompile() => model.compile(keras.optimizers.Adam(), keras.losses.CategoricalCrossentropy(from_logits: true));

                public void Train(Tensorflow.NumPy.NDArray x, Tensorflow.NumPy.NDArray y) =>
                    model.fit(x, Tensorflow.Keras.Utils.np_utils.to_categorical(y, 10));
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_model_compiled_again_with_a_loss_from_a_parameter_is_silent_at_fit()
    {
        // The second compile replaces the sparse loss with whatever the caller passes (a categorical one fits one-hot labels).
        const string source = Usings + """
            static class Retrain
            {
                static void Train(Tensorflow.Keras.Losses.ILossFunc loss, Tensorflow.NumPy.NDArray x, Tensorflow.NumPy.NDArray y)
                {
                    var model = keras.Sequential(keras.layers.Dense(10));
                    model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
                    model.compile(keras.optimizers.Adam(), loss);
                    model.fit(x, Tensorflow.Keras.Utils.np_utils.to_categorical(y, 10));
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
