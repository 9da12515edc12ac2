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
    public void The_catalogue_holds_LG0001_to_LG0011_and_LG0900_once_each_as_warnings()
    {
        var ids = Descriptors.All.Select(d => d.Id).ToArray();

        Assert.Equal(Enumerable.Range(1, 11).Select(i => $"LG{i:D4}").Append("LG0900"), ids);
        Assert.All(Descriptors.All, d => Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity));
        Assert.All(Descriptors.All, d => Assert.True(d.IsEnabledByDefault));
    }

    [Fact]
    public void Categories_follow_the_rule_contract()
    {
        Assert.All(Descriptors.All, d => Assert.Equal(
            d.Id switch
            {
                RuleIds.UnrecognisedKerasLossName or RuleIds.UnstableTensorPrimitivesSoftMax => "Reliability",
                RuleIds.InvalidSetting => "Configuration",
                _ => "Usage",
            },
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
