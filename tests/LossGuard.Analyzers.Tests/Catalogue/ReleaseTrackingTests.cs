using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;

namespace LossGuard.Analyzers.Tests.Catalogue;

/// <summary>AnalyzerReleases.Shipped.md / Unshipped.md against the catalogue and the version the packages carry.</summary>
public sealed class ReleaseTrackingTests
{
    private static readonly string[] ShippedIn010 = Enumerable.Range(1, 10).Select(i => $"LG{i:D4}").ToArray();

    [Fact]
    public void Release_0_1_0_shipped_LG0001_to_LG0010_and_LG0011_and_LG0900_are_new()
    {
        var shipped = Rows("AnalyzerReleases.Shipped.md");
        var unshipped = Rows("AnalyzerReleases.Unshipped.md");

        Assert.Equal(ShippedIn010, shipped.Where(r => r.Section == "Release 0.1.0 / New Rules").Select(r => r.Id));
        Assert.Equal(new[] { "LG0011", "LG0900" }, unshipped.Where(r => r.Section == "New Rules").Select(r => r.Id));
    }

    [Fact]
    public void The_shipped_releases_are_not_newer_than_the_packages()
    {
        string props = File.ReadAllText(Path.Combine(RepositoryRootAttribute.Value, "Directory.Build.props"));
        var packageVersion = Version.Parse(Regex.Match(props, "<VersionPrefix>(.+?)</VersionPrefix>").Groups[1].Value);
        var releases = Regex.Matches(Read("AnalyzerReleases.Shipped.md"), @"^## Release (\S+)\s*$", RegexOptions.Multiline)
            .Select(m => Version.Parse(m.Groups[1].Value)).ToArray();

        Assert.Equal(new[] { new Version(0, 1, 0) }, releases);
        Assert.All(releases, r => Assert.True(r <= packageVersion, $"release {r} is newer than the packages' {packageVersion}"));
    }

    [Fact]
    public void Every_rule_is_added_once_with_its_category_severity_and_title()
    {
        var added = Rows("AnalyzerReleases.Shipped.md").Concat(Rows("AnalyzerReleases.Unshipped.md"))
            .Where(r => r.Section.EndsWith("New Rules", StringComparison.Ordinal)).ToList();

        Assert.Equal(Descriptors.All.Select(d => d.Id).OrderBy(id => id), added.Select(r => r.Id).OrderBy(id => id));
        Assert.All(Descriptors.All, d => Assert.Equal(
            $"{d.Id} | {d.Category} | {d.DefaultSeverity} | {d.Title}",
            added.Single(r => r.Id == d.Id).Line));
    }

    private static string Read(string name) =>
        File.ReadAllText(Path.Combine(RepositoryRootAttribute.Value, "analyzers", "LossGuard.Analyzers", name));

    /// <summary>The rule rows of a release-tracking file, each with its section ("Release 0.1.0 / New Rules").</summary>
    private static List<(string Section, string Id, string Line)> Rows(string name)
    {
        var rows = new List<(string, string, string)>();
        string release = "", table = "";
        foreach (string line in Read(name).Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                release = line.Substring(3) + " / ";
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                table = line.Substring(4);
            }
            else if (line.StartsWith("LG", StringComparison.Ordinal))
            {
                rows.Add((release + table, line.Substring(0, line.IndexOf(' ', StringComparison.Ordinal)), line));
            }
        }

        return rows;
    }
}
