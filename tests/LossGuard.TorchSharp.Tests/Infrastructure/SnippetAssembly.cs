using System.IO;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LossGuard.TorchSharp.Tests.Infrastructure;

/// <summary>Compiles a snippet into this process and hands out its public static methods as delegates.</summary>
internal static class SnippetAssembly
{
    public static CSharpCompilationOptions Options { get; } = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    public static CSharpParseOptions Parse { get; } = new(LanguageVersion.Latest);

    /// <summary>The method <paramref name="name"/> of the snippet's only class, as a <typeparamref name="T"/>.</summary>
    public static T Method<T>(string source, string name)
        where T : Delegate
    {
        var compilation = CSharpCompilation.Create(
            "Snippet" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source, Parse) },
            SnippetReferences.All,
            Options);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + Environment.NewLine + source);

        var assembly = Assembly.Load(image.ToArray());
        var method = assembly.GetTypes().Single(type => type.IsPublic).GetMethod(name, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException("The snippet has no public static method " + name + ":" + Environment.NewLine + source);
        return method.CreateDelegate<T>();
    }
}
