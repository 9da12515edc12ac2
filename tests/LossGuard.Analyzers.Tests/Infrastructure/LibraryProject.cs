using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LossGuard.Analyzers.Tests.Infrastructure;

/// <summary>The C# class library, nullable enabled, that hand-made test workspaces and compilations build.</summary>
internal static class LibraryProject
{
    public static CSharpCompilationOptions Options { get; } =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>An empty project named <paramref name="name"/> in <paramref name="workspace"/>.</summary>
    public static Project Add(AdhocWorkspace workspace, string name, ImmutableArray<MetadataReference> references) =>
        workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Create(), name, name, LanguageNames.CSharp, compilationOptions: Options, metadataReferences: references));
}
