using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Finds the simple names (<c>Train</c>, <c>Train&lt;T&gt;</c>, <c>@Train</c>) spelled a given way under a node by
/// searching its text: only the matches are turned into syntax, where walking every node would build the whole tree.
/// </summary>
internal static class NameText
{
    public static IEnumerable<SimpleNameSyntax> Find(SyntaxNode root, string name, CancellationToken cancellationToken)
    {
        var text = root.SyntaxTree.GetText(cancellationToken).ToString(root.Span);
        if (text.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            // An identifier written with Unicode escapes does not read as its name in the text.
            return root.DescendantNodes().OfType<SimpleNameSyntax>().Where(simple => simple.Identifier.ValueText == name).ToList();
        }

        var names = new List<SimpleNameSyntax>();
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if (at > 0 && SyntaxFacts.IsIdentifierPartCharacter(text[at - 1]) || end < text.Length && SyntaxFacts.IsIdentifierPartCharacter(text[end]))
            {
                continue;
            }

            var token = root.FindToken(root.SpanStart + at);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.End == root.SpanStart + end && token.ValueText == name
                && token.Parent is SimpleNameSyntax simple && simple.Identifier == token)
            {
                names.Add(simple);
            }
        }

        return names;
    }
}
