using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LossGuard.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LossGuard.Analyzers.Tests.Robustness;

/// <summary>The C# sources the analyzer tests use (embedded in the test files), the gallery's, and generated training code.</summary>
internal static class SourceCorpus
{
    private static readonly Regex Markup = new(@"\{\|#\d+:|\|\}|\[\||\|\]", RegexOptions.Compiled);

    public static IReadOnlyList<string> TestSources()
    {
        var root = RepositoryRootAttribute.Value;
        var files = Directory.GetFiles(Path.Combine(root, "tests", "LossGuard.Analyzers.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file))
            .Order(System.StringComparer.Ordinal);
        var sources = new List<string>();
        foreach (var file in files)
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file));
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                if (token.Kind() is SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.StringLiteralToken
                    && token.ValueText.Contains("class ", System.StringComparison.Ordinal))
                {
                    sources.Add(Markup.Replace(token.ValueText, string.Empty));
                }
            }
        }

        return sources;
    }

    public static IReadOnlyList<string> GallerySources()
    {
        var gallery = Path.Combine(RepositoryRootAttribute.Value, "samples", "LossGuard.Samples.Gallery");
        return Directory.GetFiles(gallery, "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file))
            .Order(System.StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
    }

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", System.StringComparison.Ordinal)
        || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", System.StringComparison.Ordinal);
}
