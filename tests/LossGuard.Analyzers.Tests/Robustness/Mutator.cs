using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Tests.Robustness;

/// <summary>Breaks a source the way editing does: a token deleted or duplicated, the text cut, arguments swapped, a semicolon or brace gone.</summary>
internal static class Mutator
{
    public const int Kinds = 6;

    public static string Mutate(string source, int kind, Random random)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var tokens = root.DescendantTokens().Where(token => token.Span.Length > 0).ToList();
        if (tokens.Count == 0)
        {
            return source;
        }

        switch (kind)
        {
            case 0:
                return Remove(source, tokens[random.Next(tokens.Count)].Span);
            case 1:
                var duplicated = tokens[random.Next(tokens.Count)];
                return source.Insert(duplicated.Span.End, " " + duplicated.Text);
            case 2:
                return source.Substring(0, random.Next(source.Length));
            case 3:
                var lists = root.DescendantNodes().OfType<ArgumentListSyntax>().Where(list => list.Arguments.Count >= 2).ToList();
                if (lists.Count == 0)
                {
                    return Remove(source, tokens[random.Next(tokens.Count)].Span);
                }

                var arguments = lists[random.Next(lists.Count)].Arguments;
                var first = arguments[0];
                var last = arguments[arguments.Count - 1];
                return source.Substring(0, first.SpanStart) + last.ToString()
                    + source.Substring(first.Span.End, last.SpanStart - first.Span.End) + first.ToString()
                    + source.Substring(last.Span.End);
            default:
                var wanted = kind == 4 ? SyntaxKind.SemicolonToken : random.Next(2) == 0 ? SyntaxKind.OpenBraceToken : SyntaxKind.CloseBraceToken;
                var candidates = tokens.Where(token => token.IsKind(wanted)).ToList();
                return candidates.Count == 0 ? source : Remove(source, candidates[random.Next(candidates.Count)].Span);
        }
    }

    private static string Remove(string source, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        source.Remove(span.Start, span.Length);
}
