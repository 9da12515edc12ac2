using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// A module object: a library module (activation, linear layer, sequential container, loss) with the constants it
/// was made with, or a user-defined model class whose <c>forward</c> says what it computes.
/// </summary>
/// <param name="Entry">The library module class; <c>null</c> for a user-defined model.</param>
/// <param name="Creation">Where it was made: the origin named in messages.</param>
/// <param name="Dim">An activation's axis.</param>
/// <param name="OutFeatures">A linear layer's output width.</param>
/// <param name="Layers">A sequential container's layers, in order (<c>null</c> items are unknown layers).</param>
/// <param name="Model">A user-defined model's class.</param>
internal sealed record ModuleValue(
    ModuleEntry? Entry,
    IOperation Creation,
    int? Dim = null,
    int? OutFeatures = null,
    ValueList<ModuleValue?>? Layers = null,
    INamedTypeSymbol? Model = null);
