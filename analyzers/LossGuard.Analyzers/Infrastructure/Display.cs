using System.Globalization;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Infrastructure;

/// <summary>How symbols and places are named in diagnostic messages.</summary>
internal static class Display
{
    public static string Method(IMethodSymbol method) => method.ContainingType.Name + "." + method.Name;

    public static string Line(SyntaxNode node) =>
        (node.GetLocation().GetLineSpan().StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
}
