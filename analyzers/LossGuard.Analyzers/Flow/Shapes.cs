using System.Collections.Immutable;
using System.Linq;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

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

    /// <summary>
    /// Rows (<paramref name="axis"/> 1, the last) or columns (0) of a matrix scaled to unit length: the factors whose
    /// product is cosine similarities. A value of unknown rank counts when it is a <paramref name="matrix"/> by the
    /// call's contract (<c>linear</c>'s weights), or when it was normalised along its last axis (-1) for rows.
    /// </summary>
    public static bool IsUnitAlong(AbstractValue value, int axis, bool matrix = false) =>
        value is { Domain: ValueDomain.UnitVectors, Axis: { } along }
        && (value.Rank == 2 || matrix && value.Rank is null ? along == axis || along == axis - 2 : value.Rank is null && axis == 1 && along == -1);

    /// <summary>The rank after a reshape, selection or permutation of a value of rank <paramref name="rank"/>.</summary>
    public static int? RankAfter(TransformEntry transform, int? rank, CallFact fact) => transform.Rank switch
    {
        RankChange.Sizes => Count(fact.Argument(transform.Scalar)?.Value),
        RankChange.Same => rank,
        RankChange.Fewer => rank - 1,
        RankChange.More => rank + 1,
        RankChange.Flatten => Flattened(rank, fact.IntegerArgument("start_dim"), fact.IntegerArgument("end_dim")),
        _ => null,
    };

    /// <summary>The rank after dimensions <paramref name="start"/> to <paramref name="end"/> become one.</summary>
    public static int? Flattened(int? rank, int? start, int? end)
    {
        if (start is not { } first || end is not { } last)
        {
            return null;
        }

        if (rank is { } known)
        {
            first = first < 0 ? first + known : first;
            last = last < 0 ? last + known : last;
            return first <= last ? known - (last - first) : null;
        }

        // Of a value of unknown rank, only "from start_dim to the last dimension" says what is left.
        return last == -1 && first >= 0 ? first + 1 : null;
    }

    /// <summary>The rank after indexing with these arguments: one dimension fewer per integer index; unknown for ranges, masks and index tensors.</summary>
    public static int? Indexed(int? rank, ImmutableArray<IArgumentOperation> indices)
    {
        foreach (var index in indices)
        {
            if (index.Parameter?.Type.SpecialType is not (SpecialType.System_Int64 or SpecialType.System_Int32))
            {
                return null;
            }
        }

        return rank - indices.Length;
    }

    /// <summary>The number of elements of an array written with an initializer (a <c>params</c> shape).</summary>
    public static int? Count(AbstractValue? value) => value?.Elements?.Items.Length;

    private static bool IsSize(IParameterSymbol parameter) =>
        parameter.Name is "size" or "rows" or "columns" or "dim0" or "dim1" or "dim2" or "dim3";
}
