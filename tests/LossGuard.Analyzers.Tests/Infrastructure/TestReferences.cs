using System.Collections.Immutable;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LossGuard.Analyzers.Tests.Infrastructure;

/// <summary>What test compilations reference: .NET 10 and, where a test wants them, the real LossGuard.Runtime and System.Numerics.Tensors.</summary>
internal static class TestReferences
{
    public static ReferenceAssemblies Net10 { get; } = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", ReferencePackVersionAttribute.Value),
        Path.Combine("ref", "net10.0"));

    public static MetadataReference Runtime { get; } = MetadataReference.CreateFromFile(typeof(Losses).Assembly.Location);

    public static MetadataReference TorchSharp { get; } = MetadataReference.CreateFromFile(TorchSharpAssemblyAttribute.Value);

    public static MetadataReference Tensors { get; } =
        MetadataReference.CreateFromFile(typeof(System.Numerics.Tensors.TensorPrimitives).Assembly.Location);

    /// <summary>.NET 10 and the four libraries LossGuard knows, for compilations and workspaces made by hand.</summary>
    public static async Task<ImmutableArray<MetadataReference>> WithLibrariesAsync() =>
        (await Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(new[]
        {
            Runtime, Tensors, TorchSharp, TensorFlowReferences.Binding, TensorFlowReferences.Keras,
        });

    /// <summary>The four libraries LossGuard knows: LossGuard.Runtime, System.Numerics.Tensors, TorchSharp and the TensorFlow.NET API model.</summary>
    public static void AddLibraries(SolutionState state, bool withRuntime = true)
    {
        if (withRuntime)
        {
            state.AdditionalReferences.Add(Runtime);
        }

        state.AdditionalReferences.Add(Tensors);
        state.AdditionalReferences.Add(TorchSharp);
        state.AdditionalReferences.Add(TensorFlowReferences.Binding);
        state.AdditionalReferences.Add(TensorFlowReferences.Keras);
    }
}
