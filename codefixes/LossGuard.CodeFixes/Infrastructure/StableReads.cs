using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>Whether moving an expression elsewhere in a member keeps its value.</summary>
internal static class StableReads
{
    /// <summary>
    /// True for literals and for a parameter or local that nothing in the member assigns after its declaration, so
    /// reading it at another place in the member gives the same value.
    /// </summary>
    public static bool SameValueEverywhere(ExpressionSyntax expression, SyntaxNode member, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression is LiteralExpressionSyntax)
        {
            return true;
        }

        if (expression is not IdentifierNameSyntax identifier
            || model.GetSymbolInfo(identifier, cancellationToken).Symbol is not { Kind: SymbolKind.Parameter or SymbolKind.Local } symbol
            || symbol is IParameterSymbol { RefKind: not RefKind.None and not RefKind.In }
            || symbol is ILocalSymbol { IsRef: true })
        {
            return false;
        }

        return !member.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(use => use.Identifier.ValueText == identifier.Identifier.ValueText)
            .Any(use => IsWrite(use) && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(use, cancellationToken).Symbol, symbol));
    }

    /// <summary>
    /// Whether <paramref name="first"/> and <paramref name="last"/> are statements of one block, in that order, and no
    /// statement between them names a variable <paramref name="expression"/> reads.
    /// </summary>
    public static bool NotNamedBetween(ExpressionSyntax expression, StatementSyntax first, StatementSyntax last)
    {
        if (first.Parent is not BlockSyntax block || last.Parent != block)
        {
            return false;
        }

        var names = new HashSet<string>(expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(name => name.Identifier.ValueText));
        int from = block.Statements.IndexOf(first);
        int to = block.Statements.IndexOf(last);
        return from < to && block.Statements.Skip(from + 1).Take(to - from - 1)
            .All(statement => !statement.DescendantNodes().OfType<IdentifierNameSyntax>().Any(name => names.Contains(name.Identifier.ValueText)));
    }

    private static bool IsWrite(IdentifierNameSyntax use) => use.Parent switch
    {
        AssignmentExpressionSyntax assignment => assignment.Left == use,
        PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
        ArgumentSyntax { Parent: TupleExpressionSyntax } => true,
        ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
        RefExpressionSyntax => true,
        _ => false,
    };
}
