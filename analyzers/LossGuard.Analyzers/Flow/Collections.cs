using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>Lists whose elements the engine follows: made empty, filled with <c>Add</c>, copied to an array (layers for a model).</summary>
internal static class Collections
{
    public static bool IsNewList(IObjectCreationOperation creation) =>
        creation.Arguments.IsEmpty
        && BufferViews.Is(creation.Type as INamedTypeSymbol, "System.Collections.Generic", "List", 1);

    /// <summary><c>list.ToArray()</c>: a new array of the list's elements, in order.</summary>
    public static bool IsToArray(IMethodSymbol method) =>
        method.Name == "ToArray" && !method.IsStatic && method.Parameters.IsEmpty
        && BufferViews.Is(method.ContainingType, "System.Collections.Generic", "List", 1);

    public static bool IsAdd(IMethodSymbol method, ImmutableArray<ArgumentFact> arguments) =>
        method.Name == "Add" && !method.IsStatic && arguments.Length == 1
        && BufferViews.Is(method.ContainingType, "System.Collections.Generic", "List", 1);
}
