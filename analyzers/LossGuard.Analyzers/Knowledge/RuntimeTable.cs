using System.Collections.Immutable;

namespace LossGuard.Analyzers.Knowledge;

/// <summary>LossGuard.Runtime: <c>LossGuard.Activations</c>, <c>LossGuard.Losses</c>, <c>LossGuard.Labels</c>.</summary>
internal static class RuntimeTable
{
    private const string Activations = "LossGuard.Activations";
    private const string Losses = "LossGuard.Losses";
    private const string Labels = "LossGuard.Labels";

    /// <summary>The table, built once per process and only when a compilation references a library.</summary>
    public static LibrarySource Source { get; } = new(
        "LossGuard.Runtime",
        ImmutableArray.Create(Activations, Losses),
        ImmutableArray.Create("LossGuard.Runtime"),
        Create);

    private static LibraryTable Create() => new(
        Source.Name,
        Source.MarkerTypes,
        ImmutableArray.Create(
            new ProducerEntry(Activations, "Softmax", ValueDomain.Probabilities, "logits", "destination", "classes", FusedLog: "LogSoftmax", SigmoidVariant: "Sigmoid"),
            new ProducerEntry(Activations, "LogSoftmax", ValueDomain.LogProbabilities, "logits", "destination", "classes"),
            new ProducerEntry(Activations, "Sigmoid", ValueDomain.IndependentProbabilities, "logits", "destination", FusedLog: "LogSigmoid"),
            new ProducerEntry(Activations, "LogSigmoid", ValueDomain.LogProbabilities, "logits", "destination"),
            new ProducerEntry(Labels, "OneHot", ValueDomain.OneHotLabels, "classIndices", "destination", "classes"),
            new ProducerEntry(Labels, "ArgMax", ValueDomain.ClassIndices, "scores", Classes: "classes")),
        ImmutableArray.Create(
            new LossInputEntry(Losses, "SoftmaxCrossEntropyWithLogits", "logits", ValueDomain.Logits, "classes", SigmoidVariant: "SigmoidCrossEntropyWithLogits"),
            new LossInputEntry(Losses, "SoftmaxCrossEntropyWithLogits", "labels", ValueDomain.OneHotLabels, "classes"),
            new LossInputEntry(Losses, "SparseSoftmaxCrossEntropyWithLogits", "logits", ValueDomain.Logits, "classes"),
            new LossInputEntry(Losses, "SparseSoftmaxCrossEntropyWithLogits", "labels", ValueDomain.ClassIndices, "classes"),
            new LossInputEntry(Losses, "SigmoidCrossEntropyWithLogits", "logits", ValueDomain.Logits),
            new LossInputEntry(Losses, "CategoricalCrossEntropy", "probabilities", ValueDomain.Probabilities, "classes", "Losses.SoftmaxCrossEntropyWithLogits"),
            new LossInputEntry(Losses, "CategoricalCrossEntropy", "labels", ValueDomain.OneHotLabels, "classes"),
            new LossInputEntry(Losses, "SparseCategoricalCrossEntropy", "probabilities", ValueDomain.Probabilities, "classes", "Losses.SparseSoftmaxCrossEntropyWithLogits"),
            new LossInputEntry(Losses, "SparseCategoricalCrossEntropy", "labels", ValueDomain.ClassIndices, "classes"),
            new LossInputEntry(Losses, "BinaryCrossEntropy", "probabilities", ValueDomain.IndependentProbabilities, LogitsVariant: "Losses.SigmoidCrossEntropyWithLogits"),
            new LossInputEntry(Losses, "NegativeLogLikelihood", "logProbabilities", ValueDomain.LogProbabilities, "classes", "Losses.SparseSoftmaxCrossEntropyWithLogits"),
            new LossInputEntry(Losses, "NegativeLogLikelihood", "labels", ValueDomain.ClassIndices, "classes")),
        ImmutableArray<TransformEntry>.Empty)
    {
        AssemblyNames = Source.AssemblyNames,
    };
}
