using System.Collections.Immutable;

namespace LossGuard.Analyzers.Knowledge;

/// <summary>
/// Libraries whose call tables arrive with their own issues; until then they only open the gate, so that a
/// compilation referencing them is analysed.
/// </summary>
internal static class GateOnlyTables
{
    public static LibraryTable TensorPrimitives() => Marker("System.Numerics.Tensors", "System.Numerics.Tensors.TensorPrimitives");

    public static LibraryTable TorchSharp() => Marker("TorchSharp", "TorchSharp.torch");

    public static LibraryTable TensorFlowNet() => Marker("TensorFlow.NET", "Tensorflow.tensorflow", "Tensorflow.KerasApi");

    private static LibraryTable Marker(string name, params string[] markerTypes) => new(
        name,
        ImmutableArray.Create(markerTypes),
        ImmutableArray<ProducerEntry>.Empty,
        ImmutableArray<LossInputEntry>.Empty);
}
