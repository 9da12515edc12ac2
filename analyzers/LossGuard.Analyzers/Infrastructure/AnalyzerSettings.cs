using System.Globalization;
using System.Linq;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LossGuard.Analyzers.Infrastructure;

/// <summary>LossGuard's <c>.editorconfig</c> keys.</summary>
internal static class AnalyzerSettings
{
    public const string MaxCallDepthKey = "lossguard.max_call_depth";
    public const int MaxCallDepthCeiling = 8;

    /// <summary>How many calls deep summaries follow (0: none); the default when the key is absent or not a number in 0..8.</summary>
    public static int MaxCallDepth(AnalyzerOptions options, SyntaxTree tree) =>
        options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(MaxCallDepthKey, out var text) && ParseMaxCallDepth(text) is { } depth
            ? depth
            : EngineBudget.DefaultMaxCallDepth;

    /// <summary>LG0900 for the first value of the key LossGuard cannot use, in the global options or any file's; <c>null</c> when all are valid.</summary>
    public static Diagnostic? InvalidSetting(Compilation compilation, AnalyzerOptions options)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        var invalid = new[] { provider.GlobalOptions }.Concat(compilation.SyntaxTrees.Select(provider.GetOptions))
            .Select(set => set.TryGetValue(MaxCallDepthKey, out var text) ? text : null)
            .FirstOrDefault(text => text is not null && ParseMaxCallDepth(text) is null);
        return invalid is null
            ? null
            : Diagnostic.Create(
                Descriptors.InvalidSetting,
                Location.None,
                invalid.Trim(),
                MaxCallDepthKey,
                "a whole number from 0 to " + MaxCallDepthCeiling.ToString(CultureInfo.InvariantCulture),
                EngineBudget.DefaultMaxCallDepth.ToString(CultureInfo.InvariantCulture));
    }

    private static int? ParseMaxCallDepth(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var depth) && depth <= MaxCallDepthCeiling ? depth : null;
}
