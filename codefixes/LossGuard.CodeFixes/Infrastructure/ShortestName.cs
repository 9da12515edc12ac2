using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>
/// The shortest spelling of a fully qualified expression that means the same at a position: the file's usings
/// (<c>using static Tensorflow.KerasApi</c> makes <c>keras.optimizers.Adam()</c>) decide how much of the qualification stays.
/// </summary>
internal static class ShortestName
{
    private const string Global = "global::";

    public static ExpressionSyntax At(string qualified, int position, SemanticModel model)
    {
        var full = SyntaxFactory.ParseExpression(qualified);
        var meaning = Bind(full, position, model);
        if (meaning is null || !qualified.StartsWith(Global, System.StringComparison.Ordinal))
        {
            return full;
        }

        var segments = qualified.Substring(Global.Length).Split('.');
        for (int skip = segments.Length - 1; skip >= 0; skip--)
        {
            var candidate = SyntaxFactory.ParseExpression(string.Join(".", segments.Skip(skip)));
            if (SymbolEqualityComparer.Default.Equals(Bind(candidate, position, model), meaning))
            {
                return candidate;
            }
        }

        return full;
    }

    private static ISymbol? Bind(ExpressionSyntax expression, int position, SemanticModel model) =>
        model.GetSpeculativeSymbolInfo(position, expression, SpeculativeBindingOption.BindAsExpression).Symbol;
}
