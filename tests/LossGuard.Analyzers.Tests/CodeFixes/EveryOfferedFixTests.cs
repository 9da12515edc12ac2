using System.Linq;
using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Robustness;
using Xunit;

namespace LossGuard.Analyzers.Tests.CodeFixes;

/// <summary>Every fix offered anywhere in the analyzer tests and the gallery compiles and removes the finding it fixes.</summary>
public sealed class EveryOfferedFixTests
{
    [Fact]
    public async Task Every_offered_fix_in_the_test_and_gallery_sources_compiles_and_removes_its_finding()
    {
        var harness = await AnalyzerHarness.CreateAsync();
        var sources = SourceCorpus.TestSources().Concat(SourceCorpus.GallerySources()).ToList();
        for (var index = 0; index < sources.Count; index++)
        {
            await harness.RunAsync($"source {index}", sources[index], verifyFixes: true);
        }

        var perRule = string.Join(", ", harness.FixesPerRule.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}: {pair.Value}"));
        var fixable = new LossGuard.CodeFixes.LossGuardCodeFixProvider().FixableDiagnosticIds;
        Assert.Equal(Descriptors.All.Select(descriptor => descriptor.Id).Where(id => id != RuleIds.InvalidSetting), fixable);
        var unfixed = fixable.Where(id => !harness.FixesPerRule.ContainsKey(id)).ToList();
        Assert.True(unfixed.Count == 0, $"every rule's fix should have been applied somewhere; none for {string.Join(", ", unfixed)} ({perRule})");
        Assert.True(harness.Failures.IsEmpty, $"{harness.Failures.Count} failures:\n" + string.Join("\n\n", harness.Failures.Take(4)));
    }
}
