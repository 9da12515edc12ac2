using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// The abstract values of locals, parameters, fields and flow captures at one program point. A missing key is an
/// unknown value from elsewhere; the engine keeps only what it knows.
/// </summary>
internal sealed class FlowState
{
    private readonly Dictionary<object, AbstractValue> values;

    public FlowState()
        : this(new Dictionary<object, AbstractValue>(KeyComparer.Instance))
    {
    }

    private FlowState(Dictionary<object, AbstractValue> values) => this.values = values;

    public int Count => values.Count;

    public FlowState Clone() => new(new Dictionary<object, AbstractValue>(values, KeyComparer.Instance));

    public AbstractValue? Get(object key) => values.TryGetValue(key, out var value) ? value : null;

    public void Set(object key, AbstractValue value)
    {
        if (value.Equals(AbstractValue.Unknown))
        {
            values.Remove(key);
        }
        else
        {
            values[key] = value;
        }
    }

    /// <summary>A change to every value it applies to (a write through a buffer reaching its aliases).</summary>
    public interface IValueUpdate
    {
        bool AppliesTo(AbstractValue value);

        AbstractValue Update(AbstractValue value);
    }

    /// <summary>Every key whose value the update applies to gets the value it makes.</summary>
    public void UpdateWhere<TUpdate>(TUpdate update)
        where TUpdate : struct, IValueUpdate
    {
        List<KeyValuePair<object, AbstractValue>>? living = null;
        foreach (var entry in values)
        {
            if (update.AppliesTo(entry.Value))
            {
                (living ??= new List<KeyValuePair<object, AbstractValue>>()).Add(entry);
            }
        }

        if (living is not null)
        {
            foreach (var entry in living)
            {
                Set(entry.Key, update.Update(entry.Value));
            }
        }
    }

    /// <summary>Forgets fields and auto-properties: a call into code that may assign them.</summary>
    public void ForgetFields()
    {
        List<object>? fields = null;
        foreach (var key in values.Keys)
        {
            if (key is IFieldSymbol or IPropertySymbol)
            {
                (fields ??= new List<object>()).Add(key);
            }
        }

        foreach (var field in fields ?? Enumerable.Empty<object>())
        {
            values.Remove(field);
        }
    }

    /// <summary>
    /// The fields and auto-properties this state holds, joined into <paramref name="observed"/> (a member seen with two
    /// values keeps what they share; one seen once keeps its value).
    /// </summary>
    public FlowState MembersJoinedInto(FlowState? observed)
    {
        observed ??= new FlowState();
        foreach (var entry in values)
        {
            if (entry.Key is IFieldSymbol or IPropertySymbol)
            {
                observed.values[entry.Key] = observed.values.TryGetValue(entry.Key, out var seen) ? AbstractValue.Join(seen, entry.Value) : entry.Value;
            }
        }

        return observed;
    }

    /// <summary>Only the fields and auto-properties, each value as <paramref name="map"/> makes it: what a callee leaves in them.</summary>
    public FlowState MembersOnly(System.Func<AbstractValue, AbstractValue> map)
    {
        var members = new FlowState();
        foreach (var entry in values)
        {
            if (entry.Key is IFieldSymbol or IPropertySymbol)
            {
                members.values[entry.Key] = map(entry.Value);
            }
        }

        return members;
    }

    /// <summary>Only the fields the predicate keeps: what an object carries from its construction into its methods.</summary>
    public FlowState FieldsOnly(System.Func<IFieldSymbol, bool> keep)
    {
        var fields = new FlowState();
        foreach (var entry in values)
        {
            if (entry.Key is IFieldSymbol field && keep(field))
            {
                fields.values[entry.Key] = entry.Value;
            }
        }

        return fields;
    }

    /// <summary>Its values, and <paramref name="other"/>'s for the keys it does not hold.</summary>
    public FlowState FilledFrom(FlowState other)
    {
        var filled = Clone();
        foreach (var entry in other.values)
        {
            if (!filled.values.ContainsKey(entry.Key))
            {
                filled.values[entry.Key] = entry.Value;
            }
        }

        return filled;
    }

    /// <summary>The state that holds after either: keys both know, with the joined value.</summary>
    public static FlowState Join(FlowState left, FlowState right)
    {
        var joined = left.Clone();
        joined.JoinWith(right);
        return joined;
    }

    /// <summary>
    /// The join of two states where either may be unreached (<c>null</c>): <paramref name="left"/> becomes the join
    /// (and is returned) unless it is unreached.
    /// </summary>
    public static FlowState? Joined(FlowState? left, FlowState? right)
    {
        if (left is null)
        {
            return right;
        }

        if (right is not null)
        {
            left.JoinWith(right);
        }

        return left;
    }

    /// <summary>Whether both hold the same values for the same keys.</summary>
    public bool SameAs(FlowState other)
    {
        if (other.values.Count != values.Count)
        {
            return false;
        }

        foreach (var entry in values)
        {
            if (!other.values.TryGetValue(entry.Key, out var value) || !value.Equals(entry.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Its fields and auto-properties become those of <paramref name="other"/> (what a callee left in them); the rest stays.</summary>
    public void TakeMembersFrom(FlowState other)
    {
        ForgetFields();
        foreach (var entry in other.values)
        {
            if (entry.Key is IFieldSymbol or IPropertySymbol)
            {
                values[entry.Key] = entry.Value;
            }
        }
    }

    /// <summary>Holds what <paramref name="other"/> holds, and nothing else.</summary>
    public void CopyFrom(FlowState other)
    {
        values.Clear();
        foreach (var entry in other.values)
        {
            values[entry.Key] = entry.Value;
        }
    }

    /// <summary>Becomes the join of itself and <paramref name="other"/>; whether anything changed.</summary>
    public bool JoinWith(FlowState other)
    {
        List<KeyValuePair<object, AbstractValue>>? changes = null;
        foreach (var entry in values)
        {
            var joined = other.values.TryGetValue(entry.Key, out var value) ? AbstractValue.Join(entry.Value, value) : AbstractValue.Unknown;
            if (!joined.Equals(entry.Value))
            {
                (changes ??= new List<KeyValuePair<object, AbstractValue>>()).Add(new KeyValuePair<object, AbstractValue>(entry.Key, joined));
            }
        }

        if (changes is null)
        {
            return false;
        }

        foreach (var change in changes)
        {
            Set(change.Key, change.Value);
        }

        return true;
    }

    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public static readonly KeyComparer Instance = new();

        public new bool Equals(object? x, object? y) =>
            x is ISymbol left && y is ISymbol right ? SymbolEqualityComparer.Default.Equals(left, right) : object.Equals(x, y);

        public int GetHashCode(object obj) =>
            obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
    }
}
