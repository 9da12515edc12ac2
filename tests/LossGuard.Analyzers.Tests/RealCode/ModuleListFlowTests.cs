using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>TorchSharp's <c>ModuleList</c> holds layers like a <c>List</c>: made with its layers, or filled with <c>Add</c> and <c>append</c>.</summary>
public sealed class ModuleListFlowTests
{
    [Fact]
    public Task Layers_of_a_module_list_field_are_followed_in_order()
    {
        const string source = """
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Made : Module<Tensor, Tensor>
            {
                private readonly ModuleList<Module<Tensor, Tensor>> layers = ModuleList<Module<Tensor, Tensor>>(Linear(4, 3), Softmax(1));

                public Made() : base("made") => RegisterComponents();

                public override Tensor forward(Tensor x)
                {
                    foreach (var layer in layers)
                    {
                        x = layer.forward(x);
                    }

                    return x;
                }
            }

            sealed class Appended : Module<Tensor, Tensor>
            {
                private readonly ModuleList<Module<Tensor, Tensor>> layers = new();

                public Appended() : base("appended")
                {
                    layers.append(Linear(4, 8), ReLU());
                    layers.Add(Linear(8, 1));
                    layers.Add(Sigmoid());
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x)
                {
                    for (var i = 0; i < layers.Count; i++)
                    {
                        x = layers[i].forward(x);
                    }

                    return x;
                }
            }

            static class Use
            {
                static Tensor First(Tensor x, Tensor y) => CrossEntropyLoss().forward({|#0:new Made().forward(x)|}, y);

                static Tensor Second(Tensor x, Tensor y) => {|#1:BCELoss().forward(new Appended().forward(x), y)|};
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss, 0), Finding.At(Descriptors.UnstableComposition, 1));
    }

    [Fact]
    public Task Module_lists_changed_elsewhere_or_filled_from_an_array_are_silent()
    {
        const string source = """
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Extended : Module<Tensor, Tensor>
            {
                private readonly ModuleList<Module<Tensor, Tensor>> layers = ModuleList<Module<Tensor, Tensor>>(Linear(4, 3), Softmax(1));

                public Extended() : base("extended") => RegisterComponents();

                public void Serve() => layers.Insert(1, Linear(3, 3));

                public override Tensor forward(Tensor x)
                {
                    foreach (var layer in layers)
                    {
                        x = layer.forward(x);
                    }

                    return x;
                }
            }

            static class Use
            {
                static Tensor Extended(Tensor x, Tensor y) => CrossEntropyLoss().forward(new Extended().forward(x), y);

                static Tensor FromArray(Tensor x, Tensor y)
                {
                    var given = new Module<Tensor, Tensor>[] { Linear(4, 3), Softmax(1) };
                    given[1] = Identity();
                    var layers = ModuleList(given);
                    foreach (var layer in layers)
                    {
                        x = layer.forward(x);
                    }

                    return CrossEntropyLoss().forward(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_module_list_field_filled_by_a_helper_only_the_constructor_calls_is_followed_where_the_class_applies_itself()
    {
        const string source = """
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Net : Module<Tensor, Tensor>
            {
                private readonly ModuleList<Module<Tensor, Tensor>> layers = new();

                public Net() : base("net")
                {
                    Build();
                    RegisterComponents();
                }

                private void Build()
                {
                    layers.append(Linear(4, 3));
                    layers.append(Softmax(1));
                }

                public override Tensor forward(Tensor x)
                {
                    foreach (var layer in layers)
                    {
                        x = layer.forward(x);
                    }

                    return x;
                }

                public Tensor LogProbabilities(Tensor x) => {|#0:log(forward(x))|};
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }
}
