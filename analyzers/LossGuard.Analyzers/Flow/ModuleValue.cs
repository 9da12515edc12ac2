using System.Linq;
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
/// <param name="Activation">A linear layer's activation: the domain of its output (logits when it has none).</param>
/// <param name="ActivationSite">Where that activation is written (<c>activation: "softmax"</c>), when it is.</param>
/// <param name="FromLogits">A loss module's <c>from_logits</c>, when known.</param>
/// <param name="CompiledLoss">The loss a model was compiled with (Keras <c>compile</c>), for its <c>fit</c>.</param>
/// <param name="Output">What a functional model outputs: the value its outputs held where it was made.</param>
/// <param name="Flag">A loss module's <see cref="ModuleEntry.Flag"/> constant, when known.</param>
/// <param name="Constructed">
/// For a user-defined model made here with known constructor arguments: the fields that constructor made from them
/// (<see cref="ConstructedObject"/>); <c>null</c>: the fields every construction of its class agrees on.
/// </param>
internal sealed record ModuleValue(
    ModuleEntry? Entry,
    IOperation Creation,
    int? Dim = null,
    int? OutFeatures = null,
    ValueList<ModuleValue?>? Layers = null,
    INamedTypeSymbol? Model = null,
    ValueDomain Activation = ValueDomain.Logits,
    IOperation? ActivationSite = null,
    bool? FromLogits = null,
    ModuleValue? CompiledLoss = null,
    AbstractValue? Output = null,
    bool? Flag = null,
    ConstructedObject? Constructed = null)
{
    /// <summary>
    /// What holds for a module on both paths: the same kind of module (class, axis, width, layers), made at either
    /// place; the earlier creation is named. Different kinds (a loss chosen by configuration) join to unknown; a model
    /// made from different constructor arguments keeps only what every construction of its class agrees on; a model
    /// compiled with different losses (or compiled on one path only) keeps its layers, its loss unknown.
    /// </summary>
    public static ModuleValue? Join(ModuleValue? left, ModuleValue? right)
    {
        if (left is null || right is null || !SameKind(left, right, compiled: false))
        {
            return null;
        }

        var earlier = AbstractValue.EarlierOf(left.Creation, right.Creation) == left.Creation ? left : right;
        earlier = SameKind(left.CompiledLoss, right.CompiledLoss) ? earlier : earlier with { CompiledLoss = null };
        return ReferenceEquals(left.Constructed, right.Constructed) ? earlier : earlier with { Constructed = null };
    }

    private static bool SameKind(ModuleValue? left, ModuleValue? right) => SameKind(left, right, compiled: true);

    /// <param name="compiled">Whether the loss a model was compiled with counts (not for the models joined themselves, whose loss may differ).</param>
    private static bool SameKind(ModuleValue? left, ModuleValue? right, bool compiled) =>
        left is null || right is null
            ? left is null && right is null
            : Equals(left.Entry, right.Entry)
              && left.Dim == right.Dim
              && left.OutFeatures == right.OutFeatures
              && left.Activation == right.Activation
              && left.FromLogits == right.FromLogits
              && left.Flag == right.Flag
              && (!compiled || SameKind(left.CompiledLoss, right.CompiledLoss))
              && Equals(left.Output, right.Output)
              && SymbolEqualityComparer.Default.Equals(left.Model, right.Model)
              && (left.Layers is null || right.Layers is null
                  ? left.Layers is null && right.Layers is null
                  : left.Layers.Items.Length == right.Layers.Items.Length
                    && left.Layers.Items.Zip(right.Layers.Items, (l, r) => SameKind(l, r)).All(same => same));
}
