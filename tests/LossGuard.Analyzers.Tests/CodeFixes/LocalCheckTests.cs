using System.Linq;
using System.Threading.Tasks;
using LossGuard.Analyzers.Tests.Infrastructure;
using LossGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LossGuard.Analyzers.Tests.CodeFixes;

/// <summary>The checks that keep offering cheap: only the members an edit changed are compared, bound or compiled.</summary>
public sealed class LocalCheckTests
{
    private const string Source = """
        static class Step
        {
            static int First(int a) { return a + 1; }

            static int Second(int a) => a * 2;

            static int Third(int a) => a - 3;
        }
        """;

    [Fact]
    public void An_edit_in_one_body_changes_that_member_only()
    {
        var root = CSharpSyntaxTree.ParseText(Source).GetRoot();
        var edited = Replace(root, "a * 2", "a * 4");

        var members = ChangedMembers.Find(root, edited);

        Assert.NotNull(members);
        var (before, after) = Assert.Single(members);
        Assert.Equal("Second", ((MethodDeclarationSyntax)before).Identifier.ValueText);
        Assert.Contains("a * 4", after.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_added_using_or_member_is_not_local()
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(Source).GetRoot();
        var withUsing = root.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName("System")));
        var type = root.DescendantNodes().OfType<ClassDeclarationSyntax>().Single();
        var withMember = root.ReplaceNode(type, type.AddMembers(SyntaxFactory.ParseMemberDeclaration("static int Fourth() => 4;")!));

        Assert.Null(ChangedMembers.Find(root, withUsing));
        Assert.Null(ChangedMembers.Find(root, withMember));
    }

    [Fact]
    public async Task A_body_that_no_longer_binds_adds_invalid_operations_and_compile_errors()
    {
        using var workspace = new AdhocWorkspace();
        var project = LibraryProject.Add(workspace, "Local", await TestReferences.WithLibrariesAsync());
        var document = workspace.AddDocument(project.Id, "Step.cs", SourceText.From(Source));
        var model = (await document.GetSemanticModelAsync())!;
        var root = await document.GetSyntaxRootAsync();
        var broken = document.WithSyntaxRoot(Replace(root!, "a * 2", "a.Missing()"));
        var renamed = document.WithSyntaxRoot(Replace(root!, "a * 2", "a * 4"));
        var brokenMembers = ChangedMembers.Find(root!, (await broken.GetSyntaxRootAsync())!)!;
        var renamedMembers = ChangedMembers.Find(root!, (await renamed.GetSyntaxRootAsync())!)!;

        Assert.True(SpeculativeCheck.AddsInvalidOperations(model, brokenMembers, default));
        Assert.False(SpeculativeCheck.AddsInvalidOperations(model, renamedMembers, default));
        Assert.True(await ErrorCheck.AddsErrorsAsync(document, broken, default));
        Assert.False(await ErrorCheck.AddsErrorsAsync(document, renamed, default));
    }

    private static SyntaxNode Replace(SyntaxNode root, string expression, string with)
    {
        var node = root.DescendantNodes().OfType<ExpressionSyntax>().First(candidate => candidate.ToString() == expression);
        return root.ReplaceNode(node, SyntaxFactory.ParseExpression(with).WithTriviaFrom(node));
    }
}
