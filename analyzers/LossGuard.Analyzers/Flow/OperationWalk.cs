using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>A question asked of every operation of a tree; <see cref="Visit"/> returns <c>false</c> once it is answered.</summary>
internal interface IOperationCheck
{
    bool Visit(IOperation operation);
}

/// <summary>
/// Visits every operation under a root (not the root itself), in no particular order, on an explicit stack: faster than
/// Roslyn's <c>Descendants()</c> iterator, and no recursion however deep the code nests.
/// </summary>
internal static class OperationWalk
{
    [ThreadStatic]
    private static Stack<IOperation>? spare;

    /// <returns>Whether the walk reached the end (the check never stopped it).</returns>
    public static bool All<TCheck>(IOperation root, ref TCheck check)
        where TCheck : struct, IOperationCheck
    {
        var pending = spare ?? new Stack<IOperation>();
        spare = null;
        try
        {
            Push(pending, root);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                if (!check.Visit(operation))
                {
                    return false;
                }

                Push(pending, operation);
            }

            return true;
        }
        finally
        {
            pending.Clear();
            spare = pending;
        }
    }

    private static void Push(Stack<IOperation> pending, IOperation parent)
    {
        foreach (var child in parent.ChildOperations)
        {
            pending.Push(child);
        }
    }
}
