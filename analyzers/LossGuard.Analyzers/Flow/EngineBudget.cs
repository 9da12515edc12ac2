using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace LossGuard.Analyzers.Flow;

/// <summary>Thrown when a body exceeds its budget; the engine catches it and reports nothing for that body.</summary>
internal sealed class BudgetExceededException : Exception
{
}

/// <summary>How much work one body (with every summary it asks for) may cost, and how deep calls are followed.</summary>
internal sealed class EngineBudget
{
    public const int DefaultMaxCallDepth = 3;
    public const int MaxBlocksPerGraph = 4000;
    public const int MaxBlockVisits = 40000;
    public const int MaxExpressionDepth = 256;

    private int visits;

    public EngineBudget(int maxCallDepth, CancellationToken cancellationToken)
    {
        MaxCallDepth = maxCallDepth;
        CancellationToken = cancellationToken;
    }

    public int MaxCallDepth { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// A run that reads what a member leaves in fields (<see cref="MemberValues"/>): a call into the compilation does
    /// not forget them, since a callee that assigns one is a writer of its own.
    /// </summary>
    public bool KeepsFields { get; init; }

    /// <summary>
    /// In a run that keeps fields: what each field or auto-property held at a call, where the callee (or code it calls
    /// back) may read it before a later assignment replaces it; joined over every call.
    /// </summary>
    public FlowState? Observed { get; private set; }

    /// <summary>Records what the members in <paramref name="state"/> hold at a call (runs that keep fields only).</summary>
    public void ObserveMembers(FlowState state)
    {
        if (KeepsFields)
        {
            Observed = state.MembersJoinedInto(Observed);
        }
    }

    /// <summary>The deepest call depth a body has been run at so far (what a summary used of the depth it was given).</summary>
    public int Deepest { get; private set; }

    /// <summary>How many calls were not followed for lack of depth so far (a summary that cut none holds for any deeper limit).</summary>
    public int Cuts { get; private set; }

    public void Reached(int depth) => Deepest = Math.Max(Deepest, depth);

    public void Cut() => Cuts++;

    /// <summary>Starts measuring a summary run at <paramref name="depth"/>: its own deepest depth, the caller's restored by <see cref="EndMeasure"/>.</summary>
    public (int Deepest, int Cuts) BeginMeasure(int depth)
    {
        var before = (Deepest, Cuts);
        Deepest = depth;
        return before;
    }

    /// <summary>Ends a measure: how many levels below <paramref name="depth"/> the run used, and whether it cut a call.</summary>
    public (int Used, bool Cut) EndMeasure((int Deepest, int Cuts) before, int depth)
    {
        var measured = (Deepest - depth, Cuts != before.Cuts);
        Deepest = Math.Max(before.Deepest, Deepest);
        return measured;
    }

    public void VisitBlock()
    {
        CancellationToken.ThrowIfCancellationRequested();
        TotalWork.Step();
        if (++visits > MaxBlockVisits)
        {
            throw new BudgetExceededException();
        }
    }

    /// <summary>Gives up a walk nested deeper than the thread's stack allows (statements nested thousands deep).</summary>
    public static void CheckStack()
    {
        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
        }
        catch (InsufficientExecutionStackException)
        {
            throw new BudgetExceededException();
        }
    }

    public static void CheckGraphSize(int blocks)
    {
        if (blocks > MaxBlocksPerGraph)
        {
            throw new BudgetExceededException();
        }
    }
}
