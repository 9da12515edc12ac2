using System.Collections.Immutable;

namespace LossGuard.Analyzers.Knowledge;

/// <summary>System.Numerics.Tensors: <c>TensorPrimitives</c>, whose <c>SoftMax</c> does not subtract the maximum.</summary>
internal static class TensorPrimitivesTable
{
    private const string Primitives = "System.Numerics.Tensors.TensorPrimitives";
    private const string RuntimeActivations = "LossGuard.Activations";

    /// <summary>The table, built once per process and only when a compilation references a library.</summary>
    public static LibrarySource Source { get; } = new(
        "System.Numerics.Tensors",
        ImmutableArray.Create(Primitives),
        ImmutableArray.Create("System.Numerics.Tensors"),
        Create);

    private static LibraryTable Create() => new(
        Source.Name,
        Source.MarkerTypes,
        ImmutableArray.Create(
            new ProducerEntry(Primitives, "SoftMax", ValueDomain.Probabilities, "x", "destination", FusedLog: "LogSoftmax", FusedLogType: RuntimeActivations, NeedsMaxSubtractedInput: true),
            new ProducerEntry(Primitives, "Sigmoid", ValueDomain.IndependentProbabilities, "x", "destination", FusedLog: "LogSigmoid", FusedLogType: RuntimeActivations)),
        ImmutableArray<LossInputEntry>.Empty,
        ImmutableArray.Create(
            new TransformEntry(Primitives, "Log", TransformKind.Log, "x", "destination"),
            new TransformEntry(Primitives, "Clamp", TransformKind.Clip, "x", "destination"),
            new TransformEntry(Primitives, "Max", TransformKind.MaxOf, "x"),
            new TransformEntry(Primitives, "Max", TransformKind.Clip, "x", "destination"),
            new TransformEntry(Primitives, "Min", TransformKind.Clip, "x", "destination"),
            new TransformEntry(Primitives, "Add", TransformKind.Clip, "x", "destination"),
            new TransformEntry(Primitives, "Subtract", TransformKind.SubtractScalar, "x", "destination", "y")))
    {
        AssemblyNames = Source.AssemblyNames,
    };
}
