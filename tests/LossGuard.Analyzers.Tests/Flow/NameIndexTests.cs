using System.Linq;
using System.Threading;
using LossGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LossGuard.Analyzers.Tests.Flow;

/// <summary>The index that narrows a search for a name's uses to the trees whose text spells it as a word.</summary>
public sealed class NameIndexTests
{
    [Fact]
    public void A_name_is_found_in_the_trees_that_spell_it_as_a_word_and_in_trees_with_unicode_escapes()
    {
        var compilation = CSharpCompilation.Create(
            "Index",
            new[]
            {
                CSharpSyntaxTree.ParseText("class A { void M() { Train(); } void Train() { } }", path: "calls.cs"),
                CSharpSyntaxTree.ParseText("class B { void M() { @Train(); } void Train() { } }", path: "verbatim.cs"),
                CSharpSyntaxTree.ParseText("class C { void Trainer() { xTrain(); var n = 1Train; } void xTrain() { } }", path: "longer.cs"),
                CSharpSyntaxTree.ParseText("class D { void M() { \\u0054rain(); } void Train() { } }", path: "escaped.cs"),
                CSharpSyntaxTree.ParseText("class E { void M() { } }", path: "unrelated.cs"),
            });
        var index = new NameIndex(compilation);

        Assert.Equal(
            new[] { "calls.cs", "verbatim.cs", "escaped.cs" },
            index.TreesSpelling("Train", CancellationToken.None).Select(tree => tree.FilePath));
        Assert.Equal(
            new[] { "longer.cs", "escaped.cs" },
            index.TreesSpelling("xTrain", CancellationToken.None).Select(tree => tree.FilePath));
        Assert.Equal(new[] { "escaped.cs" }, index.TreesSpelling("Missing", CancellationToken.None).Select(tree => tree.FilePath));
    }
}
