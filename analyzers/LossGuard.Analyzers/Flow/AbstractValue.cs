using System.Linq;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// What the engine knows of one value on every path that reaches a point: its domain and the call that made it,
/// the class count, axis and rank where known, a compile-time constant, the buffer it lives in, and the function it
/// holds when it is a delegate.
/// </summary>
/// <param name="Domain">What the numbers mean.</param>
/// <param name="Origin">The library call that put the value in its domain (for messages and additional locations).</param>
/// <param name="Classes">The class count (the width of the class axis) when it is a known constant: the producer's, or a linear layer's output width.</param>
/// <param name="Constant">A boolean or numeric constant.</param>
/// <param name="Storage">
/// The buffer's identity: an allocating operation for a buffer made in the analysed code (aliased only through values
/// sharing it), an <see cref="ExternalStorage"/> for one that came from elsewhere (it may alias any other external
/// buffer), <see cref="Storages.Any"/> when it may be any buffer; <c>null</c> for scalars.
/// </param>
/// <param name="Partial">The value is a slice of its storage: a write through it changes only part of the buffer.</param>
/// <param name="MaxOf">For a scalar: the storage of the buffer whose maximum it is.</param>
/// <param name="ElementOf">For a scalar read from a buffer: that buffer's storage.</param>
/// <param name="Function">For a delegate: the lambda or method it calls.</param>
/// <param name="Axis">The axis an activation normalised along, when known.</param>
/// <param name="Rank">The number of dimensions, when known.</param>
/// <param name="Integer">Whether the elements are integers (a tensor's dtype), when known.</param>
/// <param name="Module">For a module object (layers, models, loss modules): what it computes.</param>
/// <param name="Elements">For an array built from an initializer, or a tuple: its elements.</param>
/// <param name="Made">
/// The object (a module, a model) was made on every path by a creation or a library's static factory, so it is not null:
/// kept in locals and in fields only their object's construction sets, dropped wherever the value may have been replaced
/// unseen or converted to null (<c>as</c>), and never for a member's value read elsewhere (<see cref="MemberValues"/>),
/// which is null before its first assignment.
/// </param>
internal sealed record AbstractValue(
    ValueDomain Domain,
    IOperation? Origin = null,
    int? Classes = null,
    object? Constant = null,
    object? Storage = null,
    bool Partial = false,
    object? MaxOf = null,
    object? ElementOf = null,
    FunctionValue? Function = null,
    int? Axis = null,
    int? Rank = null,
    bool? Integer = null,
    ModuleValue? Module = null,
    ValueList<AbstractValue>? Elements = null,
    bool Made = false)
{
    public static AbstractValue Unknown { get; } = new(ValueDomain.Unknown);

    /// <summary>Nothing known, and it may be any buffer (a local of unknown value).</summary>
    public static AbstractValue AnyBuffer { get; } = new(ValueDomain.Unknown, Storage: Storages.Any);

    public bool IsKnownDomain => Domain != ValueDomain.Unknown;

    /// <summary>The constant as an integer (class counts and axes arrive as <c>int</c> or <c>long</c>).</summary>
    public int? IntegerConstant => Constant switch
    {
        int value => value,
        long value when value is >= int.MinValue and <= int.MaxValue => (int)value,
        _ => null,
    };

    /// <summary>The constant as an integer when it is any integral value (enum constants arrive as their underlying type).</summary>
    public long? IntegerConstantOrEnum => Constant switch
    {
        sbyte value => value,
        byte value => value,
        short value => value,
        ushort value => value,
        int value => value,
        uint value => value,
        long value => value,
        _ => null,
    };

    /// <summary>The null reference (a parameter's default <c>= null</c>, before <c>loss ??= BCELoss()</c>).</summary>
    public static AbstractValue Null { get; } = new(ValueDomain.Unknown, Constant: NullConstant.Instance);

    public bool IsNull => Constant is NullConstant;

    /// <summary>
    /// Whether the value is surely not null: a buffer made here, a lambda, a constant other than null, an object made on
    /// every path (<see cref="Made"/>). Not a domain: a field's value is what its assignments leave, and it is null
    /// before the first.
    /// </summary>
    public bool IsNotNull => Storage is IOperation || Function is not null || Constant is not (null or NullConstant) || Made;

    /// <summary>A constant, or unknown for <c>null</c> (which only <see cref="OfConstantOrNull"/> keeps).</summary>
    public static AbstractValue OfConstant(object? constant) => constant switch
    {
        null => Unknown,
        true => True,
        false => False,
        int value when value is >= SmallestShared and < SmallestShared + SharedIntegerCount => SharedIntegers[value - SmallestShared],
        long value when value is >= SmallestShared and < SmallestShared + SharedIntegerCount => SharedLongs[value - SmallestShared],
        _ => new(ValueDomain.Unknown, Constant: constant),
    };

    /// <summary>A constant of a reference or nullable type: <c>null</c> is <see cref="Null"/>.</summary>
    public static AbstractValue OfConstantOrNull(object? constant) => constant is null ? Null : OfConstant(constant);

    private const int SmallestShared = -1;
    private const int SharedIntegerCount = 66;
    private static readonly AbstractValue True = new(ValueDomain.Unknown, Constant: true);
    private static readonly AbstractValue False = new(ValueDomain.Unknown, Constant: false);

    /// <summary>
    /// Class counts, axes, sizes and flags are small integers (<c>long</c> where a tensor library takes sizes): their
    /// values are shared rather than made at each use.
    /// </summary>
    private static readonly AbstractValue[] SharedIntegers = Enumerable.Range(SmallestShared, SharedIntegerCount)
        .Select(value => new AbstractValue(ValueDomain.Unknown, Constant: value)).ToArray();

    private static readonly AbstractValue[] SharedLongs = Enumerable.Range(SmallestShared, SharedIntegerCount)
        .Select(value => new AbstractValue(ValueDomain.Unknown, Constant: (long)value)).ToArray();

    /// <summary>What holds on both paths: the facts the two values share.</summary>
    public static AbstractValue Join(AbstractValue left, AbstractValue right)
    {
        if (left.Equals(right))
        {
            return left;
        }

        var domain = JoinDomain(left.Domain, right.Domain);
        return new AbstractValue(
            domain,
            domain == ValueDomain.Unknown ? null : EarlierOf(left.Origin, right.Origin),
            Same(left.Classes, right.Classes),
            Equals(left.Constant, right.Constant) ? left.Constant : null,
            JoinStorage(left.Storage, right.Storage),
            left.Partial || right.Partial,
            Equals(left.MaxOf, right.MaxOf) ? left.MaxOf : null,
            Equals(left.ElementOf, right.ElementOf) ? left.ElementOf : null,
            Equals(left.Function, right.Function) ? left.Function : null,
            Same(left.Axis, right.Axis),
            Same(left.Rank, right.Rank),
            left.Integer == right.Integer ? left.Integer : null,
            ModuleValue.Join(left.Module, right.Module),
            Equals(left.Elements, right.Elements) ? left.Elements : null,
            left.Made && right.Made);
    }

    /// <summary>Two different buffers joined: the value may be either, so a write through it may touch any buffer.</summary>
    private static object? JoinStorage(object? left, object? right) =>
        Equals(left, right) ? left : left is null && right is null ? null : Storages.Any;

    /// <summary>
    /// Equal domains survive. Max-subtracted only ever silences a finding, and element-wise loops that shift a buffer
    /// join a pass with no iteration; so a buffer max-subtracted on one path and unknown on the other counts as shifted.
    /// </summary>
    private static ValueDomain JoinDomain(ValueDomain left, ValueDomain right) =>
        left == right ? left
        : (left, right) is (ValueDomain.MaxSubtracted, ValueDomain.Unknown) or (ValueDomain.Unknown, ValueDomain.MaxSubtracted) ? ValueDomain.MaxSubtracted
        : ValueDomain.Unknown;

    private static int? Same(int? left, int? right) => left == right ? left : null;

    /// <summary>Both origins make the value's domain; the earlier in source order is named, so the join is deterministic.</summary>
    public static IOperation? EarlierOf(IOperation? left, IOperation? right)
    {
        if (left is null || right is null)
        {
            return left ?? right;
        }

        var byTree = string.CompareOrdinal(left.Syntax.SyntaxTree.FilePath, right.Syntax.SyntaxTree.FilePath);
        if (byTree != 0)
        {
            return byTree < 0 ? left : right;
        }

        return left.Syntax.SpanStart <= right.Syntax.SpanStart ? left : right;
    }
}

/// <summary>The constant <c>null</c>: <see cref="AbstractValue.Constant"/> is <c>null</c> when no constant is known.</summary>
internal sealed class NullConstant
{
    public static readonly NullConstant Instance = new();

    private NullConstant()
    {
    }

    public override string ToString() => "null";
}
