using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// Fields and properties of the training class hold a value when every assignment to them in the compilation
/// agrees and nothing outside the compilation can assign them. Within a method, after a call of one of the object's
/// own non-virtual methods, a member that method assigns on every path, to values that agree, holds that value; after
/// any other call that may assign it, only the compilation-wide value.
/// </summary>
public sealed class MemberFlowTests
{
    [Fact]
    public Task A_policy_in_an_auto_property_set_in_a_base_constructor_and_exposed_as_a_module_is_followed_into_the_log()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            abstract class Agent
            {
                protected Module<Tensor, Tensor> Policy { get; set; }

                protected Agent() => Policy = Sequential(Linear(4, 64), ReLU(), Linear(64, 2), Softmax(1));

                public Module<Tensor, Tensor> MainNet => Policy;
            }

            sealed class Reinforce : Agent
            {
                Tensor Step(Tensor s, Tensor a) => {|#0:log(Policy.forward(s))|}.gather(1, a);

                Module<Tensor, Tensor> Snapshot()
                {
                    var copy = Policy;
                    return new Holder(Policy).Network ?? copy;
                }
            }

            sealed class Holder
            {
                public Holder(Module<Tensor, Tensor> network) => Network = network ?? throw new System.ArgumentNullException(nameof(network));

                public Module<Tensor, Tensor> Network { get; }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_protected_setter_of_a_public_library_class_is_read_as_the_class_own_constructors_leave_it()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            public abstract class PolicyAgent
            {
                protected PolicyAgent() => PolicyNet = Sequential(Linear(4, 64), ReLU(), Linear(64, 2), Softmax(-1));

                public Module<Tensor, Tensor> PolicyNet { get; protected set; }
            }

            public class Reinforce : PolicyAgent
            {
                public Tensor Learn(Tensor s, Tensor a) => -{|#0:log(PolicyNet.forward(s))|}.gather(1, a).mean();
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_get_only_auto_property_set_in_the_constructor_is_followed()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Agent
            {
                private Module<Tensor, Tensor> Policy { get; }

                public Agent(int states) => Policy = Sequential(Linear(states, 64), ReLU(), Linear(64, 2), Softmax(-1));

                public Tensor Step(Tensor s) => {|#0:Policy.forward(s).log()|};
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_sequential_field_used_directly_in_train_is_followed()
    {
        const string source = """
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Gan
            {
                private readonly Sequential discriminator;
                private readonly BCELoss criterion = BCELoss();

                public Gan() => discriminator = Sequential(Linear(784, 256), LeakyReLU(0.2), Linear(256, 1), Sigmoid());

                public Tensor Train(Tensor images, Tensor ones) => {|#0:criterion.forward(discriminator.forward(images), ones)|};
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_field_set_in_an_init_method_is_followed_when_every_assignment_agrees()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            sealed class Classifier
            {
                private Module<Tensor, Tensor> model;

                public void InitModel() => model = Sequential(Linear(4, 16), ReLU(), Linear(16, 3), Softmax(1));

                public Tensor Train(Tensor x, Tensor y) => F.cross_entropy({|#0:model.forward(x)|}, y);
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_field_reassigned_to_a_different_module_in_one_method_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            sealed class Classifier
            {
                private Module<Tensor, Tensor> model = Sequential(Linear(4, 16), ReLU(), Linear(16, 3), Softmax(1));

                public void ForTraining() => model = Sequential(Linear(4, 16), ReLU(), Linear(16, 3));

                public Tensor Train(Tensor x, Tensor y) => F.cross_entropy(model.forward(x), y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_field_assigned_from_a_constructor_parameter_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            public sealed class Classifier
            {
                private readonly Module<Tensor, Tensor> model;

                public Classifier(Module<Tensor, Tensor> model) => this.model = model;

                public Tensor Train(Tensor x, Tensor y) => F.cross_entropy(model.forward(x), y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_public_settable_property_of_a_library_class_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            public class Classifier
            {
                public Module<Tensor, Tensor> Model { get; set; } = Sequential(Linear(4, 3), Softmax(1));

                public Tensor Train(Tensor x, Tensor y) => F.cross_entropy(Model.forward(x), y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_virtual_property_that_a_subclass_overrides_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            class Classifier
            {
                protected virtual Module<Tensor, Tensor> Model { get; } = Sequential(Linear(4, 3), Softmax(1));

                public Tensor Train(Tensor x, Tensor y) => F.cross_entropy(Model.forward(x), y);
            }

            sealed class Trained : Classifier
            {
                protected override Module<Tensor, Tensor> Model { get; } = Sequential(Linear(4, 3));
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_sequential_field_whose_last_layer_is_appended_conditionally_is_silent()
    {
        const string source = """
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            sealed class Classifier
            {
                private readonly Sequential model = Sequential(Linear(4, 3));

                public Classifier(bool serving)
                {
                    if (serving)
                    {
                        model.append(Softmax(1));
                    }
                }

                public Tensor Train(Tensor x, Tensor y) => F.cross_entropy(model.forward(x), y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_sibling_class_that_reassigns_the_base_property_is_silent_while_the_other_sibling_is_reported()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            abstract class PolicyAgent
            {
                protected Module<Tensor, Tensor> PolicyNet { get; set; }

                protected PolicyAgent() => PolicyNet = Sequential(Linear(4, 64), ReLU(), Linear(64, 2), Softmax(-1));
            }

            sealed class Reinforce : PolicyAgent
            {
                public Tensor Loss(Tensor s, Tensor a) => -{|#0:log(PolicyNet.forward(s))|}.gather(1, a).mean();
            }

            sealed class CrossEntropyMethod : PolicyAgent
            {
                public CrossEntropyMethod() => PolicyNet = Sequential(Linear(4, 64), ReLU(), Linear(64, 2));

                public Tensor Loss(Tensor s, Tensor a) => F.cross_entropy(PolicyNet.forward(s), a);
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_model_whose_constructor_applies_itself_is_constructed_once_and_followed()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            sealed class Classifier : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> block1 = Sequential(Linear(4, 16), ReLU());
                private readonly Module<Tensor, Tensor> block2 = Sequential(Linear(16, 3), Softmax(1));

                public Classifier(int features) : base("classifier")
                {
                    RegisterComponents();
                    forward(randn(1, features));
                }

                public override Tensor forward(Tensor x) => block2.forward(block1.forward(x));
            }

            static class Trainer
            {
                static Tensor Step(Tensor x, Tensor y) => F.cross_entropy({|#0:new Classifier(4).forward(x)|}, y);
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    /// <summary>
    /// A public classifier with a public field <c>probs</c>, which code outside may assign (so it has no value from the
    /// compilation's assignments alone), and <paramref name="members"/>; then <paramref name="types"/>.
    /// </summary>
    private static string Classifier(string members, string types = "") => TorchSharpClass.Of(
        "public class Classifier",
        $"""
        protected readonly Module<Tensor, Tensor> net;
        public Tensor probs;

        public Classifier(Module<Tensor, Tensor> net) => this.net = net;

        {members}
        """,
        types);

    [Fact]
    public Task A_field_set_to_probabilities_by_an_own_helper_is_LG0003_when_logged_after_the_call()
    {
        var source = Classifier("""
            void Predict(Tensor x)
            {
                this.probs = F.softmax(net.forward(x), 1);
            }

            public Tensor Loss(Tensor x, Tensor y)
            {
                Predict(x);
                return F.nll_loss({|#0:log(this.probs)|}, y);
            }
            """);
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task An_auto_property_set_to_sigmoid_outputs_by_an_own_helper_is_LG0003_at_the_bce_with_logits_after_the_call()
    {
        var source = Classifier("""
            public Tensor Scores { get; set; }

            private void Score(Tensor images) => Scores = sigmoid(net.forward(images));

            public Tensor Loss(Tensor images, Tensor labels)
            {
                this.Score(images);
                return F.binary_cross_entropy_with_logits({|#0:Scores|}, labels);
            }
            """);
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SigmoidIntoLogitsLoss));
    }

    [Fact]
    public Task A_field_an_own_helper_assigns_on_one_path_only_is_unknown_after_the_call()
    {
        var source = Classifier("""
            void Predict(Tensor x, bool raw)
            {
                if (raw)
                {
                    probs = net.forward(x);
                }
            }

            public Tensor Loss(Tensor x, Tensor y, bool raw)
            {
                probs = F.softmax(net.forward(x), 1);
                Predict(x, raw);
                return F.nll_loss(log(probs), y);
            }
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_field_a_virtual_helper_assigns_is_unknown_after_the_call()
    {
        var source = Classifier("""
            protected virtual void Predict(Tensor x) => probs = F.softmax(net.forward(x), 1);

            public Tensor Loss(Tensor x, Tensor y)
            {
                Predict(x);
                return F.nll_loss(log(probs), y);
            }
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_helper_called_on_another_object_of_the_class_leaves_this_objects_field_unknown()
    {
        var source = Classifier("""
            void Predict(Tensor x) => probs = F.softmax(net.forward(x), 1);

            public Tensor Loss(Classifier other, Tensor x, Tensor y)
            {
                other.Predict(x);
                return F.nll_loss(log(probs), y);
            }
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_field_a_later_call_may_reassign_is_unknown_after_it()
    {
        var source = Classifier(
            """
            void Predict(Tensor x) => probs = F.softmax(net.forward(x), 1);

            public Tensor Loss(Tensor x, Tensor y, Hook hook)
            {
                Predict(x);
                hook.Run(this, x);
                return F.nll_loss(log(probs), y);
            }
            """,
            """
            public class Hook
            {
                private readonly Module<Tensor, Tensor> raw;

                public Hook(Module<Tensor, Tensor> raw) => this.raw = raw;

                public void Run(Classifier owner, Tensor x) => owner.probs = raw.forward(x);
            }
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_field_a_lambda_reassigns_is_unknown_after_the_lambda_runs()
    {
        var source = Classifier("""
            void Predict(Tensor x) => probs = F.softmax(net.forward(x), 1);

            public Tensor Loss(Tensor x, Tensor y)
            {
                Predict(x);
                System.Action raw = () => probs = net.forward(x);
                raw();
                return F.nll_loss(log(probs), y);
            }
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_field_an_async_helper_assigns_after_an_await_is_unknown_after_the_call()
    {
        var source = Classifier("""
            async System.Threading.Tasks.Task Predict(Tensor x)
            {
                await System.Threading.Tasks.Task.Yield();
                probs = F.softmax(net.forward(x), 1);
            }

            public Tensor Loss(Tensor x, Tensor y)
            {
                probs = net.forward(x);
                _ = Predict(x);
                return F.nll_loss(log(probs), y);
            }
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_model_field_assigned_from_a_layer_list_in_one_method_and_compiled_in_another_is_followed()
    {
        const string source = TensorFlowUsings.Keras + """
            class IntentClassifier
            {
                private IModel _model;

                private void Build(int labels)
                {
                    var layers = new List<ILayer>
                    {
                        keras.layers.Dense(256, activation: "relu"),
                        keras.layers.Dense(labels, activation: keras.activations.Softmax),
                    };
                    _model = keras.Sequential(layers);
                }

                private void Fit()
                {
                    _model.compile(optimizer: keras.optimizers.Adam(0.001f),
                        loss: {|#0:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|},
                        metrics: new[] { "accuracy" });
                }

                public void Train(int labels)
                {
                    Build(labels);
                    Fit();
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_model_field_assigned_with_its_layers_inline_in_one_method_and_compiled_in_another_is_followed()
    {
        const string source = TensorFlowUsings.Keras + """
            internal sealed class Classifier
            {
                public void Build(int classes) =>
                    model = keras.Sequential(new List<ILayer> { keras.layers.Dense(64, activation: "relu"), keras.layers.Dense(classes) });

                public void Compile() =>
                    model.compile(keras.optimizers.Adam(), {|#0:keras.losses.SparseCategoricalCrossentropy()|});

                private IModel model;
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.WrongDomainForLoss));
    }

    [Fact]
    public Task A_readonly_model_field_assigned_in_the_constructor_is_followed_into_a_method_that_compiles_it()
    {
        const string source = TensorFlowUsings.Keras + """
            class Trainer
            {
                private readonly IModel _model;

                public Trainer(int labels)
                {
                    _model = keras.Sequential(new List<ILayer>
                    {
                        keras.layers.Dense(256, activation: "relu"),
                        keras.layers.Dense(labels, activation: "softmax"),
                    });
                }

                public void Fit(NDArray x, NDArray y)
                {
                    _model.compile(optimizer: keras.optimizers.Adam(0.001f),
                        loss: {|#0:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|},
                        metrics: new[] { "accuracy" });
                    _model.fit(x, y, epochs: 5);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_model_auto_property_with_a_private_setter_assigned_in_the_constructor_is_followed()
    {
        const string source = TensorFlowUsings.Keras + """
            public class Detector
            {
                public Detector()
                {
                    var inputs = keras.Input(shape: 16);
                    var outputs = keras.layers.Dense(1, activation: keras.activations.Sigmoid).Apply(inputs);
                    Model = keras.Model(inputs, outputs);
                }

                public IModel Model { get; private set; }

                public void Compile() =>
                    Model.compile(keras.optimizers.Adam(), {|#0:keras.losses.BinaryCrossentropy(from_logits: true)|});
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SigmoidIntoLogitsLoss));
    }

    [Fact]
    public Task A_model_field_that_two_methods_compile_is_still_followed_in_each()
    {
        const string source = TensorFlowUsings.Keras + """
            class Experiments
            {
                public Experiments() => model = keras.Sequential(keras.layers.Dense(32, activation: "relu"), keras.layers.Dense(10, activation: "softmax"));

                public void First() => model.compile(keras.optimizers.Adam(), {|#0:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|});

                public void Second() => model.compile(keras.optimizers.SGD(), {|#1:keras.losses.CategoricalCrossentropy(from_logits: true)|});

                readonly Sequential model;
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss), Finding.At(Descriptors.SoftmaxIntoLogitsLoss, 1));
    }

    [Fact]
    public Task A_model_field_built_and_compiled_in_one_method_is_followed_into_the_fit_of_another()
    {
        const string source = TensorFlowUsings.Keras + """
            sealed class Pipeline
            {
                public void Train(NDArray x, NDArray y)
                {
                    Build();
                    model.fit(x, {|#0:Tensorflow.Keras.Utils.np_utils.to_categorical(y, 10)|});
                }

                void Build()
                {
                    model = keras.Sequential(keras.layers.Dense(64, activation: "relu"), keras.layers.Dense(10));
                    model.compile(keras.optimizers.SGD(0.01f), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
                }

                IModel model;
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.OneHotIntoSparseLoss));
    }
}
