using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// Layers kept in a list and applied by index (<c>steps[0]</c>, then a counted <c>for</c> over the rest), and lists
/// filled by a private helper that only the constructors call.
/// </summary>
public sealed class IndexedLayerFlowTests
{
    /// <summary>A model whose list field its constructor fills through <c>Build()</c>, and whose forward indexes it.</summary>
    private const string IndexedNet = """
        sealed class IndexedNet : Module<Tensor, Tensor>
        {
            private readonly List<Module<Tensor, Tensor>> steps = new();

            public IndexedNet(Device device = null) : base("indexed")
            {
                RegisterComponents();
                if (device is not null)
                {
                    this.to(device);
                }

                Build(4);
            }

            private void Build(int inputs)
            {
                steps.Add(Linear(inputs, 8));
                steps.Add(ReLU());
                steps.Add(Linear(8, 3));
                steps.Add(Softmax(1));
            }

            public override Tensor forward(Tensor x)
            {
                var h = steps[0].forward(x);
                for (var i = 1; i < steps.Count; i++)
                {
                    h = steps[i].forward(h);
                }

                return h;
            }
        }
        """;

    [Fact]
    public Task A_model_applying_its_list_field_by_index_is_followed_through_the_helper_that_fills_it()
    {
        const string source = $$"""
            using System.Collections.Generic;
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            {{IndexedNet}}

            static class Use
            {
                static Tensor Step(IndexedNet net, Tensor x, Tensor y) => CrossEntropyLoss().forward({|#0:net.forward(x)|}, y);

                static void Run() => Step(new IndexedNet(), rand(8, 4), zeros(8, ScalarType.Int64));
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_counted_loop_over_a_local_list_is_followed_to_its_last_layer()
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
                    layers.Add(Sigmoid());
                    var h = x;
                    for (var i = 0; i <= layers.Count - 1; i += 1)
                    {
                        h = layers[i].forward(h);
                    }

                    return {|#0:nn.functional.binary_cross_entropy(h, y)|};
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_fill_helper_that_other_code_calls_again_leaves_the_list_unknown()
    {
        const string source = """
            using System.Collections.Generic;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Rebuilt : Module<Tensor, Tensor>
            {
                private readonly List<Module<Tensor, Tensor>> steps = new();

                public Rebuilt() : base("rebuilt")
                {
                    Build();
                    RegisterComponents();
                }

                public void Reset() => Build();

                private void Build()
                {
                    steps.Add(Linear(4, 3));
                    steps.Add(Softmax(1));
                }

                public override Tensor forward(Tensor x)
                {
                    for (var i = 0; i < steps.Count; i++)
                    {
                        x = steps[i].forward(x);
                    }

                    return x;
                }
            }

            static class Use
            {
                static Tensor Step(Tensor x, Tensor y) => CrossEntropyLoss().forward(new Rebuilt().forward(x), y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Loops_that_stop_before_the_softmax_skip_layers_or_start_anywhere_are_silent()
    {
        const string source = """
            using System.Collections.Generic;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Use
            {
                static Tensor BeforeTheHead(Tensor x, Tensor y)
                {
                    var layers = new List<Module<Tensor, Tensor>>();
                    layers.Add(Linear(10, 4));
                    layers.Add(Softmax(1));
                    for (var i = 0; i < layers.Count - 1; i++)
                    {
                        x = layers[i].forward(x);
                    }

                    return CrossEntropyLoss().forward(x, y);
                }

                static Tensor Skipping(Tensor x, Tensor y)
                {
                    var layers = new List<Module<Tensor, Tensor>>();
                    layers.Add(Linear(10, 4));
                    layers.Add(Softmax(1));
                    layers.Add(Linear(4, 4));
                    for (var i = 0; i < layers.Count; i++)
                    {
                        x = layers[i].forward(x);
                        i++;
                    }

                    return CrossEntropyLoss().forward(x, y);
                }

                static Tensor FromAnywhere(Tensor x, Tensor y, int first)
                {
                    var layers = new List<Module<Tensor, Tensor>>();
                    layers.Add(Linear(10, 4));
                    layers.Add(Softmax(1));
                    layers.Add(Linear(4, 4));
                    for (var i = first; i < 2; i++)
                    {
                        x = layers[i].forward(x);
                    }

                    return CrossEntropyLoss().forward(x, y);
                }

                static Tensor Stopping(Tensor x, Tensor y, Tensor mask)
                {
                    var layers = new List<Module<Tensor, Tensor>>();
                    layers.Add(Linear(10, 4));
                    layers.Add(Softmax(1));
                    for (var i = 0; i < layers.Count; i++)
                    {
                        if (mask.any().item<bool>())
                        {
                            break;
                        }

                        x = layers[i].forward(x);
                    }

                    return CrossEntropyLoss().forward(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_layer_replaced_through_the_indexer_is_forgotten()
    {
        const string source = """
            using System.Collections.Generic;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Use
            {
                static Tensor Replaced(Tensor x, Tensor y)
                {
                    var layers = new List<Module<Tensor, Tensor>>();
                    layers.Add(Linear(10, 4));
                    layers.Add(Softmax(1));
                    layers[1] = Identity();
                    return CrossEntropyLoss().forward(Sequential(layers.ToArray()).forward(x), y);
                }

                static Tensor ReadAfterReplacing(Tensor x, Tensor y)
                {
                    var layers = new List<Module<Tensor, Tensor>>();
                    layers.Add(Linear(10, 4));
                    layers.Add(Softmax(1));
                    layers[1] = Identity();
                    return CrossEntropyLoss().forward(layers[1].forward(layers[0].forward(x)), y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
