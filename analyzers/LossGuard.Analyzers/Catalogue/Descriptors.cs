using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Catalogue;

/// <summary>The one catalogue of LossGuard diagnostics (ids, titles and categories fixed by the rule contract).</summary>
public static class Descriptors
{
    /// <summary>The base of every help link: the MSBuild property LossGuardHelpLinkBase (Catalogue/HelpLinks.targets).</summary>
    public const string HelpLinkBase = HelpLinks.Base;

    private const string Usage = "Usage";
    private const string Reliability = "Reliability";
    private const string Configuration = "Configuration";

    public static readonly DiagnosticDescriptor SoftmaxIntoLogitsLoss = Create(
        RuleIds.SoftmaxIntoLogitsLoss,
        "Softmax output passed to a loss that expects logits",
        "'{0}' applies softmax itself, but {1}, the loss's logits input, comes from '{2}' (line {3}); {4}",
        Usage,
        "The loss normalises its input with softmax; giving it probabilities trains on softmax(softmax(z)), which flattens the gradients.");

    public static readonly DiagnosticDescriptor SigmoidIntoLogitsLoss = Create(
        RuleIds.SigmoidIntoLogitsLoss,
        "Sigmoid output passed to a loss that expects logits",
        "'{0}' applies sigmoid itself, but {1}, the loss's logits input, comes from '{2}' (line {3}); {4}",
        Usage,
        "The loss applies a sigmoid (or softmax) to its input; giving it sigmoid output squashes the scores twice.");

    public static readonly DiagnosticDescriptor UnstableComposition = Create(
        RuleIds.UnstableComposition,
        "Numerically unstable composition; use the fused variant",
        "'{0}' is applied to the output of '{1}' (line {2}); {3}",
        Usage,
        "log(softmax(z)) and probability-space losses after an activation lose precision and turn into -inf or NaN for large logits; the fused form is exact.");

    public static readonly DiagnosticDescriptor SingleClassSoftmax = Create(
        RuleIds.SingleClassSoftmax,
        "Softmax over a single class",
        "Softmax over a single class always outputs 1.0 ({0}); use a sigmoid and a sigmoid cross-entropy with logits",
        Usage,
        "A softmax over an axis of size 1 is constant, so nothing trains; a one-output binary head needs a sigmoid.");

    public static readonly DiagnosticDescriptor OneHotIntoSparseLoss = Create(
        RuleIds.OneHotIntoSparseLoss,
        "Sparse loss given one-hot labels",
        "'{0}' takes class indices, but '{1}' receives one-hot labels from '{2}' (line {3}); pass the class indices or use the dense loss",
        Usage,
        "Sparse losses read one class index per row; one-hot rows are read as indices and fail or train on the wrong targets.");

    public static readonly DiagnosticDescriptor IndicesIntoCategoricalLoss = Create(
        RuleIds.IndicesIntoCategoricalLoss,
        "Categorical loss given class indices",
        "'{0}' takes one-hot or distribution labels, but '{1}' receives class indices from '{2}' (line {3}); use the sparse loss",
        Usage,
        "Categorical losses read a distribution per row; class indices are read as probabilities.");

    public static readonly DiagnosticDescriptor WrongDomainForLoss = Create(
        RuleIds.WrongDomainForLoss,
        "Value in the wrong domain for the loss",
        "'{0}' expects {1}, but {2} holds {3} from '{4}' (line {5}); {6}",
        Usage,
        "Logits into a probability-space loss, probabilities into a log-probability loss, log-probabilities into a probability-space loss, and rates where a Poisson loss reads log-rates (or raw outputs where it reads rates) compute a different function than the one named.");

    public static readonly DiagnosticDescriptor SoftmaxAlongBatchAxis = Create(
        RuleIds.SoftmaxAlongBatchAxis,
        "Softmax along the batch axis",
        "'{0}' normalises along dimension {1} of {2}; use the class axis ({3})",
        Usage,
        "A softmax along the batch axis makes the examples of a batch compete with each other instead of the classes.");

    public static readonly DiagnosticDescriptor UnrecognisedKerasLossName = Create(
        RuleIds.UnrecognisedKerasLossName,
        "Loss name TensorFlow.NET does not recognise",
        "TensorFlow.NET's compile(string, string, string[]) does not recognise {0} and silently trains with {1}; compile with optimizer and loss objects",
        Reliability,
        "compile(string optimizer, string loss, string[] metrics) maps only the loss names \"mse\" and \"mae\" and falls back to MeanSquaredError for every other name; it ignores the optimizer name and always uses RMSprop with default settings.");

    public static readonly DiagnosticDescriptor UnstableTensorPrimitivesSoftMax = Create(
        RuleIds.UnstableTensorPrimitivesSoftMax,
        "TensorPrimitives.SoftMax is not numerically stable",
        "TensorPrimitives.SoftMax does not subtract the maximum and returns NaN for inputs above about 88; use a max-subtracted softmax",
        Reliability,
        "exp overflows float for inputs above about 88.7, and the division then gives NaN.");

    public static readonly DiagnosticDescriptor UnscaledCosineLogits = Create(
        RuleIds.UnscaledCosineLogits,
        "Cosine similarities used as logits without a scale",
        "'{0}' applies a softmax to cosine similarities from '{1}' (line {2}) in '{3}': in [-1, 1] it cannot become confident; multiply them by a scale (such as 64) or a learned temperature",
        Usage,
        "A softmax over values in [-1, 1] stays close to uniform: with 1,000 classes the cross-entropy cannot fall below about log(1 + 999 e^-2) = 4.9, so margin heads (ArcFace, CosFace, normalised softmax) multiply the cosines by a scale s (30 to 64).");

    /// <summary>Reported once per compilation, without a location, when its analysis ends.</summary>
    public static readonly DiagnosticDescriptor InvalidSetting = Create(
        RuleIds.InvalidSetting,
        "LossGuard setting is invalid",
        "'{0}' is not a valid value of {1} ({2}); LossGuard uses the default, {3}",
        Configuration,
        "A lossguard.* option in .editorconfig or .globalconfig has a value LossGuard cannot use; it is ignored and the default applies.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        SoftmaxIntoLogitsLoss,
        SigmoidIntoLogitsLoss,
        UnstableComposition,
        SingleClassSoftmax,
        OneHotIntoSparseLoss,
        IndicesIntoCategoricalLoss,
        WrongDomainForLoss,
        SoftmaxAlongBatchAxis,
        UnrecognisedKerasLossName,
        UnstableTensorPrimitivesSoftMax,
        UnscaledCosineLogits,
        InvalidSetting);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, string description, params string[] customTags) =>
        new(
            id,
            title,
            message,
            category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkBase + id + ".md",
            customTags: customTags);
}
