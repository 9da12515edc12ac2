using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// Adversarial review of constructor arguments (helper-62): but for the control C00, every case leaves, on some path, a
/// model other than the softmax one at the loss (reflection, expression trees, Unsafe, overlapping fields), so it stays silent.
/// </summary>
public sealed class ConstructorArgumentReviewTests
{
    private const string T = """
        using System;
        using System.Linq;
        using System.Reflection;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        internal sealed class Trainer
        {
            private readonly Module<Tensor, Tensor> model;
            public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }

        """;

    private const string M = """
        using System;
        using System.Linq;
        using System.Reflection;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        internal sealed class Trainer
        {
            private Module<Tensor, Tensor> model;
            public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }

        """;

    // Control: the creation alone (expected LG0001 on the new commit; documents the baseline shape).
    [Fact]
    public Task C00_control_plain_creation() => Verify.AnalyzerAsync(T.Replace("cross_entropy(model.call(x), y)", "cross_entropy({|#0:model.call(x)|}, y)") + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net);
                return trainer.Step(x, y);
            }
        }
        """, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));

    // 1. The field is replaced by reflection through the runtime type (no name of the class, no creation name).
    [Fact]
    public Task V01_field_replaced_by_reflection_SetValue() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var trainer = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                trainer.GetType().GetField("model", BindingFlags.NonPublic | BindingFlags.Instance)!.SetValue(trainer, Sequential(Linear(8, 3)));
                return trainer.Step(x, y);
            }
        }
        """);

    // 2. A generic "model surgery" helper rewriting every module-typed field of any object.
    [Fact]
    public Task V02_every_module_field_replaced_by_a_reflection_helper() => Verify.AnalyzerAsync(T + """
        static class Surgery
        {
            public static void StripHeads(object owner)
            {
                foreach (var field in owner.GetType().GetFields(BindingFlags.NonPublic | BindingFlags.Instance))
                {
                    if (field.FieldType == typeof(Module<Tensor, Tensor>))
                    {
                        field.SetValue(owner, Sequential(Linear(8, 3)));
                    }
                }
            }
        }

        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var trainer = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                Surgery.StripHeads(trainer);
                return trainer.Step(x, y);
            }
        }
        """);

    // 3. A second trainer created by reflection through a constructor found with GetMember(".ctor"), given logits.
    [Fact]
    public Task V03_constructor_found_by_GetMember_invoked_with_logits() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var first = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                var ctor = (ConstructorInfo)first.GetType().GetMember(".ctor")[0];
                dynamic second = ctor.Invoke(new object[] { Sequential(Linear(8, 3)) });
                return Step(second, x, y);
            }

            static Tensor Step(Trainer trainer, Tensor x, Tensor y) => trainer.Step(x, y);
        }
        """);

    // 4. Same through GetMembers().OfType<ConstructorInfo>().
    [Fact]
    public Task V04_constructor_found_by_GetMembers_OfType_invoked_with_logits() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var first = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                var ctor = first.GetType().GetMembers().OfType<ConstructorInfo>().First();
                Trainer second = (dynamic)ctor.Invoke(new object[] { Sequential(Linear(8, 3)) });
                return second.Step(x, y);
            }
        }
        """);

    // 5. Same through FindMembers(MemberTypes.Constructor, ...).
    [Fact]
    public Task V05_constructor_found_by_FindMembers_invoked_with_logits() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var first = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                var ctor = (ConstructorInfo)first.GetType().FindMembers(MemberTypes.Constructor, BindingFlags.Public | BindingFlags.Instance, null, null)[0];
                Trainer second = (dynamic)ctor.Invoke(new object[] { Sequential(Linear(8, 3)) });
                return second.Step(x, y);
            }
        }
        """);

    // 6. The field written through a layout twin by Unsafe.As on an object reference (no spelling of the class in a type argument).
    [Fact]
    public Task V06_field_replaced_through_Unsafe_As_layout_twin() => Verify.AnalyzerAsync(T + """
        internal sealed class Twin
        {
            public Module<Tensor, Tensor> Model = null!;
        }

        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var trainer = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                object boxed = trainer;
                System.Runtime.CompilerServices.Unsafe.As<Twin>(boxed).Model = Sequential(Linear(8, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    // 7. The field assigned by an expression tree built from its name.
    [Fact]
    public Task V07_field_replaced_by_an_expression_tree_built_from_its_name() => Verify.AnalyzerAsync(M + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var trainer = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                Module<Tensor, Tensor> logits = Sequential(Linear(8, 3));
                var target = System.Linq.Expressions.Expression.Constant(trainer);
                var assign = System.Linq.Expressions.Expression.Assign(System.Linq.Expressions.Expression.Field(target, "model"), System.Linq.Expressions.Expression.Constant(logits, typeof(Module<Tensor, Tensor>)));
                System.Linq.Expressions.Expression.Lambda<Action>(assign).Compile()();
                return trainer.Step(x, y);
            }
        }
        """);

    // 8. Uninitialised object of the runtime type, then the field set by reflection.
    [Fact]
    public Task V08_uninitialised_object_of_the_runtime_type_then_field_set() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var first = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                var type = first.GetType();
                Trainer second = (dynamic)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
                type.GetField("model", BindingFlags.NonPublic | BindingFlags.Instance)!.SetValue(second, Sequential(Linear(8, 3)));
                return second.Step(x, y);
            }
        }
        """);

    // 9. Control for the family: a field with its own softmax initialiser replaced by reflection (is the family old?).
    [Fact]
    public Task V10_lazy_trainer_capturing_a_local_appended_before_value() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var lazy = new Lazy<Trainer>(() => new Trainer(net));
                net.append(Linear(3, 3));
                return lazy.Value.Step(x, y);
            }
        }
        """);

    // 11. Field cleared by MemberwiseClone-based copy then reflection; skip. Instead: clone method passing a different model.
    [Fact]
    public Task V11_clone_method_creating_with_a_new_head() => Verify.AnalyzerAsync("""
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        internal sealed class Trainer
        {
            private readonly Module<Tensor, Tensor> model;
            public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
            public Trainer WithoutHead() => new Trainer(Sequential(Linear(8, 3)));
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }

        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y) => new Trainer(Sequential(Linear(8, 3), Softmax(1))).WithoutHead().Step(x, y);
        }
        """);

    // 12. A fresh model from a library call that loads from disk whatever was saved (weights/architecture unknown).
    [Fact]
    public Task V12_scripted_module_loaded_from_disk() => Verify.AnalyzerAsync("""
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        internal sealed class Trainer
        {
            private readonly jit.ScriptModule<Tensor, Tensor> model;
            public Trainer(jit.ScriptModule<Tensor, Tensor> model) { this.model = model; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }

        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y) => new Trainer(jit.load<Tensor, Tensor>("model.pt")).Step(x, y);
        }
        """);

    // 13. The trainer created by a generic helper through new T() with a parameterless constructor that leaves another model.
    [Fact]
    public Task V15_local_also_put_in_a_library_container_built_from_its_forward() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net);
                var list = ModuleList(net);
                ((Sequential)list[0]).append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    // 16. Trainer created in a static field initialiser with softmax and in a [ModuleInitializer] with logits.
    [Fact]
    public Task V16_module_initializer_creates_with_logits() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Trainer Shared = new Trainer(Sequential(Linear(8, 3), Softmax(1)));

            [System.Runtime.CompilerServices.ModuleInitializer]
            internal static void Init() => Shared = new Trainer(Sequential(Linear(8, 3)));

            static Tensor Run(Tensor x, Tensor y) => Shared.Step(x, y);
        }
        """);

    // 17. Creation whose class name is written with a unicode escape and passes logits.
    [Fact]
    public Task V17_escaped_class_name_creation_with_logits() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var a = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                var b = new Tr\u0061iner(Sequential(Linear(8, 3)));
                return b.Step(x, y);
            }
        }
        """);

    // 18. Escaped field name written in another method of the class.
    [Fact]
    public Task V18_escaped_field_name_reassigned_in_a_method() => Verify.AnalyzerAsync(M.Replace("public Tensor Step", "public void Strip() { this.mod\\u0065l = Sequential(Linear(8, 3)); }\n    public Tensor Step") + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var trainer = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                trainer.Strip();
                return trainer.Step(x, y);
            }
        }
        """);

    // 19. Escaped local name appended after creation.
    [Fact]
    public Task V19_escaped_local_name_appended_after_creation() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net);
                n\u0065t.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    // 20. Local: forward hook registered through a library call on the kept module is not on the list; but a hook via the parameters() of the local? — no. Instead: local's to() result kept as a statement-expression in a using? (no). Use a 'to' chained call then append on the result.
    [Fact]
    public Task V20_to_as_statement_through_a_conditional_access() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(net);
                (net.to(CPU) as Sequential)!.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    // 21. Trainer in a generic class instantiated differently (generic site spelled in an object creation with another type argument).
    [Fact]
    public Task V21_generic_trainer_two_instantiations_disagree() => Verify.AnalyzerAsync("""
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        internal sealed class Trainer<TTag>
        {
            private readonly Module<Tensor, Tensor> model;
            public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }

        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var a = new Trainer<int>(Sequential(Linear(8, 3), Softmax(1)));
                var b = new Trainer<string>(Sequential(Linear(8, 3)));
                return b.Step(x, y);
            }
        }
        """);

    // 22. Nested class of the trainer reads the field of another instance and hands it on.
    [Fact]
    public Task V22_nested_type_reads_the_field_of_another_instance_via_primary_receiver() => Verify.AnalyzerAsync("""
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        internal sealed class Trainer
        {
            private readonly Module<Tensor, Tensor> model;
            public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);

            internal static class Surgery
            {
                public static void Strip(Trainer t) => ((Sequential)t.model).append(Linear(3, 3));
            }
        }

        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var t = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                Trainer.Surgery.Strip(t);
                return t.Step(x, y);
            }
        }
        """);

    // 23. Local passed to the constructor by a named argument inside a tuple literal? No: passed in a collection expression of creations.
    [Fact]
    public Task V23_collection_expression_of_target_typed_creations_disagree() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var a = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                System.Collections.Generic.List<Trainer> all = [a, new(Sequential(Linear(8, 3)))];
                return all[1].Step(x, y);
            }
        }
        """);

    // 24. The local is used as the receiver of forward from within a 'with'-free tuple swap: (net, other) = (other, net) after creation.
    [Fact]
    public Task V24_local_swapped_in_a_tuple_after_creation() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var net = Sequential(Linear(8, 3), Softmax(1));
                var other = Sequential(Linear(8, 3));
                var trainer = new Trainer(net);
                (net, other) = (other, net);
                other.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    // 25. A fresh argument with a library call receiving a kept local's parameters() — harmless weights; but a library call receiving the module via an array of tuples of a local.
    [Fact]
    public Task V25_argument_sequential_of_named_tuple_with_local_module() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var head = Sequential(Linear(8, 3), Softmax(1));
                var trainer = new Trainer(Sequential(("body", head)));
                head.append(Linear(3, 3));
                return trainer.Step(x, y);
            }
        }
        """);

    // 26. Explicit layout: a second field overlaps the kept one and is assigned logits.
    [Fact]
    public Task V26_explicit_layout_overlapping_field_assigned() => Verify.AnalyzerAsync("""
        using System.Runtime.InteropServices;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        [StructLayout(LayoutKind.Explicit)]
        internal sealed class Trainer
        {
            [FieldOffset(0)] private readonly Module<Tensor, Tensor> model;
            [FieldOffset(0)] private Module<Tensor, Tensor> shadow;
            public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
            public void Strip() { shadow = Sequential(Linear(8, 3)); }
            public Tensor Step(Tensor x, Tensor y) => functional.cross_entropy(model.call(x), y);
        }

        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var t = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                t.Strip();
                return t.Step(x, y);
            }
        }
        """);

    // 27. AppDomain.CreateInstanceAndUnwrap with the type name as a string and logits as the argument.
    [Fact]
    public Task V27_appdomain_create_instance_and_unwrap_with_logits() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var first = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                Trainer second = (dynamic)AppDomain.CurrentDomain.CreateInstanceAndUnwrap(
                    first.GetType().Assembly.FullName!, first.GetType().FullName!, false, BindingFlags.Public | BindingFlags.Instance,
                    null, new object[] { Sequential(Linear(8, 3)) }, null, null)!;
                return second.Step(x, y);
            }
        }
        """);

    // 28. Constructor from TypeInfo.DeclaredMembers.
    [Fact]
    public Task V28_constructor_from_DeclaredMembers_invoked_with_logits() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var first = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                var ctor = first.GetType().GetTypeInfo().DeclaredMembers.OfType<ConstructorInfo>().First();
                Trainer second = (dynamic)ctor.Invoke(new object[] { Sequential(Linear(8, 3)) });
                return second.Step(x, y);
            }
        }
        """);

    // 29. Activator's method found by its name as a string and invoked.
    [Fact]
    public Task V29_activator_method_found_by_string_name() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var first = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                var make = typeof(Activator).GetMethod("Create" + "Instance", new[] { typeof(Type), typeof(object[]) })!;
                Trainer second = (dynamic)make.Invoke(null, new object[] { first.GetType(), new object[] { Sequential(Linear(8, 3)) } })!;
                return second.Step(x, y);
            }
        }
        """);

    // 30. Control for V26: the same overlap with a field initialised by its own initialiser (is the family old?).
    [Fact]
    public Task V32_constructor_rerun_on_the_existing_object() => Verify.AnalyzerAsync(T + """
        static class Entry
        {
            static Tensor Run(Tensor x, Tensor y)
            {
                var trainer = new Trainer(Sequential(Linear(8, 3), Softmax(1)));
                var ctor = (MethodBase)trainer.GetType().GetMember(".ctor")[0];
                ctor.Invoke(trainer, new object[] { Sequential(Linear(8, 3)) });
                return trainer.Step(x, y);
            }
        }
        """);
}
