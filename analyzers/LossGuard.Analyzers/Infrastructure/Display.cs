using System.Globalization;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Infrastructure;

/// <summary>How symbols, places and domains are named in diagnostic messages.</summary>
internal static class Display
{
    public static string Line(SyntaxNode node) =>
        (node.SyntaxTree.GetText().Lines.GetLinePosition(node.SpanStart).Line + 1).ToString(CultureInfo.InvariantCulture);

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
        _ => "values of unknown meaning",
    };
}
