using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LossGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// The TensorFlow.NET API model (TensorFlowApiModel/), compiled once into assemblies named Tensorflow.Binding and
/// Tensorflow.Keras; the feed serves no TensorFlow.NET package.
/// </summary>
internal static class TensorFlowReferences
{
    private static readonly Lazy<(MetadataReference Binding, MetadataReference Keras)> Compiled = new(Compile);

    public static MetadataReference Binding => Compiled.Value.Binding;

    public static MetadataReference Keras => Compiled.Value.Keras;

    private static (MetadataReference, MetadataReference) Compile()
    {
        var framework = TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, default).GetAwaiter().GetResult();
        var binding = Emit("Tensorflow.Binding", "Binding", framework);
        var keras = Emit("Tensorflow.Keras", "Keras", framework.Add(binding));
        return (binding, keras);
    }

    private static MetadataReference Emit(string assemblyName, string folder, System.Collections.Immutable.ImmutableArray<MetadataReference> references)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TensorFlowApiModel", folder);
        var trees = Directory.GetFiles(directory, "*.cs").Order(StringComparer.Ordinal)
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException(
                $"The TensorFlow.NET API model ({assemblyName}) does not compile:\n"
                + string.Join("\n", result.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
