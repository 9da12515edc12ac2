using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Locals and parameters a body takes a reference to (<c>ref var r = ref x</c>, <c>r = ref x</c>, <c>return ref x</c>): a
/// write through the reference changes them where the engine does not look, so it never tracks them.
/// </summary>
internal static class RefAliases
{
    private static readonly ISet<ISymbol> None = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

    public static ISet<ISymbol> Of(IOperation root)
    {
        var references = root.Syntax.DescendantNodes().OfType<RefExpressionSyntax>().ToList();
        if (references.Count == 0 || root.SemanticModel is not { } model)
        {
            return None;
        }

        var aliased = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var reference in references)
        {
            var expression = reference.Expression;
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            if (model.GetSymbolInfo(expression).Symbol is ILocalSymbol or IParameterSymbol)
            {
                aliased.Add(model.GetSymbolInfo(expression).Symbol!);
            }
        }

        return aliased;
    }
}
