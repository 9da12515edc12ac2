using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>Lists whose elements the engine follows: made empty, filled with <c>Add</c> (layers for a model).</summary>
internal static class Collections
{
    public static bool IsNewList(IObjectCreationOperation creation) =>
        creation.Arguments.IsEmpty
        && creation.Type is INamedTypeSymbol { OriginalDefinition: { } definition }
        && definition.ToDisplayString() == "System.Collections.Generic.List<T>";

    public static bool IsAdd(IMethodSymbol method, ImmutableArray<ArgumentFact> arguments) =>
        method.Name == "Add" && !method.IsStatic && arguments.Length == 1
        && method.ContainingType.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.List<T>";
}
