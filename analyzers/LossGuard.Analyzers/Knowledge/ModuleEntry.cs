using System.Collections.Immutable;

namespace LossGuard.Analyzers.Knowledge;

/// <summary>What a module class computes when it is applied.</summary>
internal enum ModuleKind
{
    /// <summary>An activation (softmax, sigmoid, ...): its output lies in <see cref="ModuleEntry.Domain"/>.</summary>
    Activation,

    /// <summary>A linear layer: its output is logits as wide as its output size, or its activation's output.</summary>
    Linear,

    /// <summary>A container applying its layers in order.</summary>
    Sequential,

    /// <summary>A loss module: applying it applies the loss function its entry names.</summary>
    Loss,

    /// <summary>A flatten layer: the values keep their meaning, the dimensions from <see cref="ModuleEntry.Dim"/> on become one.</summary>
    Flatten,

    /// <summary>A model made from a graph of layers (Keras <c>keras.Model(inputs, outputs)</c>): it computes what <see cref="ModuleEntry.Outputs"/> holds.</summary>
    Functional,
}

/// <summary>
/// A module class of a library, recognised wherever a value of that type is made (a constructor, or a factory
/// returning the class), or wherever its factory is called (<see cref="FactoryType"/>, for factories typed as an interface).
/// </summary>
/// <param name="Type">Metadata name of the module class.</param>
/// <param name="Dim">Parameter carrying an activation's axis (a flatten layer's first flattened dimension).</param>
/// <param name="OutFeatures">Parameter carrying a linear layer's output size.</param>
/// <param name="Activation">Parameter carrying a linear layer's activation (by name).</param>
/// <param name="LossType">For a loss module: metadata name of the type whose function it applies.</param>
/// <param name="LossMethod">For a loss module: the function whose loss inputs apply to its arguments.</param>
/// <param name="FromLogits">Parameter saying whether the loss takes logits; <see cref="ProbabilityLossMethod"/> applies when it is false.</param>
/// <param name="ProbabilityLossMethod">The function that applies when the loss takes probabilities.</param>
/// <param name="FusedLog">For an activation: the fused log form (a module of the same library, or a function of <see cref="FusedLogType"/>).</param>
/// <param name="FusedLogType">Metadata name of the type declaring <see cref="FusedLog"/>, when it is a function.</param>
/// <param name="FusedName">For a loss: the fused module to name in messages, when it differs from the function's.</param>
/// <param name="FactoryType">Metadata name of the type declaring the factory, when the factory returns an interface.</param>
/// <param name="SigmoidVariant">For a softmax: the sigmoid module of the same library (made without an axis).</param>
/// <param name="FactoryMethod">The factory's name, with <see cref="FactoryType"/>.</param>
/// <param name="Flag">For a loss module: the boolean constructor parameter it keeps for its loss function (<c>KLDivLoss</c>'s <c>log_target</c>).</param>
/// <param name="Outputs">For a functional model: the parameter carrying the tensor it outputs.</param>
internal sealed record ModuleEntry(
    string Type,
    ModuleKind Kind,
    ValueDomain Domain = ValueDomain.Unknown,
    string? Dim = null,
    string? OutFeatures = null,
    string? Activation = null,
    string? LossType = null,
    string? LossMethod = null,
    string? FromLogits = null,
    string? ProbabilityLossMethod = null,
    string? FusedLog = null,
    string? FusedName = null,
    string? FactoryType = null,
    string? FactoryMethod = null,
    string? SigmoidVariant = null,
    string? Outputs = null,
    string? Flag = null,
    string? FusedLogType = null)
{
    private static readonly ImmutableArray<string> TorchLossInputs = ImmutableArray.Create("input", "target");

    public string Name => Type.Substring(Type.LastIndexOfAny(new[] { '.', '+' }) + 1);

    /// <summary>The names a loss module's arguments take, in order (the loss function's parameter names).</summary>
    public ImmutableArray<string> LossInputs { get; init; } = TorchLossInputs;
}
