using System.Linq;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Tensors joined into one (<c>cat</c>, <c>stack</c>, <c>hstack</c>, <c>vstack</c>): the result means what every part
/// means when all parts mean the same and the join keeps it. Sigmoid outputs and logits stay so along any axis; a
/// (log-)softmax along axis <c>a</c> stays one only when the parts are joined along a known axis other than <c>a</c>
/// (a stack adds a new axis, which shifts <c>a</c> when it comes before it). Parts must be written out in the call
/// (an array creation, a collection expression, a <c>params</c> list): an array variable's elements may have changed.
/// </summary>
internal static class Joins
{
    public static AbstractValue Joined(ArgumentFact parts, TransformEntry transform, CallFact fact)
    {
        if (!IsWrittenOut(parts.Expression) || parts.Value.Elements?.Items is not { IsEmpty: false } items)
        {
            return AbstractValue.Unknown;
        }

        var first = items[0];
        var rank = items.All(part => part.Rank == first.Rank) ? first.Rank : null;
        var (stack, along) = Axis(transform, fact, rank);
        var shaped = new AbstractValue(ValueDomain.Unknown, Rank: RankAfter(stack, along, rank));
        if (first.Domain is not (ValueDomain.Logits or ValueDomain.IndependentProbabilities or ValueDomain.Probabilities or ValueDomain.LogProbabilities)
            || items.Any(part => part.Domain != first.Domain || part.Axis != first.Axis))
        {
            // Parts of different or unknown meaning: only the rank is known.
            return shaped;
        }

        var integer = items.All(part => part.Integer == first.Integer) ? first.Integer : null;
        var joined = shaped with { Domain = first.Domain, Origin = first.Origin, Integer = integer };
        if (first.Domain is not (ValueDomain.Probabilities or ValueDomain.LogProbabilities))
        {
            return joined;
        }

        // A (log-)softmax: normalised along its axis in each part; the join must leave that axis whole.
        if (along is not { } axis)
        {
            return shaped;
        }

        var classes = items.All(part => part.Classes == first.Classes) ? first.Classes : null;
        if (stack)
        {
            return joined with { Axis = first.Axis is { } part ? Shifted(part, axis, rank) : null, Classes = classes };
        }

        return first.Axis is { } normalised && Differs(normalised, axis, rank) ? joined with { Axis = normalised, Classes = classes } : shaped;
    }

    /// <summary>Whether the join stacks along a new axis, and along which axis it joins, where known.</summary>
    private static (bool Stack, int? Along) Axis(TransformEntry transform, CallFact fact, int? rank) => transform.Join switch
    {
        JoinKind.Concatenate => (false, fact.IntegerArgument(transform.Scalar)),
        JoinKind.Stack => (true, fact.IntegerArgument(transform.Scalar)),
        JoinKind.Horizontal => (false, rank switch { 1 => 0, >= 2 => 1, _ => null }),
        JoinKind.Vertical => rank == 1 ? (true, 0) : (false, rank >= 2 ? 0 : null),
        _ => (false, null),
    };

    /// <summary>
    /// A concatenation keeps the rank; a stack adds one, known only where the new axis is not the first (a new axis 0
    /// is no batch axis: a softmax along it, over the stacked parts, is no batch-axis mistake).
    /// </summary>
    private static int? RankAfter(bool stack, int? along, int? rank)
    {
        if (!stack)
        {
            return rank;
        }

        return rank is { } known && along is { } axis && (axis < 0 ? axis + known + 1 : axis) > 0 ? known + 1 : null;
    }

    /// <summary>Whether axis <paramref name="a"/> and axis <paramref name="b"/> of a value of rank <paramref name="rank"/> are surely different.</summary>
    private static bool Differs(int a, int b, int? rank)
    {
        if (a < 0 == b < 0)
        {
            return a != b;
        }

        return rank is { } known && (a < 0 ? a + known : a) != (b < 0 ? b + known : b);
    }

    /// <summary>Where axis <paramref name="axis"/> of a part is after a new axis is inserted at <paramref name="inserted"/> (both as written, maybe negative).</summary>
    private static int? Shifted(int axis, int inserted, int? rank)
    {
        if (axis >= 0 && inserted >= 0)
        {
            return axis >= inserted ? axis + 1 : axis;
        }

        if (axis < 0 && inserted < 0)
        {
            // Counted from the end of the result, which has one axis more: the new axis after 'axis' moves it one further from the end.
            return inserted < axis ? axis : axis - 1;
        }

        if (rank is not { } known)
        {
            return null;
        }

        var from = axis < 0 ? axis + known : axis;
        var at = inserted < 0 ? inserted + known + 1 : inserted;
        return from >= at ? from + 1 : from;
    }

    /// <summary>The parts written out in the call: an array creation with its elements, a collection expression, a <c>params</c> list.</summary>
    private static bool IsWrittenOut(IOperation expression) =>
        Evaluator.Unconverted(expression) is IArrayCreationOperation { Initializer: not null } or { Syntax: CollectionExpressionSyntax };
}
