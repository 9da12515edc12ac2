using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LossGuard.Analyzers.Tests.Infrastructure;
using LossGuard.Analyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Tests.Flow;

/// <summary>Every body the engine may analyse in the test sources, the gallery and generated training code.</summary>
internal static class CorpusBodies
{
    /// <summary>One compilation per test source and gallery sample, and one each of generated training and application code.</summary>
    public static async Task<IEnumerable<CSharpCompilation>> CompilationsAsync()
    {
        var references = (await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(new[]
        {
            TestReferences.Runtime, TestReferences.Tensors, TestReferences.TorchSharp, TensorFlowReferences.Binding, TensorFlowReferences.Keras,
        });
        return SourceCorpus.TestSources().Concat(SourceCorpus.GallerySources())
            .Select(source => new[] { source })
            .Append(TrainingCodeGenerator.Files(30, seed: 7))
            .Append(TrainingCodeGenerator.ApplicationFiles(30, seed: 7))
            .Select((sources, index) => CSharpCompilation.Create(
                $"Corpus{index}",
                sources.Select(source => CSharpSyntaxTree.ParseText(source)),
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));
    }

    /// <summary>The method, accessor and constructor bodies and field initializers of a compilation, with their owners.</summary>
    public static IEnumerable<(IOperation Body, ISymbol Owner)> Of(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var isMember = node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax
                    || node is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } };
                if (isMember && model.GetOperation(node) is { Parent: null } body
                    && body.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.FieldInitializer
                    && (model.GetDeclaredSymbol(node) ?? model.GetDeclaredSymbol(node.Parent!)) is { } owner)
                {
                    yield return (body, owner);
                }
            }
        }
    }
}
