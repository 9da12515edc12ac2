using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace LossGuard.Analyzers.Tests.Robustness;

/// <summary>Broken code is the normal state of code being written: no analyzer or fix may throw on it.</summary>
public sealed class RobustnessTests
{
    private const int Seeds = 3;

    [Fact]
    public async Task Every_test_and_gallery_source_mutated_across_fixed_seeds_is_analysed_and_fixed_without_an_exception()
    {
        var harness = await AnalyzerHarness.CreateAsync();
        var sources = SourceCorpus.TestSources().Concat(SourceCorpus.GallerySources()).Concat(TrainingCodeGenerator.Files(40, seed: 7)).ToList();
        var runs = 0;
        var findings = 0;
        for (var index = 0; index < sources.Count; index++)
        {
            findings += (await harness.RunAsync($"source {index}", sources[index])).Length;
            runs++;
            for (var seed = 0; seed < Seeds; seed++)
            {
                var random = new Random((index * 7919) + seed);
                var kind = random.Next(Mutator.Kinds);
                var mutated = Mutator.Mutate(sources[index], kind, random);
                await harness.RunAsync($"source {index}, seed {seed}, mutation {kind}", mutated);
                runs++;
            }
        }

        Assert.True(sources.Count > 150, $"the corpus should hold the test, gallery and generated sources; it has {sources.Count}");
        Assert.True(findings > 100, $"the unmutated corpus should produce findings; it produced {findings}");
        Assert.True(harness.FixesApplied > 10, $"fixes should have been exercised; {harness.FixesApplied} were");
        Assert.True(harness.Failures.IsEmpty, $"{harness.Failures.Count} failures in {runs} runs:\n" + string.Join("\n", harness.Failures.Take(5)));
    }

    [Fact]
    public async Task A_call_to_a_local_function_of_another_body_is_analysed_without_an_exception()
    {
        // A stray brace closes the class early: Test becomes a top-level local function, which Main still calls (Main is
        // read for the arguments it passes to Train). Found by the mutation test.
        const string source = """
            using System;
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class MnistModel : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> conv1 = Conv2d(1, 32, 3);
                private readonly Module<Tensor, Tensor> fc1 = Linear(9216, 128);
                private readonly Module<Tensor, Tensor> fc2 = Linear(128, 10);
                private readonly Module<Tensor, Tensor> logsm = LogSoftmax(1);
                private readonly Module<Tensor, Tensor> flatten = Flatten();

                public MnistModel(string name) : base(name) => RegisterComponents();

                public override Tensor forward(Tensor input)
                {
                    var x = functional.relu(conv1.forward(input));
                    x = flatten.forward(x);
                    x = functional.relu(fc1.forward(x));
                    return logsm.forward(fc2.forward(x));
                }
            }

            static class Program
            {
                static void Main()
                {
                    var model = new MnistModel("model");
                    var optimizer = optim.Adam(model.parameters());
                    var loss = NLLLoss(reduction: Reduction.Mean);
                    for (var epoch = 1; epoch <= 4; epoch++)
                    {
                        Train(model, optimizer, loss, torch.randn(64, 1, 28, 28), torch.zeros(64, ScalarType.Int64));
                        Test(model, loss, torch.randn(64, 1, 28, 28), torch.zeros(64, ScalarType.Int64));
                    }
                }

                static void Train(MnistModel model, optim.Optimizer optimizer, Loss<Tensor, Tensor, Tensor> loss, Tensor data, Tensor target)
                {
                    model.train();
                    optimizer.zero_grad();
                    var prediction = model.call(data);
                    var output = loss.call(prediction, target);
                    output.backward();
                    optimizer.step();
                } }

                static void Test(MnistModel model, Loss<Tensor, Tensor, Tensor> loss, Tensor data, Tensor target)
                {
                    model.eval();
                    using var noGrad = torch.no_grad();
                    var prediction = model.call(data);
                    var testLoss = loss.call(prediction, target).ToSingle();
                    var correct = prediction.argmax(1).eq(target).sum().ToInt64();
                    Console.WriteLine($"loss {testLoss}, correct {correct}");
                }
            }
            """;
        var harness = await AnalyzerHarness.CreateAsync();
        await harness.RunAsync("local function of another body", source);
        Assert.Empty(harness.Failures);
    }
}
