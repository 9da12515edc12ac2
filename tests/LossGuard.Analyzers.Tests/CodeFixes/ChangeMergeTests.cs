using System.Threading;
using System.Threading.Tasks;
using LossGuard.Analyzers.Tests.Infrastructure;
using LossGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LossGuard.Analyzers.Tests.CodeFixes;

/// <summary>Fixes of one document, each made alone from the original, applied together by Fix All.</summary>
public sealed class ChangeMergeTests
{
    private const string Original = "class C\n{\n    int A() => 1;\n\n    int B() => 2;\n}\n";

    [Fact]
    public async Task Fixes_in_different_places_are_all_applied()
    {
        var result = await MergeAsync(Original.Replace("=> 1", "=> 10"), Original.Replace("=> 2", "=> 20"));

        Assert.Equal(Original.Replace("=> 1", "=> 10").Replace("=> 2", "=> 20"), result);
    }

    [Fact]
    public async Task A_fix_that_edits_what_an_earlier_one_edited_is_left_for_the_next_run()
    {
        var result = await MergeAsync(Original.Replace("=> 1", "=> 10"), Original.Replace("=> 1", "=> 11"), Original.Replace("=> 2", "=> 20"));

        Assert.Equal(Original.Replace("=> 1", "=> 10").Replace("=> 2", "=> 20"), result);
    }

    [Fact]
    public async Task When_the_fixes_together_do_not_compile_each_is_kept_only_if_it_compiles_with_those_before_it()
    {
        // Each fix alone compiles; the first two together declare D twice.
        var first = Original.Replace("    int B()", "    int D() => 3;\n\n    int B()");
        var second = Original.Replace("    int A()", "    int D() => 4;\n\n    int A()");
        var third = Original.Replace("=> 2", "=> 20");

        var result = await MergeAsync(first, second, third);

        Assert.Equal(first.Replace("=> 2", "=> 20"), result);
    }

    private static async Task<string> MergeAsync(params string[] fixedTexts)
    {
        using var workspace = new AdhocWorkspace();
        var project = LibraryProject.Add(workspace, "Merge", await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));
        var original = workspace.AddDocument(project.Id, "C.cs", SourceText.From(Original));
        var fixedAlone = System.Array.ConvertAll(fixedTexts, text => original.WithText(SourceText.From(text)));

        var merged = await ChangeMerge.ApplyAsync(original, fixedAlone, CancellationToken.None);

        return (await merged.GetTextAsync()).ToString();
    }
}
