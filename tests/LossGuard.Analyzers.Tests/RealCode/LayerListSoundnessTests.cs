using System.Threading.Tasks;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>Lists changed through another reference, a lambda or a deconstruction, counters changed unseen, and fill helpers that may run after construction: the list, loop and construction flow stays silent.</summary>
public sealed class LayerListSoundnessTests
{
    /// <summary>A model's forward that applies its <c>steps</c> one by one, by index.</summary>
    private const string CountedForward = """
        public override Tensor forward(Tensor x)
        {
            for (var i = 0; i < steps.Count; i++)
            {
                x = steps[i].forward(x);
            }

            return x;
        }
        """;

    /// <summary>Applies the <c>layers</c> list by index, then gives the result to a loss that applies softmax itself.</summary>
    private const string CountedLoopIntoLoss = """
        for (var i = 0; i < layers.Count; i++)
        {
            x = layers[i].forward(x);
        }

        return CrossEntropyLoss().forward(x, y);
        """;

    /// <summary>A <c>Use.Step</c> that fills a local <c>layers</c> list with a linear layer and a softmax, then runs <paramref name="statements"/>.</summary>
    private static string Step(string statements, string before = "") => $$"""
        using System;
        using System.Collections.Generic;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        {{before}}

        static class Use
        {
            static Tensor Step(Tensor x, Tensor y)
            {
                var layers = new List<Module<Tensor, Tensor>>();
                layers.Add(Linear(10, 4));
                layers.Add(Softmax(1));
                {{statements}}
            }
        }
        """;

    [Fact]
    public Task Element_replaced_through_a_second_reference_is_forgotten()
    {
        var source = Step("""
            var alias = layers;
            alias[1] = Identity();
            return CrossEntropyLoss().forward(layers[1].forward(layers[0].forward(x)), y);
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Layer_added_through_a_second_reference_changes_the_counted_loop()
    {
        var source = Step($$"""
            var alias = layers;
            alias.Add(Linear(4, 4));
            {{CountedLoopIntoLoss}}
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task List_handed_to_a_constructor_that_trims_it_is_forgotten()
    {
        var source = Step(
            $$"""
            _ = new Trimmer(layers);
            {{CountedLoopIntoLoss}}
            """,
            before: """
            sealed class Trimmer
            {
                public Trimmer(List<Module<Tensor, Tensor>> layers) => layers.RemoveAt(layers.Count - 1);
            }
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task List_trimmed_by_a_lambda_a_library_runs_is_forgotten()
    {
        var source = Step($$"""
            Action trim = () => layers.RemoveAt(1);
            System.Threading.Tasks.Task.Run(trim).Wait();
            {{CountedLoopIntoLoss}}
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Counter_advanced_through_a_ref_local_in_the_body_is_not_unrolled()
    {
        var source = Step("""
            for (var i = 0; i < layers.Count; i++)
            {
                x = layers[i].forward(x);
                ref var skip = ref i;
                skip++;
            }

            return CrossEntropyLoss().forward(x, y);
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Counter_advanced_by_a_lambda_declared_before_the_loop_is_not_unrolled()
    {
        var source = Step("""
            var i = 0;
            Action skip = () => i++;
            for (; i < layers.Count; i++)
            {
                x = layers[i].forward(x);
                skip();
            }

            return CrossEntropyLoss().forward(x, y);
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Fill_helper_a_constructor_lambda_calls_again_later_leaves_the_field_unknown()
    {
        const string source = $$"""
            using System;
            using System.Collections.Generic;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Growing : Module<Tensor, Tensor>
            {
                private readonly List<Module<Tensor, Tensor>> steps = new();
                private readonly Action grow;

                public Growing() : base("growing")
                {
                    Grow(Linear(4, 3));
                    Grow(Softmax(1));
                    grow = () => { Grow(Linear(3, 3)); };
                    RegisterComponents();
                }

                public void Extend() => grow();

                private void Grow(Module<Tensor, Tensor> layer)
                {
                    steps.Add(layer);
                }

                {{CountedForward}}
            }

            static class Use
            {
                static Tensor Step(Tensor x, Tensor y)
                {
                    var net = new Growing();
                    net.Extend();
                    return CrossEntropyLoss().forward(net.forward(x), y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Iterator_fill_helper_called_as_a_statement_fills_nothing()
    {
        const string source = $$"""
            using System.Collections.Generic;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Lazy : Module<Tensor, Tensor>
            {
                private readonly List<Module<Tensor, Tensor>> steps = new();

                public Lazy() : base("lazy")
                {
                    Build();
                    RegisterComponents();
                }

                private IEnumerable<int> Build()
                {
                    steps.Add(Linear(4, 3));
                    steps.Add(Softmax(1));
                    yield return steps.Count;
                }

                {{CountedForward}}
            }

            static class Use
            {
                static Tensor Step(Tensor x, Tensor y) => CrossEntropyLoss().forward(new Lazy().forward(x), y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Elements_swapped_by_a_deconstruction_are_forgotten()
    {
        var source = Step("""
            (layers[0], layers[1]) = (layers[1], layers[0]);
            return CrossEntropyLoss().forward(layers[1].forward(layers[0].forward(x)), y);
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Counter_after_an_unrolled_loop_holds_the_bound_not_the_last_index()
    {
        var source = Step("""
            layers.Add(Linear(4, 4));
            var i = 0;
            for (; i < 2; i++)
            {
                x = layers[i].forward(x);
            }

            x = layers[i].forward(x);
            return CrossEntropyLoss().forward(x, y);
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task List_trimmed_through_an_array_that_holds_it_is_forgotten()
    {
        var source = Step(
            $$"""
            Trim.Last(new[] { layers });
            {{CountedLoopIntoLoss}}
            """,
            before: """
            static class Trim
            {
                public static void Last(List<Module<Tensor, Tensor>>[] all) => all[0].RemoveAt(1);
            }
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Foreach_over_a_list_grown_through_a_second_reference_is_not_unrolled()
    {
        var source = Step("""
            var alias = layers;
            alias.Add(Linear(4, 4));
            foreach (var layer in layers)
            {
                x = layer.forward(x);
            }

            return CrossEntropyLoss().forward(x, y);
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Odd_helpers_and_counted_loops_do_not_crash()
    {
        const string source = """
            using System.Collections.Generic;
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Odd : Module<Tensor, Tensor>
            {
                private readonly List<Module<Tensor, Tensor>> steps = new();
                private readonly ModuleList<Module<Tensor, Tensor>> more = ModuleList<Module<Tensor, Tensor>>();
                private int depth;

                public Odd(int n) : base("odd")
                {
                    Put<Module<Tensor, Tensor>>(Linear(4, 4));
                    Many(Linear(4, 4), ReLU());
                    Recurse(n);
                    Nothing();
                    more.append();
                    RegisterComponents();
                }

                private void Put<T>(T layer) where T : Module<Tensor, Tensor> { steps.Add(layer); }

                private void Many(params Module<Tensor, Tensor>[] layers) { foreach (var l in layers) steps.Add(l); }

                private void Recurse(int n) { depth++; if (n > 0) { Recurse(n - 1); } }

                private void Nothing() => throw new System.InvalidOperationException();

                public override Tensor forward(Tensor x)
                {
                    for (var i = 0; i <= steps.Count; i++)
                    {
                        x = steps[i].forward(x);
                    }

                    for (var i = int.MaxValue - 1; i <= int.MaxValue; i++)
                    {
                        x = steps[i].forward(x);
                    }

                    for (var i = -3; i < more.Count; i++)
                    {
                        x = more[i].forward(x);
                    }

                    return x;
                }
            }

            static class Use
            {
                static Tensor Step(Tensor x, Tensor y) => CrossEntropyLoss().forward(new Odd(2).forward(x), y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Bound_that_reads_the_counter_is_evaluated_with_the_counter_of_the_run_before()
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
                    layers.Add(Linear(10, 4));
                    layers.Add(Linear(4, 4));
                    layers.Add(Softmax(1));
                    layers.Add(Linear(4, 4));
                    for (var i = 0; i < layers.Count - i; i++)
                    {
                        x = layers[i].forward(x);
                    }

                    return CrossEntropyLoss().forward(x, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Fill_helper_called_conditionally_or_in_a_loop_leaves_the_field_unknown()
    {
        const string source = $$"""
            using System.Collections.Generic;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Maybe : Module<Tensor, Tensor>
            {
                private readonly List<Module<Tensor, Tensor>> steps = new();

                public Maybe(int n) : base("maybe")
                {
                    steps.Add(Linear(4, 3));
                    if (n > 1)
                    {
                        Head();
                    }

                    for (var k = 0; k < n; k++)
                    {
                        Tail();
                    }

                    RegisterComponents();
                }

                private void Head() { steps.Add(Softmax(1)); }

                private void Tail() { steps.Add(Linear(3, 3)); }

                {{CountedForward}}
            }

            static class Use
            {
                static Tensor Step(Tensor x, Tensor y) => CrossEntropyLoss().forward(new Maybe(0).forward(x), y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
