using System.Collections.Immutable;

namespace LossGuard.Analyzers.Knowledge;

/// <summary><c>System.Math</c> and <c>System.MathF</c>: the scalar log and the clipping that often hides in front of it.</summary>
internal static class MathTable
{
    private const string Math = "System.Math";
    private const string MathF = "System.MathF";

    /// <summary>The table, built once per process and only when a compilation references a library.</summary>
    public static LibrarySource Source { get; } = new(
        "System.Math",
        ImmutableArray<string>.Empty,
        ImmutableArray.Create("System.Runtime", "System.Private.CoreLib", "netstandard", "mscorlib"),
        Create);

    private static LibraryTable Create() => new(
        Source.Name,
        Source.MarkerTypes,
        ImmutableArray<ProducerEntry>.Empty,
        ImmutableArray<LossInputEntry>.Empty,
        ImmutableArray.Create(
            new TransformEntry(Math, "Log", TransformKind.Log, "d"),
            new TransformEntry(MathF, "Log", TransformKind.Log, "x"),
            new TransformEntry(Math, "Clamp", TransformKind.Clip, "value"),
            new TransformEntry(Math, "Max", TransformKind.Clip, null),
            new TransformEntry(MathF, "Max", TransformKind.Clip, null),
            new TransformEntry(Math, "Min", TransformKind.Clip, null),
            new TransformEntry(MathF, "Min", TransformKind.Clip, null)))
    {
        AssemblyNames = Source.AssemblyNames,
    };
}
