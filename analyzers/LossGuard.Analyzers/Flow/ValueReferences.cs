using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// The objects a value names (where it and its modules were made, its storage, the buffers it is the
/// maximum or an element of, a function), its elements', layers' and outputs' included: what a value taken from one
/// call site can carry into a summary's result.
/// </summary>
internal static class ValueReferences
{
    public static void Collect(AbstractValue value, ISet<object> into)
    {
        Add(value.Origin, into);
        Add(value.Storage, into);
        Add(value.MaxOf, into);
        Add(value.ElementOf, into);
        Add(value.Function?.Lambda, into);
        Collect(value.Module, into);
        if (value.Elements is { } elements)
        {
            foreach (var element in elements.Items)
            {
                Collect(element, into);
            }
        }
    }

    /// <summary>Whether <paramref name="value"/> names any of <paramref name="references"/>.</summary>
    public static bool NamesAny(AbstractValue value, ISet<object> references)
    {
        if (references.Count == 0)
        {
            return false;
        }

        var named = new HashSet<object>();
        Collect(value, named);
        return named.Overlaps(references);
    }

    /// <summary>
    /// Whether each argument's origin comes after every place <paramref name="result"/> names. A join keeps the earlier
    /// origin, so a result computed for other arguments, naming none of them, is also this call's only then.
    /// </summary>
    public static bool ComeAfterAllNamed(IEnumerable<AbstractValue> arguments, AbstractValue result)
    {
        HashSet<object>? named = null;
        foreach (var argument in arguments)
        {
            if (argument.Origin is not { } origin)
            {
                continue;
            }

            if (named is null)
            {
                named = new HashSet<object>();
                Collect(result, named);
            }

            foreach (var reference in named)
            {
                if (reference is IOperation place && !ComesAfter(origin, place))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The order <see cref="AbstractValue.EarlierOf"/> keeps, strictly: by file, then by position.</summary>
    private static bool ComesAfter(IOperation operation, IOperation other)
    {
        var byTree = string.CompareOrdinal(operation.Syntax.SyntaxTree.FilePath, other.Syntax.SyntaxTree.FilePath);
        return byTree != 0 ? byTree > 0 : operation.Syntax.SpanStart > other.Syntax.SpanStart;
    }

    private static void Collect(ModuleValue? module, ISet<object> into)
    {
        if (module is null)
        {
            return;
        }

        Add(module.Creation, into);
        Add(module.ActivationSite, into);
        Collect(module.CompiledLoss, into);
        if (module.Output is { } output)
        {
            Collect(output, into);
        }

        if (module.Layers is { } layers)
        {
            foreach (var layer in layers.Items)
            {
                Collect(layer, into);
            }
        }
    }

    private static void Add(object? reference, ISet<object> into)
    {
        if (reference is not null)
        {
            into.Add(reference);
        }
    }
}
