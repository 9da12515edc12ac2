namespace LossGuard.Analyzers.Knowledge;

/// <summary>What a module class computes when it is applied.</summary>
internal enum ModuleKind
{
    /// <summary>An activation (softmax, sigmoid, ...): its output lies in <see cref="ModuleEntry.Domain"/>.</summary>
    Activation,

    /// <summary>A linear layer: its output is logits, as wide as its output size.</summary>
    Linear,

    /// <summary>A container applying its layers in order.</summary>
    Sequential,

    /// <summary>A loss module: applying it calls <see cref="ModuleEntry.LossMethod"/> of <see cref="ModuleEntry.LossType"/>.</summary>
    Loss,
}

/// <summary>A module class of a library, recognised wherever a value of that type is made (factory or constructor).</summary>
/// <param name="Type">Metadata name of the module class.</param>
/// <param name="Dim">Factory parameter carrying an activation's axis.</param>
/// <param name="InFeatures">Factory parameter carrying a linear layer's input size.</param>
/// <param name="OutFeatures">Factory parameter carrying a linear layer's output size.</param>
/// <param name="LossType">For a loss module: metadata name of the type whose function it applies.</param>
/// <param name="LossMethod">For a loss module: the function whose loss inputs apply to its two arguments.</param>
/// <param name="FusedName">The fused module to name in messages, when it differs from the function's.</param>
internal sealed record ModuleEntry(
    string Type,
    ModuleKind Kind,
    ValueDomain Domain = ValueDomain.Unknown,
    string? Dim = null,
    string? InFeatures = null,
    string? OutFeatures = null,
    string? LossType = null,
    string? LossMethod = null,
    string? FusedLog = null,
    string? FusedName = null)
{
    public string Name => Type.Substring(Type.LastIndexOf('.') + 1);
}
