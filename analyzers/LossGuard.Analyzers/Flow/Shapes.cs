using System.Linq;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>What the engine reads of tensor shapes and element types from call arguments.</summary>
internal static class Shapes
{
    /// <summary>The rank of a tensor made from sizes: one per integer size argument, or the length of a size array.</summary>
    public static int? RankOfSizes(CallFact fact)
    {
        var sizes = fact.Arguments.Where(argument => !argument.IsDefault && argument.Parameter is { } parameter && IsSize(parameter)).ToList();
        if (sizes.Count == 1 && sizes[0].Parameter!.Type is IArrayTypeSymbol)
        {
            return Count(sizes[0].Value);
        }

        return sizes.Count > 0 && sizes.All(size => size.Parameter!.Type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64)
            ? sizes.Count
            : null;
    }

    /// <summary>The number of elements of an array written with an initializer (a <c>params</c> shape).</summary>
    public static int? Count(AbstractValue? value) => value?.Elements?.Items.Length;

    private static bool IsSize(IParameterSymbol parameter) =>
        parameter.Name is "size" or "rows" or "columns" or "dim0" or "dim1" or "dim2" or "dim3";
}
