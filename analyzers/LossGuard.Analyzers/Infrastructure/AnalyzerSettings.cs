using System.Globalization;
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
        options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(MaxCallDepthKey, out var text)
        && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var depth)
        && depth <= MaxCallDepthCeiling
            ? depth
            : EngineBudget.DefaultMaxCallDepth;
}
