using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;

namespace LossGuard.TorchSharp.Tests.Infrastructure;

/// <summary>
/// What snippets compile against: the running .NET's own assemblies and the very TorchSharp, LossGuard.Runtime and
/// System.Numerics.Tensors this process loaded, so a compiled snippet runs here.
/// </summary>
internal static class SnippetReferences
{
    public static ImmutableArray<MetadataReference> All { get; } = Create();

    private static ImmutableArray<MetadataReference> Create()
    {
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var frameworkAssemblies = Directory.GetFiles(framework, "*.dll");
        var libraries = new[]
        {
            typeof(global::TorchSharp.torch).Assembly.Location,
            typeof(Losses).Assembly.Location,
            typeof(System.Numerics.Tensors.TensorPrimitives).Assembly.Location,
        };
        return frameworkAssemblies.Concat(libraries)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
