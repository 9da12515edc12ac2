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
    /// <summary>The text searched, copied into one buffer per thread: a string of every searched scope would be garbage.</summary>
    [ThreadStatic]
    private static char[]? buffer;

    public static IEnumerable<SimpleNameSyntax> Find(SyntaxNode root, string name, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            // A declaration the parser recovered without a name: nothing can name it.
            return System.Array.Empty<SimpleNameSyntax>();
        }

        var span = root.Span;
        var chars = buffer is { } reused && reused.Length >= span.Length ? reused : buffer = new char[Math.Max(span.Length, 4096)];
        root.SyntaxTree.GetText(cancellationToken).CopyTo(span.Start, chars, 0, span.Length);
        var text = new ReadOnlySpan<char>(chars, 0, span.Length);
        if (text.IndexOf("\\u".AsSpan()) >= 0 || text.IndexOf("\\U".AsSpan()) >= 0 || HasFormatCharacter(text))
        {
            // An identifier written with Unicode escapes or formatting characters does not read as its name in the text.
            return root.DescendantNodes().OfType<SimpleNameSyntax>().Where(simple => simple.Identifier.ValueText == name).ToList();
        }

        var names = new List<SimpleNameSyntax>();
        for (var from = 0; from < text.Length; )
        {
            var found = text.Slice(from).IndexOf(name.AsSpan());
            if (found < 0)
            {
                break;
            }

            var at = from + found;
            var end = at + name.Length;
            from = end;
            if (at > 0 && SyntaxFacts.IsIdentifierPartCharacter(text[at - 1]) || end < text.Length && SyntaxFacts.IsIdentifierPartCharacter(text[end]))
            {
                continue;
            }

            var token = root.FindToken(span.Start + at);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.End == span.Start + end && token.ValueText == name
                && token.Parent is SimpleNameSyntax simple && simple.Identifier == token)
            {
                names.Add(simple);
            }
        }

        return names;
    }

    private static bool HasFormatCharacter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c > 127 && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }
}
