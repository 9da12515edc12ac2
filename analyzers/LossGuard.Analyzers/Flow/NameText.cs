using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

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

    public static IEnumerable<SimpleNameSyntax> Find(SyntaxNode root, string name, CancellationToken cancellationToken) =>
        Find(root, name, plain: false, cancellationToken);

    /// <param name="plain">The tree is known to spell every name as it reads (<see cref="NameIndex.IsPlain"/>): its text need not be checked.</param>
    public static IEnumerable<SimpleNameSyntax> Find(SyntaxNode root, string name, bool plain, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            // A declaration the parser recovered without a name: nothing can name it.
            return System.Array.Empty<SimpleNameSyntax>();
        }

        var span = root.Span;
        var text = Chars(root.SyntaxTree.GetText(cancellationToken), span);
        if (!plain && !IsPlain(text))
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

    /// <summary>Whether every identifier in the text reads as it is spelled (<see cref="NameIndex.IsPlain"/>).</summary>
    public static bool IsPlain(SourceText text) => IsPlain(Chars(text, new TextSpan(0, text.Length)));

    private static bool IsPlain(ReadOnlySpan<char> text) =>
        text.IndexOf("\\u".AsSpan()) < 0 && text.IndexOf("\\U".AsSpan()) < 0 && !HasFormatCharacter(text);

    private static ReadOnlySpan<char> Chars(SourceText text, TextSpan span)
    {
        var chars = buffer is { } reused && reused.Length >= span.Length ? reused : buffer = new char[Math.Max(span.Length, 4096)];
        text.CopyTo(span.Start, chars, 0, span.Length);
        return new ReadOnlySpan<char>(chars, 0, span.Length);
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
