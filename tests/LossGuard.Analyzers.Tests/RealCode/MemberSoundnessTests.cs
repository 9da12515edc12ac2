using System.Threading.Tasks;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>Code where following fields, properties and call sites would claim too much: each must stay silent.</summary>
public sealed class MemberSoundnessTests
{
    [Fact]
    public Task A_null_check_on_a_field_assigned_only_in_a_method_keeps_both_paths()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Agent
            {
                private Module<Tensor, Tensor> policy;

                public void UseSoftmax() => policy = Sequential(Linear(4, 2), Softmax(1));

                public Tensor Step(Tensor s)
                {
                    var p = policy ?? Linear(4, 2);
                    return p.forward(s).log();
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_field_read_by_a_call_between_two_assignments_holds_the_first_value_there()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Agent
            {
                private Module<Tensor, Tensor> policy;

                public Agent()
                {
                    policy = Linear(4, 2);
                    Warmup(ones(1, 4));
                    policy = Sequential(Linear(4, 2), Softmax(1));
                }

                private Tensor Warmup(Tensor s) => policy.forward(s).log();
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_parenthesised_assignment_counts_as_an_assignment()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Agent
            {
                private Module<Tensor, Tensor> policy;

                public Agent() => policy = Sequential(Linear(4, 2), Softmax(1));

                public void UseLogits() => (policy) = Linear(4, 2);

                public Tensor Step(Tensor s) => policy.forward(s).log();
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_user_deconstruct_method_is_not_read_as_a_tuple()
    {
        const string source = """
            using static TorchSharp.torch;

            static class Pairs
            {
                public static void Deconstruct(this Tensor[] pair, out Tensor first, out Tensor second) => (first, second) = (pair[1], pair[0]);
            }

            static class Step
            {
                static Tensor Log(Tensor x)
                {
                    var (a, _) = new[] { softmax(x, 1), x };
                    return a.log();
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task An_internal_helper_of_a_library_that_grants_InternalsVisibleTo_may_have_callers_outside()
    {
        const string source = """
            using static TorchSharp.torch;

            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Other")]

            public static class Losses
            {
                internal static Tensor Log(Tensor p) => p.log();

                public static Tensor Run(Tensor x) => Log(softmax(x, 1));
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_protected_internal_setter_of_a_library_that_grants_InternalsVisibleTo_may_be_assigned_outside()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Other")]

            public class Reinforce
            {
                public Reinforce() => PolicyNet = Sequential(Linear(4, 2), Softmax(-1));

                public Module<Tensor, Tensor> PolicyNet { get; protected internal set; }

                public Tensor Learn(Tensor s, Tensor a) => -log(PolicyNet.forward(s)).gather(1, a).mean();
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_protected_setter_that_a_public_method_of_the_compilation_also_assigns_from_its_argument_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            public class Reinforce
            {
                public Reinforce() => PolicyNet = Sequential(Linear(4, 2), Softmax(-1));

                public Module<Tensor, Tensor> PolicyNet { get; protected set; }

                public void Replace(Module<Tensor, Tensor> net) => PolicyNet = net;

                public Tensor Learn(Tensor s, Tensor a) => -log(PolicyNet.forward(s)).gather(1, a).mean();
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_sequential_field_initialised_with_a_softmax_that_a_constructor_or_a_method_extends_is_silent()
    {
        const string source = """
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Extended
            {
                private readonly Sequential built = Sequential(Linear(4, 3), Softmax(1));
                private readonly Sequential extensible = Sequential(Linear(4, 3), Softmax(1));

                public Extended() => built.append(Linear(3, 3));

                public void Extend() => extensible.append(Linear(3, 3));

                public Tensor Scores(Tensor x) => log(built.forward(x)) + log(extensible.forward(x));
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_property_initialised_with_a_softmax_that_a_constructor_replaces_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Classifier
            {
                private Module<Tensor, Tensor> Model { get; } = Sequential(Linear(4, 3), Softmax(1));

                public Classifier(bool logits)
                {
                    if (logits)
                    {
                        Model = Linear(4, 3);
                    }
                }

                public Tensor Scores(Tensor x) => log(Model.forward(x));
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_tensor_field_that_a_method_changes_in_place_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            sealed class Scorer
            {
                private readonly Tensor scores = F.softmax(randn(4, 3), 1);

                public void ToLogProbabilities() => scores.log_();

                public Tensor Loss(Tensor y) => F.nll_loss(scores, y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_model_field_that_two_methods_assign_differently_is_silent_where_a_third_compiles_it()
    {
        // Correct or not depending on which method ran last: a softmax model in A, a linear one in B, from_logits: true in Reload.
        const string source = TensorFlowUsings.Keras + """
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
        const string source = TensorFlowUsings.Keras + """
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
        const string source = TensorFlowUsings.Keras + """
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
        const string source = TensorFlowUsings.Keras + """
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
        const string source = TensorFlowUsings.Keras + """
            public sealed class Recompiled
            {
                internal void Build()
                {
                    model = keras.Sequential(keras.layers.Dense(10));
                    model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
                }

                public void Recompile() => model.compile(keras.optimizers.Adam(), keras.losses.CategoricalCrossentropy(from_logits: true));

                public void Train(NDArray x, NDArray y) => model.fit(x, Tensorflow.Keras.Utils.np_utils.to_categorical(y, 10));

                private IModel model;
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_model_compiled_again_with_a_loss_from_a_parameter_is_silent_at_fit()
    {
        // The second compile replaces the sparse loss with whatever the caller passes (a categorical one fits one-hot labels).
        const string source = TensorFlowUsings.Keras + """
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

    [Theory]
    [InlineData("public static void Recompile(Pipeline other) => other.model.compile(keras.optimizers.Adam(), keras.losses.CategoricalCrossentropy(from_logits: true));")]
    [InlineData("public void CopyTo(Pipeline other) => other.model.compile(keras.optimizers.Adam(), keras.losses.CategoricalCrossentropy(from_logits: true));")]
    public Task Another_objects_model_compiled_elsewhere_is_silent_at_a_fit_in_a_third_member(string recompile) =>
        // Train may fit a model that the other member compiled with a categorical loss (right for one-hot labels).
        Verify.AnalyzerAsync(Pipeline(recompile));

    [Fact]
    public Task A_model_field_compiled_again_with_loss_names_is_silent_at_a_fit_in_a_third_member() =>
        // After Recompile the model trains with mean squared error; only the unrecognised optimizer name is reported.
        Verify.AnalyzerAsync(
            Pipeline("""public void Recompile() => {|#0:model.compile("sgd", "mse", new[] { "accuracy" })|};"""),
            Finding.At(LossGuard.Analyzers.Catalogue.Descriptors.UnrecognisedKerasLossName));

    [Fact]
    public Task A_local_model_compiled_again_with_loss_names_is_silent_at_fit()
    {
        const string source = TensorFlowUsings.Keras + """
            static class Retrain
            {
                static void Train(NDArray x, NDArray y)
                {
                    var model = keras.Sequential(keras.layers.Dense(10));
                    model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
                    {|#0:model.compile("sgd", "mse", new[] { "accuracy" })|};
                    model.fit(x, Tensorflow.Keras.Utils.np_utils.to_categorical(y, 10));
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(LossGuard.Analyzers.Catalogue.Descriptors.UnrecognisedKerasLossName));
    }

    /// <summary>A model field built and compiled with a sparse loss in <c>Build</c>, fitted on one-hot labels in <c>Train</c>, and <paramref name="recompile"/>.</summary>
    private static string Pipeline(string recompile) => TensorFlowUsings.Keras + """
        public sealed class Pipeline
        {
            public void Build()
            {
                model = keras.Sequential(keras.layers.Dense(64, activation: "relu"), keras.layers.Dense(10));
                model.compile(keras.optimizers.SGD(0.01f), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
            }

            RECOMPILE

            public void Train(NDArray x, NDArray y) => model.fit(x, Tensorflow.Keras.Utils.np_utils.to_categorical(y, 10));

            private Sequential model;
        }
        """.Replace("RECOMPILE", recompile, System.StringComparison.Ordinal);
}
