using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// Look-alikes for taking a trainer's fields from what its creations pass (a review of that flow): the object passed is
/// changed in place afterwards (through an alias, a call that returns it, a downcast, dynamic, a lambda, the class
/// itself), created by reflection, or overridden by an initialiser. Each must stay silent.
/// </summary>
public sealed class CreationArgumentSoundnessTests
{
    private const string T = """
        using System;
        using TorchSharp;
        using TorchSharp.Modules;
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
    public Task R01_module_typed_local_changed_through_a_cast_after_creation() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                Module<Tensor, Tensor> net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net);
                ((Sequential)net).append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R02_module_typed_alias_changed_through_a_cast() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                Module<Tensor, Tensor> net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net);
                Module<Tensor, Tensor> alias = net;
                ((Sequential)alias).append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R03_local_handed_as_object_to_a_method_that_casts_and_appends() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static void Fix(object o) => ((Sequential)o).append(Linear(3, 3));
            static Tensor Run(Tensor x, Tensor y)
            {
                Module<Tensor, Tensor> net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net);
                Fix(net);
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R04_local_aliased_as_dynamic_and_appended() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                Module<Tensor, Tensor> net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net);
                dynamic d = net;
                d.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R05_is_pattern_then_append() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                Module<Tensor, Tensor> net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net);
                if (net is Sequential s) s.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R06_argument_is_fluent_to_of_a_local_appended_later() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net.to(CPU));
                net.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R07_argument_is_an_identity_helper_of_a_local_appended_later() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Module<Tensor, Tensor> Prepare(Module<Tensor, Tensor> m) => m;
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(Prepare(net));
                net.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R08_local_from_identity_helper_of_a_local_appended_later() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Module<Tensor, Tensor> Prepare(Module<Tensor, Tensor> m) => m;
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var model = Prepare(net);
                var trainer = new Trainer(model);
                net.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R09_argument_from_a_shared_static_registry_changed_later() => Verify.AnalyzerAsync(T + """
        static class Registry
        {
            internal static readonly Sequential Net = Sequential(Linear(8, 3), Softmax(1));
            public static Module<Tensor, Tensor> Get() => Net;
            public static void Fix() => Net.append(Linear(3, 3));
        }
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var trainer = new Trainer(Registry.Get());
                Registry.Fix();
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R10_activator_creates_with_logits() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Serve(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
            static Tensor Train(Tensor x, Tensor y) => ((Trainer)Activator.CreateInstance(typeof(Trainer), Sequential(Linear(8, 3)))!).Step(x, y);
        }
        """);

    [Fact]
    public Task R11_trainer_method_appends_to_its_sequential_field() => Verify.AnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        internal sealed class Trainer
        {
            private readonly Sequential model;
            public Trainer(Sequential model) { this.model = model; }
            public void AddHead() => model.append(Linear(3, 3));
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var t = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                t.AddHead();
                return t.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R12_trainer_method_appends_through_cast() => Verify.AnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        internal sealed class Trainer
        {
            private readonly Module<Tensor, Tensor> model;
            public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
            public void AddHead() => ((Sequential)model).append(Linear(3, 3));
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var t = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                t.AddHead();
                return t.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R13_object_initializer_on_the_creation_replaces_the_field() => Verify.AnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        internal sealed class Trainer
        {
            public Module<Tensor, Tensor> Model;
            public Trainer(Module<Tensor, Tensor> model) { Model = model; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(Model.call(x), y);
        }
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))) { Model = Sequential(Linear(8, 3)) }.Step(x, y);
        }
        """);

    [Fact]
    public Task R14_init_property_set_by_an_initializer_elsewhere() => Verify.AnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        internal sealed class Trainer
        {
            public Module<Tensor, Tensor> Model { get; init; }
            public Trainer(Module<Tensor, Tensor> model) { Model = model; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(Model.call(x), y);
        }
        static class Entry
        {
            static Tensor A(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
            static Tensor B(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))) { Model = Sequential(Linear(8, 3)) }.Step(x, y);
        }
        """);

    [Fact]
    public Task R15_named_out_of_order_arguments_with_a_switch() => Verify.AnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        internal sealed class Trainer
        {
            private readonly Module<Tensor, Tensor> model;
            public Trainer(Module<Tensor, Tensor> model, bool wrap) { this.model = wrap ? model : Sequential(Linear(8, 3)); }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y) => new Trainer(wrap: false, model: Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
        }
        """);

    [Fact]
    public Task R16_default_parameter_switch_off() => Verify.AnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        internal sealed class Trainer
        {
            private readonly Module<Tensor, Tensor> model;
            public Trainer(Module<Tensor, Tensor> model, bool wrap = false) { if (wrap) this.model = model; else this.model = Sequential(Linear(8, 3)); }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
        }
        """);

    [Fact]
    public Task R17_lambda_creation_after_local_reassigned() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                Func<Trainer> make = () => new Trainer(net);
                net = Sequential(Linear(8, 3));
                return make().Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R18_lambda_creation_after_local_reassigned_by_deconstruction() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                Func<Trainer> make = () => new Trainer(net);
                (net, _) = (Sequential(Linear(8, 3)), 0);
                return make().Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R19_lambda_creation_after_local_reassigned_by_out() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static void Replace(out Sequential s) => s = Sequential(Linear(8, 3));
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                Func<Trainer> make = () => new Trainer(net);
                Replace(out net);
                return make().Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R20_local_function_creation_after_local_reassigned() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                net = Sequential(Linear(8, 3));
                return Make().Step(x, y);
                Trainer Make() => new Trainer(net);
            }
        }
        """);

    [Fact]
    public Task R21_factory_delegate_with_different_models() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                Func<Module<Tensor, Tensor>, Trainer> make = m => new Trainer(m);
                make(Sequential(Linear(8, 3), Softmax(1)));
                return make(Sequential(Linear(8, 3))).Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R22_internals_visible_to_another_assembly() => Verify.AnalyzerAsync(T.Replace("internal class Trainer", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Other\")]\ninternal class Trainer") + """
        static class Entry
        {
            static Tensor Serve(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
        }
        """);

    [Fact]
    public Task R23_loop_creations_with_different_models() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Module<Tensor, Tensor> Make(bool softmax) => softmax ? Sequential(Linear(8, 3), Softmax(1)) : Sequential(Linear(8, 3));
            static void Run(Tensor x, Tensor y)
            {
                foreach (var flag in new[] { true, false })
                {
                    var net = Make(flag);
                    new Trainer(net).Step(x, y);
                }
            }
        }
        """);

    [Fact]
    public Task R24_list_alias_changed_after_creation() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                Module<Tensor, Tensor> net = Sequential(Linear(8, 3), Softmax(1));
                var list = new System.Collections.Generic.List<Module<Tensor, Tensor>> { net };
                var trainer = new Trainer(net);
                ((Sequential)list[0]).append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R25_static_field_alias_changed_elsewhere() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Module<Tensor, Tensor> Shared;
            static void Fix() => ((Sequential)Shared).append(Linear(3, 3));
            static Tensor Run(Tensor x, Tensor y)
            {
                Module<Tensor, Tensor> net = Sequential(Linear(8, 3), Softmax(1));
                Shared = net;
                var trainer = new Trainer(net);
                Fix();
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R26_lambda_captures_and_changes_through_cast() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                Module<Tensor, Tensor> net = Sequential(Linear(8, 3), Softmax(1));
                Action fix = () => ((Sequential)net).append(Linear(3, 3));
                var trainer = new Trainer(net);
                fix();
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R27_sequential_local_in_list_changed_via_list() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net);
                var list = new System.Collections.Generic.List<Sequential> { net };
                list[0].append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    private const string FT = """
        using System;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        internal sealed class Trainer
        {
            private readonly Module<Tensor, Tensor> model;
            private readonly Func<Tensor, Tensor> head;
            public Trainer(Module<Tensor, Tensor> model, Func<Tensor, Tensor> head) { this.model = model; this.head = head; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(head(model.call(x)), y);
        }

        """;

    [Fact]
    public Task R28_lambda_argument_reading_a_flag_changed_after_creation() => Verify.AnalyzerAsync(FT + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var apply = true;
                var trainer = new Trainer(Sequential(Linear(8, 3)), t => apply ? functional.softmax(t, 1) : t);
                apply = false;
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R29_lambda_argument_reading_a_module_local_reassigned_after_creation() => Verify.AnalyzerAsync(FT + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                Module<Tensor, Tensor> last = Softmax(1);
                var trainer = new Trainer(Sequential(Linear(8, 3)), t => last.call(t));
                last = Identity();
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R30_lambda_argument_reading_a_static_flag_changed_after_creation() => Verify.AnalyzerAsync(FT + """
        static class Entry
        {
            static bool apply = true;
            static Tensor Run(Tensor x, Tensor y)
            {
                var trainer = new Trainer(Sequential(Linear(8, 3)), t => apply ? functional.softmax(t, 1) : t);
                apply = false;
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R31_odd_code_missing_argument() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor A(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
            static Tensor B(Tensor x, Tensor y) => new Trainer().Step(x, y);
        }
        """, Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS7036").WithSpan(16, 48, 16, 55));

    [Fact]
    public Task R32_odd_code_untyped_new_and_unresolved() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor A(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
            static void B() { var t = new(Sequential(Linear(8, 3))); Trainer u = new(Missing()); Trainer v = new(Sequential(Linear(8, 3)), 1); }
        }
        """, Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS8754").WithSpan(16, 31, 16, 60), Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS0103").WithSpan(16, 78, 16, 85), Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS1729").WithSpan(16, 102, 16, 134));

    [Fact]
    public Task R33_odd_code_dynamic_argument() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor A(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
            static Tensor B(dynamic m, Tensor x, Tensor y) => new Trainer(m).Step(x, y);
        }
        """);

    [Fact]
    public Task R34_odd_code_unresolved_type_argument() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor A(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
            static Tensor B(Tensor x, Tensor y) => new Trainer(new Nope()).Step(x, y);
            static Tensor C(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3)), extra: 1).Step(x, y);
        }
        """, Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS0246").WithSpan(16, 60, 16, 64), Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS1739").WithSpan(17, 82, 17, 87));

    [Fact]
    public Task R35_generic_trainer_with_two_models() => Verify.AnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        internal sealed class Trainer<TModel> where TModel : Module<Tensor, Tensor>
        {
            private readonly TModel model;
            public Trainer(TModel model) { this.model = model; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }
        static class Entry
        {
            static Tensor A(Tensor x, Tensor y) => new Trainer<Sequential>(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
            static Tensor B(Tensor x, Tensor y) => new Trainer<Linear>(Linear(8, 3)).Step(x, y);
        }
        """);

    [Fact]
    public Task R36_ref_parameter_replaced_by_caller_is_not_the_issue_but_ctor_swaps() => Verify.AnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        internal sealed class Trainer
        {
            private readonly Module<Tensor, Tensor> model;
            public Trainer(ref Module<Tensor, Tensor> model) { model = Sequential(Linear(8, 3)); this.model = model; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }
        static class Entry
        {
            static Tensor A(Tensor x, Tensor y)
            {
                Module<Tensor, Tensor> net = Sequential(Linear(8, 3), Softmax(1));
                return new Trainer(ref net).Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R37_creator_changes_the_model_through_the_trainer_property_and_a_cast() => Verify.AnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        internal sealed class Trainer
        {
            public Module<Tensor, Tensor> Model { get; }
            public Trainer(Module<Tensor, Tensor> model) { Model = model; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(Model.call(x), y);
        }
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var trainer = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                ((Sequential)trainer.Model).append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R38_lambda_argument_capturing_a_sequential_appended_after_creation() => Verify.AnalyzerAsync(FT + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var last = Sequential(Softmax(1));
                var trainer = new Trainer(Sequential(Linear(8, 3)), t => last.call(t));
                last.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R39_method_group_of_a_sequential_appended_after_creation() => Verify.AnalyzerAsync(FT + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var last = Sequential(Softmax(1));
                var trainer = new Trainer(Sequential(Linear(8, 3)), last.call);
                last.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R40_two_constructors_one_softmax_one_logits() => Verify.AnalyzerAsync("""
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        internal sealed class Trainer
        {
            private readonly Module<Tensor, Tensor> model;
            public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
            public Trainer(Module<Tensor, Tensor> model, int seed) { this.model = model; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }
        static class Entry
        {
            static Tensor A(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
            static Tensor B(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3)), 1).Step(x, y);
        }
        """);

    [Fact]
    public Task R41_derived_class_in_another_file_passes_logits() => Verify.FilesAsync(new[]
    {
        ("Trainer.cs", T + """
        static class Entry
        {
            static Tensor A(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
        }
        """),
        ("Sub.cs", """
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        internal sealed class Sub : Trainer
        {
            public Sub() : base(Sequential(Linear(8, 3))) { }
        }
        static class Entry2
        {
            static Tensor B(Tensor x, Tensor y) => new Sub().Step(x, y);
        }
        """),
    }, "");

    [Fact]
    public Task R42_creation_of_a_nested_trainer_via_a_using_static_of_its_outer_class() => Verify.AnalyzerAsync("""
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        using static Outer;
        internal static class Outer
        {
            internal class Trainer
            {
                private readonly Module<Tensor, Tensor> model;
                public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
                public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
            }
            internal static Tensor A(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
        }
        internal sealed class Sub : Trainer
        {
            public Sub() : base(Sequential(Linear(8, 3))) { }
        }
        """);

    [Fact]
    public Task R43_local_from_fluent_to_of_a_sequential_appended_later() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var model = net.to(CPU);
                var trainer = new Trainer(model);
                net.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R44_user_wrapper_created_in_the_argument_around_a_sequential_appended_later() => Verify.AnalyzerAsync(T + """
        internal sealed class Wrap : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> inner;
            public Wrap(Module<Tensor, Tensor> inner) : base("wrap") { this.inner = inner; RegisterComponents(); }
            public override Tensor forward(Tensor x) => inner.call(x);
        }
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(new Wrap(net));
                net.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R45_sequential_created_in_the_argument_around_a_sequential_appended_later() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(Sequential(net));
                net.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R46_top_level_cast_append() => Verify.ProgramAsync("""
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        Module<Tensor, Tensor> net = Sequential(Linear(8, 3), Softmax(1));
        var trainer = new Trainer(net);
        ((Sequential)net).append(Linear(3, 3));
        trainer.Step(randn(4, 8), ones(4, dtype: int64));

        internal sealed class Trainer
        {
            private readonly Module<Tensor, Tensor> model;
            public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }
        """);

    [Fact]
    public Task R47_ref_local_alias_appended() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net);
                ref var r = ref net; r.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R48_null_forgiving_append() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net);
                net!.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R49_parenthesized_append() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net);
                (net).append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R50_sequential_alias_via_tuple_deconstruction() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net);
                var (a, _) = (net, 0); a.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R51_sequential_alias_via_out_var_helper() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static void Alias(Sequential s, out Sequential a) => a = s;
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net);
                Alias(net, out var a); a.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R52_sequential_alias_via_array_element() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net);
                var arr = new[] { net }; arr[0].append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);


    [Fact]
    public Task R53_conditional_argument() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(bool flag, Tensor x, Tensor y)
            {
                var soft = Sequential(Linear(8, 3), Softmax(1));
                var logits = Sequential(Linear(8, 3));
                return new Trainer(flag ? soft : logits).Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R54_switch_expression_creations_disagree() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(int k, Tensor x, Tensor y)
            {
                var t = k switch { 0 => new Trainer(Sequential(Linear(8, 3), Softmax(1))), _ => new Trainer(Sequential(Linear(8, 3))) };
                return t.Step(x, y);
            }
        }
        """);

    [Fact]
    public Task R57_params_constructor() => Verify.AnalyzerAsync("""
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        internal sealed class Trainer
        {
            private readonly Module<Tensor, Tensor> model;
            public Trainer(params Module<Tensor, Tensor>[] models) { model = models[models.Length - 1]; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }
        static class Entry
        {
            static Tensor A(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1)), Sequential(Linear(8, 3))).Step(x, y);
        }
        """);

    [Fact]
    public Task R58_record_class_is_excluded() => Verify.AnalyzerAsync("""
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        internal sealed record Trainer
        {
            private readonly Module<Tensor, Tensor> model;
            public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }
        static class Entry
        {
            static Tensor A(Tensor x, Tensor y) => (new Trainer(Sequential(Linear(8, 3), Softmax(1))) with { }).Step(x, y);
            static Tensor B(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3))).Step(x, y);
        }
        """);

    [Fact]
    public Task R60_partial_part_in_another_file_creates_logits() => Verify.FilesAsync(new[]
    {
        ("Trainer.cs", """
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        internal sealed partial class Trainer
        {
            private readonly Module<Tensor, Tensor> model;
            public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
            static Tensor A(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).Step(x, y);
        }
        """),
        ("Trainer.Part.cs", """
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        internal sealed partial class Trainer
        {
            static Tensor B(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3))).Step(x, y);
        }
        """),
    }, "");
}
