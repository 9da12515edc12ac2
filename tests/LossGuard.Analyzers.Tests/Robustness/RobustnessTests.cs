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
        // Found by the mutation test: a stray brace after Train in the MNIST regression sample closes the class early,
        // so Test becomes a top-level local function that Main still calls (Main is read for what it passes to Train).
        var sample = SourceCorpus.TestSources().First(source => source.Contains("sealed class MnistModel", StringComparison.Ordinal) && source.Contains("optimizer.step();", StringComparison.Ordinal));
        var broken = sample.Replace("optimizer.step();\n    }", "optimizer.step();\n    } }", StringComparison.Ordinal);
        Assert.NotEqual(sample, broken);
        var harness = await AnalyzerHarness.CreateAsync();
        await harness.RunAsync("local function of another body", broken);
        Assert.Empty(harness.Failures);
    }
}
