using System.Linq;
using System.Threading;
using LossGuard.Analyzers.Flow;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LossGuard.Analyzers.Tests.Flow;

/// <summary>The text search that finds where a method is named, without walking the syntax of every scope.</summary>
public sealed class NameTextTests
{
    private const string Source = """
        class Other { void Train() { } }
        class Scope
        {
            void Train() { }
            void Train<T>() { }
            void Uses()
            {
                Train(); Train<int>(); @Train(); this.Train();
                Trainer(); xTrain(); var text = "Train"; // Train
            }
            void Trainer() { }
            void xTrain() { }
        }
        """;

    [Fact]
    public void Only_simple_names_spelled_exactly_so_inside_the_scope_are_found()
    {
        var scope = Class(Source, "Scope");

        var found = NameText.Find(scope, "Train", CancellationToken.None);

        Assert.Equal(
            new[] { "Train()", "Train<int>()", "@Train()", "Train()" },
            found.Select(name => ((InvocationExpressionSyntax)(name.Parent is MemberAccessExpressionSyntax access ? access.Parent! : name.Parent!)).ToString()
                .Replace("this.", string.Empty, System.StringComparison.Ordinal)));
        Assert.All(found, name => Assert.True(scope.Span.Contains(name.Span)));
    }

    [Fact]
    public void A_shorter_scope_searched_after_a_longer_one_finds_nothing_of_the_longer_one()
    {
        var longer = Class(Source, "Scope");
        var shorter = Class("class Empty { void Nothing() { } }", "Empty");

        Assert.NotEmpty(NameText.Find(longer, "Train", CancellationToken.None));
        Assert.Empty(NameText.Find(shorter, "Train", CancellationToken.None));
    }

    [Fact]
    public void A_name_written_with_unicode_escapes_is_found_by_its_value()
    {
        var scope = Class("class Escaped { void Train() { } void Uses() { \\u0054rain(); } }", "Escaped");

        var found = NameText.Find(scope, "Train", CancellationToken.None);

        Assert.Equal(new[] { "\\u0054rain" }, found.Select(name => name.ToString()));
    }

    private static ClassDeclarationSyntax Class(string source, string name) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Single(type => type.Identifier.Text == name);
}
