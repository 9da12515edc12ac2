using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace LossGuard.Analyzers.Flow;

/// <summary>An immutable list compared by its elements (array initializers, tuples, layers), so that values holding it reach a fixpoint.</summary>
internal sealed class ValueList<T> : IEquatable<ValueList<T>>
{
    public ValueList(IEnumerable<T> items) => Items = items.ToImmutableArray();

    public ImmutableArray<T> Items { get; }

    public bool Equals(ValueList<T>? other) => other is not null && Items.SequenceEqual(other.Items);

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode() => Items.Aggregate(17, (hash, item) => unchecked((hash * 31) + (item?.GetHashCode() ?? 0)));
}
