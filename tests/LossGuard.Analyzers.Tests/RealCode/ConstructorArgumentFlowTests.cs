using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// A trainer keeps the model and the loss it is given in fields set from its constructor's parameters: the
/// constructor runs with what every creation of it in the compilation passes, when all creations are known, agree,
/// pass a fresh object (written out in the creation, or a local only run, read or passed to that constructor after),
/// the constructor only stores the parameter, the field is only run, and outside code cannot create the class;
/// creations that disagree, pass something unknown or that the creating code may change later, subclasses calling
/// <c>: base(...)</c>, and public classes of a library stay silent.
/// </summary>
public sealed class ConstructorArgumentFlowTests
{
    private const string Trainer = """
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        internal sealed class Trainer
        {
            private readonly Module<Tensor, Tensor> model;
            public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy({|#0:model.call(x)|}, y);
        }

        """;

    private const string SilentTrainer = """
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        internal class Trainer
        {
            private readonly Module<Tensor, Tensor> model;
            public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }

        """;

    [Fact]
    public Task A_plain_trainer_keeping_a_softmax_model_from_its_constructor_is_LG0001_in_its_step()
    {
        const string source = Trainer + """
            static class Entry
            {
                static Tensor Run(Tensor x, Tensor y)
                {
                    var net = Sequential(Linear(8, 3), Softmax(1));
                    var trainer = new Trainer(net);
                    return trainer.Step(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_module_class_keeping_the_model_stays_silent()
    {
        // A module registers its fields as submodules: children() or get_submodule() hand the model on unseen.
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            internal sealed class Trainer : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> model;
                public Trainer(Module<Tensor, Tensor> model) : base("trainer") { this.model = model; RegisterComponents(); }
                public override Tensor forward(Tensor x) => model.call(x);
                public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
            }

            static class Entry
            {
                static Tensor Run(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_trainer_created_in_top_level_statements_is_LG0001()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            var net = Sequential(Linear(8, 3), Softmax(1));
            var trainer = new Trainer(net);
            trainer.Step(randn(4, 8), ones(4, dtype: int64));

            internal sealed class Trainer
            {
                private readonly Module<Tensor, Tensor> model;
                public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
                public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy({|#0:model.call(x)|}, y);
            }
            """;
        return Verify.ProgramAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task Two_creations_passing_softmax_models_agree_and_are_LG0001()
    {
        const string source = Trainer + """
            static class Entry
            {
                static Tensor First(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);

                static Tensor Second(Tensor x, Tensor y)
                {
                    Trainer trainer = new(Sequential(Linear(8, 3), Softmax(1)));
                    return trainer.Step(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_trainer_keeping_both_model_and_loss_from_its_constructor_is_LG0001()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            internal sealed class Trainer
            {
                private readonly Module<Tensor, Tensor> model;
                private readonly Loss<Tensor, Tensor, Tensor> criterion;
                public Trainer(Module<Tensor, Tensor> model, Loss<Tensor, Tensor, Tensor> criterion)
                {
                    this.model = model;
                    this.criterion = criterion;
                }
                public Tensor Step(Tensor x, Tensor y) => criterion.call({|#0:model.call(x)|}, y);
            }

            static class Entry
            {
                static Tensor Run(Tensor x, Tensor y)
                {
                    var trainer = new Trainer(Sequential(Linear(8, 3), Softmax(1)), CrossEntropyLoss());
                    return trainer.Step(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task Creations_passing_softmax_and_logits_models_disagree_and_stay_silent()
    {
        const string source = SilentTrainer + """
            static class Entry
            {
                static Tensor Serve(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
                static Tensor Train(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3))).Step(x, y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_creation_passing_a_parameter_of_unknown_origin_stays_silent()
    {
        const string source = SilentTrainer + """
            static class Entry
            {
                static Tensor Serve(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
                public static Tensor Train(Module<Tensor, Tensor> model, Tensor x, Tensor y) => new Trainer(model).Step(x, y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_target_typed_creation_passing_logits_disagrees_and_stays_silent()
    {
        const string source = SilentTrainer + """
            static class Entry
            {
                static Tensor Serve(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);

                static Tensor Train(Tensor x, Tensor y)
                {
                    Trainer trainer = new(Sequential(Linear(8, 3)));
                    return trainer.Step(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_subclass_passing_logits_through_base_stays_silent()
    {
        const string source = SilentTrainer + """
            internal sealed class LogitsTrainer : Trainer
            {
                public LogitsTrainer() : base(Sequential(Linear(8, 3))) { }
            }

            static class Entry
            {
                static Tensor Serve(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
                static Tensor Train(Tensor x, Tensor y) => new LogitsTrainer().Step(x, y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_public_trainer_of_a_library_that_outside_code_can_create_stays_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            public sealed class Trainer
            {
                private readonly Module<Tensor, Tensor> model;
                public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
                public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
            }

            static class Entry
            {
                static Tensor Serve(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_field_from_the_constructor_that_another_method_reassigns_to_logits_stays_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            internal sealed class Trainer
            {
                private Module<Tensor, Tensor> model;
                public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
                public void Reset() => model = Sequential(Linear(8, 3));
                public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
            }

            static class Entry
            {
                static Tensor Serve(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_creation_inside_a_lambda_passing_a_captured_model_stays_silent()
    {
        const string source = SilentTrainer + """
            static class Entry
            {
                static System.Func<Tensor, Tensor, Tensor> Serve()
                {
                    var net = Sequential(Linear(8, 3), Softmax(1));
                    return (x, y) => new Trainer(net).Step(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_model_local_given_a_logits_head_after_the_creation_stays_silent()
    {
        const string source = SilentTrainer + """
            static class Entry
            {
                static Tensor Serve(Tensor x, Tensor y)
                {
                    var net = Sequential(Linear(8, 3), Softmax(1));
                    var trainer = new Trainer(net);
                    net.append(Linear(3, 3));
                    return trainer.Step(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_creation_in_a_field_initialiser_with_the_model_written_out_is_LG0001()
    {
        const string source = Trainer + """
            sealed class Host
            {
                private readonly Trainer trainer = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                public Tensor Serve(Tensor x, Tensor y) => trainer.Step(x, y);
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_target_typed_creation_from_a_local_is_LG0001()
    {
        const string source = Trainer + """
            static class Entry
            {
                static Tensor Run(Tensor x, Tensor y)
                {
                    var net = Sequential(Linear(4, 3), Softmax(1));
                    Trainer t = new(net);
                    return t.Step(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_get_only_auto_property_from_the_constructor_is_LG0001()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            internal sealed class Trainer
            {
                private Module<Tensor, Tensor> Model { get; }
                public Trainer(Module<Tensor, Tensor> model) { Model = model; }
                public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy({|#0:Model.forward(x)|}, y);
            }

            static class Entry
            {
                static Tensor Run(Tensor x, Tensor y)
                {
                    var net = Sequential(Linear(4, 3), Softmax(1));
                    var t = new Trainer(net);
                    return t.Step(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_model_local_moved_switched_and_given_to_an_optimizer_is_still_LG0001()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            internal sealed class Trainer
            {
                private readonly Module<Tensor, Tensor> model;
                public Trainer(Module<Tensor, Tensor> model) => this.model = model;
                public Tensor Step(Tensor x, Tensor y)
                {
                    model.train();
                    return functional.cross_entropy({|#0:model.forward(x)|}, y);
                }
            }

            static class Entry
            {
                static Tensor Run(Tensor x, Tensor y)
                {
                    var net = Sequential(Linear(4, 3), Softmax(1));
                    net.to(CPU);
                    var optimizer = optim.Adam(net.parameters());
                    var t = new Trainer(net);
                    optimizer.zero_grad();
                    return t.Step(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_sigmoid_head_kept_from_the_constructor_into_bce_with_logits_is_LG0002()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            internal sealed class Trainer
            {
                private readonly Module<Tensor, Tensor> model;
                public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
                public Tensor Step(Tensor x, Tensor y) => functional.binary_cross_entropy_with_logits({|#0:model.forward(x)|}, y);
            }

            static class Entry
            {
                static Tensor Run(Tensor x, Tensor y) => new Trainer(Sequential(Linear(4, 1), Sigmoid())).Step(x, y);
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SigmoidIntoLogitsLoss));
    }

    [Fact]
    public Task A_model_local_passed_to_another_method_after_the_creation_stays_silent()
    {
        const string source = SilentTrainer + """
            static class Entry
            {
                static void Inspect(Module<Tensor, Tensor> m) { }
                static Tensor Run(Tensor x, Tensor y)
                {
                    var net = Sequential(Linear(4, 3), Softmax(1));
                    var t = new Trainer(net);
                    Inspect(net);
                    return t.Step(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_constructor_passing_its_parameter_elsewhere_too_stays_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            internal sealed class Trainer
            {
                private readonly Module<Tensor, Tensor> model;
                public Trainer(Module<Tensor, Tensor> model) { this.model = model; Registry.Add(model); }
                public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
            }

            static class Registry
            {
                public static void Add(Module<Tensor, Tensor> m) { }
            }

            static class Entry
            {
                static Tensor Run(Tensor x, Tensor y) => new Trainer(Sequential(Linear(4, 3), Softmax(1))).Step(x, y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_field_the_class_hands_to_another_method_stays_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            internal sealed class Trainer
            {
                private readonly Module<Tensor, Tensor> model;
                public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
                public void Export() => Save(model);
                private static void Save(Module<Tensor, Tensor> m) { }
                public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
            }

            static class Entry
            {
                static Tensor Run(Tensor x, Tensor y) => new Trainer(Sequential(Linear(4, 3), Softmax(1))).Step(x, y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_model_from_a_helper_of_the_compilation_stays_silent()
    {
        const string source = SilentTrainer + """
            static class Entry
            {
                static Module<Tensor, Tensor> Build() => Sequential(Linear(4, 3), Softmax(1));
                static Tensor Run(Tensor x, Tensor y) => new Trainer(Build()).Step(x, y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_trainer_named_in_typeof_stays_silent()
    {
        const string source = SilentTrainer + """
            static class Entry
            {
                static System.Type Kind => typeof(Trainer);
                static Tensor Run(Tensor x, Tensor y) => new Trainer(Sequential(Linear(4, 3), Softmax(1))).Step(x, y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task An_executable_public_trainer_is_LG0001()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            var t = new Trainer(Sequential(Linear(4, 3), Softmax(1)));
            t.Step(randn(4, 4), ones(4, dtype: int64));

            public class Trainer
            {
                private readonly Module<Tensor, Tensor> model;
                public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
                public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy({|#0:model.call(x)|}, y);
            }
            """;
        return Verify.ProgramAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_field_with_an_initialiser_too_stays_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            internal sealed class Trainer
            {
                private readonly Module<Tensor, Tensor> model = Sequential(Linear(4, 3));
                public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
                public Trainer() { }
                public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
            }

            static class Entry
            {
                static Tensor A(Tensor x, Tensor y) => new Trainer(Sequential(Linear(4, 3), Softmax(1))).Step(x, y);
                static Tensor B(Tensor x, Tensor y) => new Trainer().Step(x, y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_class_changing_its_field_through_a_local_alias_stays_silent()
    {
        const string source = """
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            internal sealed class Trainer
            {
                private readonly Module<Tensor, Tensor> model;
                public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
                public void AddHead() { var m = model; ((Sequential)m).append(Linear(3, 3)); }
                public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
            }

            static class Entry
            {
                static Tensor Run(Tensor x, Tensor y)
                {
                    var t = new Trainer(Sequential(Linear(4, 3), Softmax(1)));
                    t.AddHead();
                    return t.Step(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_creation_through_a_using_alias_stays_silent()
    {
        const string source = """
            using TrainerAlias = Trainer;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            internal sealed class Trainer
            {
                private readonly Module<Tensor, Tensor> model;
                public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
                public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
            }

            static class Entry
            {
                static Tensor A(Tensor x, Tensor y) => new Trainer(Sequential(Linear(4, 3), Softmax(1))).Step(x, y);
                static Tensor B(Tensor x, Tensor y) => new TrainerAlias(Sequential(Linear(4, 3))).Step(x, y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_model_local_also_given_to_another_class_stays_silent()
    {
        const string source = SilentTrainer + """
            internal sealed class Tuner
            {
                public Tuner(TorchSharp.Modules.Sequential model) => model.append(Linear(3, 3));
            }

            static class Entry
            {
                static Tensor Run(Tensor x, Tensor y)
                {
                    var net = Sequential(Linear(4, 3), Softmax(1));
                    var t = new Trainer(net);
                    _ = new Tuner(net);
                    return t.Step(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_model_local_whose_moved_copy_is_kept_and_appended_stays_silent()
    {
        const string source = "using TorchSharp;\n" + SilentTrainer + """
            static class Entry
            {
                static Tensor Run(Tensor x, Tensor y)
                {
                    var net = Sequential(Linear(4, 3), Softmax(1));
                    var t = new Trainer(net);
                    var moved = net.to(CPU);
                    moved.append(Linear(3, 3));
                    return t.Step(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_trainer_created_again_by_reflection_from_its_runtime_type_stays_silent()
    {
        const string source = SilentTrainer + """
            static class Entry
            {
                static Tensor Run(Tensor x, Tensor y)
                {
                    var t = new Trainer(Sequential(Linear(4, 3), Softmax(1)));
                    var u = (Trainer)System.Activator.CreateInstance(t.GetType(), Sequential(Linear(4, 3)))!;
                    return u.Step(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_trainer_behind_an_interface_a_container_may_create_stays_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            internal interface IStep
            {
                Tensor Step(Tensor x, Tensor y);
            }

            internal sealed class Trainer : IStep
            {
                private readonly Module<Tensor, Tensor> model;
                public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
                public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
            }

            static class Entry
            {
                static Tensor Run(Tensor x, Tensor y) => new Trainer(Sequential(Linear(4, 3), Softmax(1))).Step(x, y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_disposable_trainer_is_LG0001()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            internal sealed class Trainer : System.IDisposable
            {
                private readonly Module<Tensor, Tensor> model;
                public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
                public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy({|#0:model.call(x)|}, y);
                public void Dispose() { }
            }

            static class Entry
            {
                static Tensor Run(Tensor x, Tensor y)
                {
                    using var t = new Trainer(Sequential(Linear(4, 3), Softmax(1)));
                    return t.Step(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }
}
