using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// A model of the compilation made where the engine sees it, with known constructor arguments (delegates, layers, a
/// <c>params</c> array written out in the call), runs its <c>forward</c> over the fields that constructor made from
/// those arguments; disagreeing creations, unknown arguments and arrays that may change stay silent.
/// </summary>
public sealed class ConstructedModuleFlowTests
{
    private const string Models = """
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        public delegate Tensor Step(Tensor input);

        public sealed class Chain : Module<Tensor, Tensor>
        {
            private readonly Step[] steps;
            public Chain(params Step[] steps) : base("Chain") { this.steps = steps; }
            public override Tensor forward(Tensor x) { foreach (var s in steps) x = s(x); return x; }
        }

        public sealed class ModChain : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor>[] layers;
            public ModChain(params Module<Tensor, Tensor>[] layers) : base("ModChain") { this.layers = layers; RegisterComponents(); }
            public override Tensor forward(Tensor x) { foreach (var l in layers) x = l.forward(x); return x; }
        }

        public sealed class OneFn : Module<Tensor, Tensor>
        {
            private readonly System.Func<Tensor, Tensor> fn;
            public OneFn(System.Func<Tensor, Tensor> fn) : base("OneFn") { this.fn = fn; }
            public override Tensor forward(Tensor x) => fn(x);
        }

        """;

    [Fact]
    public Task A_chain_of_lambdas_made_here_runs_the_lambdas_it_was_given()
    {
        const string source = Models + """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var head = Linear(16, 4);
                    var model = new Chain(v => head.forward(v), v => functional.softmax(v, dim: 1));
                    return NLLLoss().forward({|#0:model.forward(x)|}, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.WrongDomainForLoss));
    }

    [Fact]
    public Task A_chain_of_lambdas_set_in_an_init_method_and_moved_to_a_device_runs_the_lambdas_it_was_given()
    {
        const string source = Models + """
            public sealed class Trainer
            {
                private Module<Tensor, Tensor> model;
                private Loss<Tensor, Tensor, Tensor> criterion;
                public void Init(Device device)
                {
                    var head = Linear(16, 4);
                    model = new Chain(x => head.forward(x), x => functional.softmax(x, dim: 1)).to(device);
                    criterion = NLLLoss().to(device);
                }
                public Tensor Batch(Tensor x, Tensor y) => criterion.forward({|#0:model.forward(x)|}, y);
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.WrongDomainForLoss));
    }

    [Fact]
    public Task A_chain_of_layers_made_here_applies_the_layers_it_was_given()
    {
        const string source = Models + """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var model = new ModChain(Linear(16, 4), Softmax(1));
                    return NLLLoss().forward({|#0:model.forward(x)|}, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.WrongDomainForLoss));
    }

    [Fact]
    public Task A_module_holding_one_delegate_from_its_constructor_runs_the_delegate_it_was_given()
    {
        const string source = Models + """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var head = Linear(16, 4);
                    var model = new OneFn(v => functional.softmax(head.forward(v), dim: 1));
                    return NLLLoss().forward({|#0:model.forward(x)|}, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.WrongDomainForLoss));
    }

    [Fact]
    public Task The_same_class_made_with_a_softmax_and_with_an_identity_into_one_field_is_silent()
    {
        const string source = Models + """
            public sealed class Trainer
            {
                private Module<Tensor, Tensor> model;
                public Trainer(bool probabilities)
                {
                    if (probabilities)
                    {
                        model = new OneFn(v => functional.softmax(v, dim: 1));
                    }
                    else
                    {
                        model = new OneFn(v => v);
                    }
                }
                public Tensor Batch(Tensor x, Tensor y) => NLLLoss().forward(model.forward(x), y);
            }

            public sealed class Switched
            {
                private Module<Tensor, Tensor> model = new OneFn(v => functional.softmax(v, dim: 1));
                public void Reset() => model = new OneFn(v => v);
                public Tensor Batch(Tensor x, Tensor y) => NLLLoss().forward(model.forward(x), y);
            }

            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y, bool probabilities)
                {
                    var model = probabilities ? new OneFn(v => functional.softmax(v, dim: 1)) : new OneFn(v => v);
                    return NLLLoss().forward(model.forward(x), y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_model_made_with_unknown_arguments_is_silent()
    {
        const string source = Models + """
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y, System.Func<Tensor, Tensor> head, Step[] steps, Module<Tensor, Tensor>[] layers)
                {
                    var a = new OneFn(head);
                    var b = new Chain(steps);
                    var c = new ModChain(layers);
                    return NLLLoss().forward(a.forward(x), y) + NLLLoss().forward(b.forward(x), y) + NLLLoss().forward(c.forward(x), y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task An_array_the_caller_keeps_or_the_class_changes_is_silent()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            public sealed class ModChain : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor>[] layers;
                public ModChain(params Module<Tensor, Tensor>[] layers) : base("ModChain") { this.layers = layers; }
                public override Tensor forward(Tensor x) { foreach (var l in layers) x = l.forward(x); return x; }
            }

            public sealed class Swappable : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor>[] layers;
                public Swappable(params Module<Tensor, Tensor>[] layers) : base("Swappable") { this.layers = layers; }
                public void Swap(Module<Tensor, Tensor> last) => layers[1] = last;
                public override Tensor forward(Tensor x) { foreach (var l in layers) x = l.forward(x); return x; }
            }

            public static class Local
            {
                public static Tensor Kept(Tensor x, Tensor y)
                {
                    var layers = new Module<Tensor, Tensor>[] { Linear(16, 4), Softmax(1) };
                    var model = new ModChain(layers);
                    layers[1] = LogSoftmax(1);
                    return NLLLoss().forward(model.forward(x), y);
                }

                public static Tensor Changed(Tensor x, Tensor y)
                {
                    var model = new Swappable(Linear(16, 4), Softmax(1));
                    model.Swap(LogSoftmax(1));
                    return NLLLoss().forward(model.forward(x), y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
