using System.IO;
using System.Linq;
using System.Reflection;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LossGuard.Analyzers.Tests.Catalogue;

public sealed class DescriptorTests
{
    [Fact]
    public void The_catalogue_holds_LG0001_to_LG0011_once_each_enabled()
    {
        var ids = Descriptors.All.Select(d => d.Id).ToArray();

        Assert.Equal(Enumerable.Range(1, 11).Select(i => $"LG{i:D4}"), ids);
        Assert.All(Descriptors.All, d => Assert.True(d.IsEnabledByDefault));
    }

    [Fact]
    public void Certain_bugs_are_warnings_and_numerically_risky_patterns_suggestions()
    {
        Assert.All(Descriptors.All, d => Assert.Equal(
            d.Id is RuleIds.UnstableComposition or RuleIds.UnstableTensorPrimitivesSoftMax ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning,
            d.DefaultSeverity));
    }

    [Fact]
    public void The_README_and_every_rule_page_state_the_default_severity()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRootAttribute.Value, "README.md"));
        foreach (var (severity, label) in new[] { (DiagnosticSeverity.Warning, "Warning"), (DiagnosticSeverity.Info, "Info (suggestion)") })
        {
            string ids = string.Join(", ", Descriptors.All.Where(d => d.DefaultSeverity == severity).Select(d => d.Id));
            Assert.Contains($"| {label} | {ids} |", readme);
        }

        Assert.All(Descriptors.All, d =>
        {
            string page = File.ReadAllText(Path.Combine(RepositoryRootAttribute.Value, "docs", "rules", d.Id + ".md"));
            Assert.Matches($@"\| Severity \| {d.DefaultSeverity}( \(.*\))? \|", page);
        });
    }

    [Fact]
    public void Categories_follow_the_rule_contract()
    {
        Assert.All(Descriptors.All, d => Assert.Equal(
            d.Id is RuleIds.UnrecognisedKerasLossName or RuleIds.UnstableTensorPrimitivesSoftMax ? "Reliability" : "Usage",
            d.Category));
    }

    [Fact]
    public void The_help_link_base_is_the_one_the_build_set()
    {
        string fromBuild = typeof(DescriptorTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "LossGuardHelpLinkBase").Value!;

        Assert.All(Descriptors.All, d => Assert.Equal(fromBuild + d.Id + ".md", d.HelpLinkUri));
        Assert.StartsWith("https://", fromBuild);
        Assert.EndsWith("/docs/rules/", fromBuild);
    }

    [Fact]
    public void Every_help_link_names_an_existing_rule_page()
    {
        Assert.All(Descriptors.All, d =>
        {
            Assert.StartsWith(Descriptors.HelpLinkBase, d.HelpLinkUri);
            string relative = d.HelpLinkUri.Substring(Descriptors.HelpLinkBase.Length);
            Assert.Equal(d.Id + ".md", relative);
            Assert.True(File.Exists(Path.Combine(RepositoryRootAttribute.Value, "docs", "rules", relative)), d.HelpLinkUri);
        });
    }
}
