using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// One semantic model per tree of the compilation, for reading declarations outside the body being analysed
/// (callees, constructors, field initialisers, call sites); each model binds a member once.
/// </summary>
internal sealed class SourceModels
{
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> models = new();

    public SourceModels(Compilation compilation) => Compilation = compilation;

    public Compilation Compilation { get; }

    /// <summary>The model of the tree holding <paramref name="node"/>; <c>null</c> when the tree is not in this compilation.</summary>
    public SemanticModel? Of(SyntaxNode node) =>
        Compilation.ContainsSyntaxTree(node.SyntaxTree)
#pragma warning disable RS1030 // Declarations in other trees than the one analysed are read through one cached model per tree.
            ? models.TryGetValue(node.SyntaxTree, out var known) ? known : models.GetOrAdd(node.SyntaxTree, Compilation.GetSemanticModel(node.SyntaxTree))
#pragma warning restore RS1030
            : null;
}
