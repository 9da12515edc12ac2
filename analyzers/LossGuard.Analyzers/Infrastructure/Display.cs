using System.Globalization;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Infrastructure;

/// <summary>How symbols, places and domains are named in diagnostic messages.</summary>
internal static class Display
{
    private static readonly char[] Whitespace = { ' ', '\t', '\r', '\n' };

    public static string Line(SyntaxNode node) =>
        (node.SyntaxTree.GetText().Lines.GetLinePosition(node.SpanStart).Line + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The line of <paramref name="node"/>, and its file when that is not the file the finding is reported in (<c>24 of Model.cs</c>).</summary>
    public static string Line(SyntaxNode node, Location reportedAt) =>
        reportedAt.SourceTree is { } tree && tree != node.SyntaxTree && System.IO.Path.GetFileName(node.SyntaxTree.FilePath) is { Length: > 0 } file
            ? Line(node) + " of " + file
            : Line(node);

    /// <summary>
    /// An argument as the user wrote it, on one line and cut short when long: messages name it rather than the
    /// parameter it binds to, which may be named like another of the user's variables.
    /// </summary>
    public static string Argument(SyntaxNode argument)
    {
        const int Longest = 60;
        var text = string.Join(" ", argument.ToString().Split(Whitespace, System.StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= Longest ? text : text.Substring(0, Longest - 3) + "...";
    }

    public static string Domain(ValueDomain domain) => domain switch
    {
        ValueDomain.Logits => "raw logits",
        ValueDomain.Probabilities => "probabilities",
        ValueDomain.IndependentProbabilities => "sigmoid probabilities",
        ValueDomain.LogProbabilities => "log-probabilities",
        ValueDomain.ClassIndices => "class indices",
        ValueDomain.OneHotLabels => "one-hot labels",
        ValueDomain.MaxSubtracted => "max-subtracted values",
        ValueDomain.UnitVectors => "L2-normalised vectors",
        ValueDomain.Cosines => "cosine similarities",
        ValueDomain.Rates => "positive rates",
        ValueDomain.LogRates => "log-rates (a raw output)",
        _ => "values of unknown meaning",
    };
}
