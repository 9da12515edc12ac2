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
    private static readonly Lazy<(byte[] Binding, byte[] Keras)> Compiled = new(Compile);

    public static MetadataReference Binding { get; } = MetadataReference.CreateFromImage(Compiled.Value.Binding);

    public static MetadataReference Keras { get; } = MetadataReference.CreateFromImage(Compiled.Value.Keras);

    /// <summary>The assemblies' file names and images, for projects built outside the test process.</summary>
    public static (string FileName, byte[] Image)[] Assemblies => new[] { ("Tensorflow.Binding.dll", Compiled.Value.Binding), ("Tensorflow.Keras.dll", Compiled.Value.Keras) };

    private static (byte[], byte[]) Compile()
    {
        var framework = TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, default).GetAwaiter().GetResult();
        var binding = Emit("Tensorflow.Binding", "Binding", framework);
        var keras = Emit("Tensorflow.Keras", "Keras", framework.Add(MetadataReference.CreateFromImage(binding)));
        return (binding, keras);
    }

    private static byte[] Emit(string assemblyName, string folder, System.Collections.Immutable.ImmutableArray<MetadataReference> references)
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

        return image.ToArray();
    }
}
