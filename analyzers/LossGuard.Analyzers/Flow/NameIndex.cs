using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Which trees of the compilation may spell a name: every identifier-shaped word of each tree's text, hashed in one
/// pass over the text on first use. A search for the uses of a name (<see cref="NameText"/>) then reads only those
/// trees, where reading every tree for every name grew with the square of the project's size.
/// </summary>
internal sealed class NameIndex
{
    private const int ChunkLength = 4096;

    private readonly Compilation compilation;
    private (SyntaxTree Tree, HashSet<int>? Words)[]? trees;
    private readonly ConcurrentDictionary<SyntaxTree, bool> plainTrees = new();

    public NameIndex(Compilation compilation) => this.compilation = compilation;

    /// <summary>The trees whose text holds <paramref name="name"/> as a word, or may (a tree with Unicode escapes).</summary>
    public IEnumerable<SyntaxTree> TreesSpelling(string name, CancellationToken cancellationToken)
    {
        var index = Volatile.Read(ref trees) ?? Build(cancellationToken);
        var hash = Hash(name);
        return index.Where(entry => entry.Words is null || entry.Words.Contains(hash)).Select(entry => entry.Tree);
    }

    /// <summary>
    /// Whether every name in the tree reads as its text spells it (no Unicode escape or formatting character), once per
    /// tree: a search for a name then need not check the text it searches.
    /// </summary>
    public bool IsPlain(SyntaxTree tree, CancellationToken cancellationToken) =>
        plainTrees.TryGetValue(tree, out var known)
            ? known
            : plainTrees.GetOrAdd(tree, NameText.IsPlain(tree.GetText(cancellationToken)));

    private (SyntaxTree Tree, HashSet<int>? Words)[] Build(CancellationToken cancellationToken)
    {
        var built = compilation.SyntaxTrees.Select(tree => (tree, Words(tree.GetText(cancellationToken), cancellationToken))).ToArray();
        return Interlocked.CompareExchange(ref trees, built, null) ?? built;
    }

    /// <summary>The hashes of the words of a text; <c>null</c> when an identifier may be written with a Unicode escape.</summary>
    private static HashSet<int>? Words(SourceText text, CancellationToken cancellationToken)
    {
        var words = new HashSet<int>();
        var chunk = new char[ChunkLength];
        var hash = 0;
        var state = WordState.Between;
        var previous = '\0';
        for (var start = 0; start < text.Length; start += ChunkLength)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = System.Math.Min(ChunkLength, text.Length - start);
            text.CopyTo(start, chunk, 0, length);
            for (var i = 0; i < length; i++)
            {
                var c = chunk[i];
                if (previous == '\\' && c is 'u' or 'U' || c > 127 && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
                {
                    // A Unicode escape or a formatting character, which an identifier's name leaves out.
                    return null;
                }

                previous = c;
                if (state != WordState.Between && SyntaxFacts.IsIdentifierPartCharacter(c))
                {
                    hash = state == WordState.Word ? Step(hash, c) : hash;
                    continue;
                }

                if (state == WordState.Word)
                {
                    words.Add(hash);
                }

                // A word that starts with a digit is a number's (1e5, 0x1F, 10f), not a name.
                state = SyntaxFacts.IsIdentifierStartCharacter(c) ? WordState.Word
                    : SyntaxFacts.IsIdentifierPartCharacter(c) ? WordState.Number
                    : WordState.Between;
                hash = state == WordState.Word ? Step(Seed, c) : 0;
            }
        }

        if (state == WordState.Word)
        {
            words.Add(hash);
        }

        return words;
    }

    private enum WordState
    {
        Between,
        Word,
        Number,
    }

    private const int Seed = unchecked((int)2166136261);

    private static int Hash(string name)
    {
        var hash = Seed;
        foreach (var c in name)
        {
            hash = Step(hash, c);
        }

        return hash;
    }

    /// <summary>FNV-1a over the characters.</summary>
    private static int Step(int hash, char c) => unchecked((hash ^ c) * 16777619);
}
