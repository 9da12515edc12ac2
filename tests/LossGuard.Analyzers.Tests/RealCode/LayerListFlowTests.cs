using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>Layers collected in a list (<c>Add</c>, a collection initializer) and given to <c>Sequential</c> as an array keep their order and meaning.</summary>
public sealed class LayerListFlowTests
{
    /// <summary>A model's forward that applies its <c>steps</c> list in order.</summary>
    private const string ForwardThroughSteps = """
        public override Tensor forward(Tensor x)
        {
            foreach (var step in steps)
            {
                x = step.forward(x);
            }

            return x;
        }
        """;

    [Fact]
    public Task A_sequential_made_from_a_list_filled_by_a_factory_is_followed_into_the_loss()
    {
        const string source = """
            using System.Collections.Generic;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Trainer
            {
                private Module<Tensor, Tensor> model;
                private readonly TorchSharp.Modules.BCELoss loss = BCELoss();

                private static Module<Tensor, Tensor> Make(int inputs, int outputs)
                {
                    var layers = new List<Module<Tensor, Tensor>>();
                    layers.Add(Linear(inputs, 16));
                    layers.Add(ReLU());
                    layers.Add(Linear(16, outputs));
                    layers.Add(Sigmoid());
                    return Sequential(layers.ToArray());
                }

                public void Init() => model = Make(10, 4);

                public Tensor Step(Tensor x, Tensor y) => {|#0:loss.forward(model.forward(x), y)|};
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_sequential_made_from_a_list_initializer_is_followed()
    {
        const string source = """
            using System.Collections.Generic;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Use
            {
                static Tensor Step(Tensor x, Tensor y)
                {
                    var list = new List<Module<Tensor, Tensor>> { Linear(10, 4), Softmax(1) };
                    var model = Sequential(list.ToArray());
                    return CrossEntropyLoss().forward({|#0:model.forward(x)|}, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_list_whose_last_layer_is_added_conditionally_is_silent()
    {
        const string source = """
            using System.Collections.Generic;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Use
            {
                static Tensor Step(Tensor x, Tensor y, bool serving)
                {
                    var list = new List<Module<Tensor, Tensor>> { Linear(10, 4) };
                    if (serving)
                    {
                        list.Add(Softmax(1));
                    }

                    var model = Sequential(list.ToArray());
                    return CrossEntropyLoss().forward(model.forward(x), y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Layers_applied_by_a_foreach_over_a_local_list_are_followed_in_order()
    {
        const string source = """
            using System.Collections.Generic;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Use
            {
                static Tensor Step(Tensor x, Tensor y)
                {
                    var layers = new List<Module<Tensor, Tensor>>();
                    layers.Add(Linear(10, 16));
                    layers.Add(ReLU());
                    layers.Add(Linear(16, 4));
                    layers.Add(Softmax(1));
                    var h = x;
                    foreach (var layer in layers)
                    {
                        h = layer.forward(h);
                    }

                    return CrossEntropyLoss().forward({|#0:h|}, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_model_whose_forward_applies_its_list_field_in_a_foreach_is_followed()
    {
        const string source = """
            using System.Collections.Generic;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class ListNet : Module<Tensor, Tensor>
            {
                private readonly List<Module<Tensor, Tensor>> steps = new();

                public ListNet() : base("list")
                {
                    steps.Add(Linear(4, 3));
                    steps.Add(Softmax(1));
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x)
                {
                    foreach (var step in steps)
                    {
                        x = step.forward(x);
                    }

                    return x;
                }
            }

            static class Use
            {
                static Tensor Step(Tensor x, Tensor y) => CrossEntropyLoss().forward({|#0:new ListNet().forward(x)|}, y);
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_list_field_that_another_method_changes_and_a_loop_that_may_stop_early_are_silent()
    {
        const string source = """
            using System.Collections.Generic;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class ListNet : Module<Tensor, Tensor>
            {
                private readonly List<Module<Tensor, Tensor>> steps = new();

                public ListNet() : base("list")
                {
                    steps.Add(Linear(4, 3));
                    steps.Add(Softmax(1));
                    RegisterComponents();
                }

                public void Serve(Module<Tensor, Tensor> head) => steps[steps.Count - 1] = head;

                public override Tensor forward(Tensor x)
                {
                    foreach (var step in steps)
                    {
                        x = step.forward(x);
                    }

                    return x;
                }
            }

            static class Use
            {
                static Tensor Step(Tensor x, Tensor y) => CrossEntropyLoss().forward(new ListNet().forward(x), y);

                static Tensor Early(Tensor x, Tensor y, int depth)
                {
                    var layers = new List<Module<Tensor, Tensor>> { Linear(10, 4), Softmax(1) };
                    var h = x;
                    var applied = 0;
                    foreach (var layer in layers)
                    {
                        if (applied++ == depth)
                        {
                            break;
                        }

                        h = layer.forward(h);
                    }

                    return CrossEntropyLoss().forward(h, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Arrays_and_struct_enumerators_are_not_followed_element_by_element()
    {
        const string source = """
            using System.Collections.Generic;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            readonly struct Head
            {
                private readonly Module<Tensor, Tensor> body;
                private readonly Module<Tensor, Tensor> serving;

                public Head(Module<Tensor, Tensor> body, Module<Tensor, Tensor> serving)
                {
                    this.body = body;
                    this.serving = serving;
                }

                public IEnumerator<Module<Tensor, Tensor>> GetEnumerator()
                {
                    yield return body;
                }
            }

            static class Use
            {
                static Tensor Written(Tensor x, Tensor y)
                {
                    var layers = new Module<Tensor, Tensor>[] { Linear(10, 4), Softmax(1) };
                    layers[1] = Linear(4, 4);
                    var h = x;
                    foreach (var layer in layers)
                    {
                        h = layer.forward(h);
                    }

                    return CrossEntropyLoss().forward(h, y);
                }

                static Tensor Enumerated(Tensor x, Tensor y)
                {
                    var head = new Head(Linear(10, 4), Softmax(1));
                    var h = x;
                    foreach (var layer in head)
                    {
                        h = layer.forward(h);
                    }

                    return CrossEntropyLoss().forward(h, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task List_fields_that_code_outside_the_constructors_may_change_are_silent()
    {
        const string source = $$"""
            using System.Collections.Generic;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Grower
            {
                private readonly List<Module<Tensor, Tensor>> list;

                public Grower(List<Module<Tensor, Tensor>> list) => this.list = list;

                public void Grow() => list.Add(Linear(3, 3));
            }

            sealed class PublicList : Module<Tensor, Tensor>
            {
                public readonly List<Module<Tensor, Tensor>> steps = new();

                public PublicList() : base("public")
                {
                    steps.Add(Linear(4, 3));
                    steps.Add(Softmax(1));
                    RegisterComponents();
                }

                {{ForwardThroughSteps}}
            }

            class ProtectedList : Module<Tensor, Tensor>
            {
                protected readonly List<Module<Tensor, Tensor>> steps = new();

                public ProtectedList() : base("protected")
                {
                    steps.Add(Linear(4, 3));
                    steps.Add(Softmax(1));
                    RegisterComponents();
                }

                {{ForwardThroughSteps}}
            }

            sealed class Raw : ProtectedList
            {
                public Raw() => steps.Add(Linear(3, 3));
            }

            sealed class HandedOn : Module<Tensor, Tensor>
            {
                private readonly List<Module<Tensor, Tensor>> steps = new();
                private readonly Grower grower;

                public HandedOn() : base("handed")
                {
                    steps.Add(Linear(4, 3));
                    steps.Add(Softmax(1));
                    grower = new Grower(steps);
                    RegisterComponents();
                }

                public void Serve() => grower.Grow();

                {{ForwardThroughSteps}}
            }

            static class Use
            {
                static Tensor Public(Tensor x, Tensor y)
                {
                    var net = new PublicList();
                    net.steps.Add(Linear(3, 3));
                    return CrossEntropyLoss().forward(net.forward(x), y);
                }

                static Tensor Protected(Tensor x, Tensor y) => CrossEntropyLoss().forward(new ProtectedList().forward(x), y);

                static Tensor Handed(Tensor x, Tensor y)
                {
                    var net = new HandedOn();
                    net.Serve();
                    return CrossEntropyLoss().forward(net.forward(x), y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
