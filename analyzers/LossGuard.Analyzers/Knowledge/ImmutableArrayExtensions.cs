using System;
using System.Collections.Immutable;

namespace LossGuard.Analyzers.Knowledge;

internal static class ImmutableArrayExtensions
{
    public static void ForEach<T>(this ImmutableArray<T> items, Action<T> action)
    {
        foreach (var item in items)
        {
            action(item);
        }
    }
}
