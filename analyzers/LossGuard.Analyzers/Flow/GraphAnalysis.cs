using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// A forward dataflow over one control-flow graph: block states are joined (only what holds on every path) until
/// nothing changes, then every reachable block is evaluated once more from its final state to record the facts.
/// Branches on a known constant follow only the branch taken.
/// </summary>
internal sealed class GraphAnalysis
{
    private readonly DataflowEngine engine;
    private readonly ControlFlowGraph graph;
    private readonly FlowState entry;
    private readonly int depth;
    private readonly EngineBudget budget;
    private readonly ISet<ISymbol> untracked;
    private readonly bool recordFacts;

    public GraphAnalysis(
        DataflowEngine engine, ControlFlowGraph graph, FlowState entry, int depth, EngineBudget budget, ISet<ISymbol> untracked, bool recordFacts)
    {
        this.engine = engine;
        this.graph = graph;
        this.entry = entry;
        this.depth = depth;
        this.budget = budget;
        this.untracked = untracked;
        this.recordFacts = recordFacts;
    }

    /// <param name="Exit">The state when the body completes normally (what a constructor leaves in the fields).</param>
    public sealed record Result(AbstractValue Returned, ImmutableArray<CallFact> Calls, ImmutableArray<ReturnFact> Returns, FlowState Exit);

    public Result Run()
    {
        var blocks = graph.Blocks;
        EngineBudget.CheckGraphSize(blocks.Length);
        var states = new FlowState?[blocks.Length];
        var pending = new SortedSet<int>();
        Seed(states, pending);
        while (pending.Count > 0)
        {
            var ordinal = pending.Min;
            pending.Remove(ordinal);
            budget.VisitBlock();
            var state = states[ordinal]!.Clone();
            var evaluator = new Evaluator(engine, graph, state, depth, budget, untracked, calls: null);
            foreach (var (destination, outgoing) in Successors(blocks[ordinal], evaluator, state))
            {
                Propagate(states, pending, destination, outgoing);
            }
        }

        return Record(states);
    }

    /// <summary>The entry, and every handler (catch, filter, finally) with nothing known: they run after any point of their try.</summary>
    private void Seed(FlowState?[] states, SortedSet<int> pending)
    {
        states[0] = entry;
        pending.Add(0);
        foreach (var region in Regions(graph.Root))
        {
            if (region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter or ControlFlowRegionKind.FilterAndHandler or ControlFlowRegionKind.Finally)
            {
                states[region.FirstBlockOrdinal] = new FlowState();
                pending.Add(region.FirstBlockOrdinal);
            }
        }
    }

    private static IEnumerable<ControlFlowRegion> Regions(ControlFlowRegion region) =>
        new[] { region }.Concat(region.NestedRegions.SelectMany(Regions));

    private Result Record(FlowState?[] states)
    {
        var calls = ImmutableArray.CreateBuilder<CallFact>();
        var returns = ImmutableArray.CreateBuilder<ReturnFact>();
        AbstractValue? returned = null;
        for (var ordinal = 0; ordinal < states.Length; ordinal++)
        {
            if (states[ordinal] is not { } start)
            {
                continue;
            }

            budget.VisitBlock();
            var block = graph.Blocks[ordinal];
            var state = start.Clone();
            var evaluator = new Evaluator(engine, graph, state, depth, budget, untracked, recordFacts ? calls : null);
            foreach (var operation in block.Operations)
            {
                evaluator.Evaluate(operation);
            }

            if (block.BranchValue is not { } value)
            {
                continue;
            }

            var result = evaluator.Evaluate(value);
            if (block.ConditionKind == ControlFlowConditionKind.None && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
            {
                returns.Add(new ReturnFact(value, result));
                returned = returned is null ? result : AbstractValue.Join(returned, result);
            }
        }

        return new Result(returned ?? AbstractValue.Unknown, calls.ToImmutable(), returns.ToImmutable(), states[states.Length - 1] ?? new FlowState());
    }

    private IEnumerable<(BasicBlock Destination, FlowState State)> Successors(BasicBlock block, Evaluator evaluator, FlowState state)
    {
        foreach (var operation in block.Operations)
        {
            evaluator.Evaluate(operation);
        }

        var branch = block.BranchValue is { } value ? evaluator.Evaluate(value) : AbstractValue.Unknown;
        var taken = block.ConditionKind == ControlFlowConditionKind.None || branch.Constant is not bool condition
            ? null
            : (bool?)(condition == (block.ConditionKind == ControlFlowConditionKind.WhenTrue));
        var edges = new List<ControlFlowBranch>();
        if (block.ConditionalSuccessor is { } conditional && taken != false)
        {
            edges.Add(conditional);
        }

        if (block.FallThroughSuccessor is { } fallThrough && (taken != true || block.ConditionalSuccessor is null))
        {
            edges.Add(fallThrough);
        }

        foreach (var edge in edges)
        {
            if (edge.Destination is { } destination)
            {
                yield return (destination, edge.FinallyRegions.IsEmpty ? state : ThroughFinally(state, edge.FinallyRegions));
            }
        }
    }

    /// <summary>A branch leaving a try runs its finally first: its effects (or their absence) are joined in.</summary>
    private FlowState ThroughFinally(FlowState state, ImmutableArray<ControlFlowRegion> finallyRegions)
    {
        var after = state.Clone();
        var evaluator = new Evaluator(engine, graph, after, depth, budget, untracked, calls: null);
        foreach (var region in finallyRegions)
        {
            for (var ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal; ordinal++)
            {
                budget.VisitBlock();
                var block = graph.Blocks[ordinal];
                foreach (var operation in block.Operations)
                {
                    evaluator.Evaluate(operation);
                }

                if (block.BranchValue is { } value)
                {
                    evaluator.Evaluate(value);
                }
            }
        }

        return FlowState.Join(state, after);
    }

    private static void Propagate(FlowState?[] states, SortedSet<int> pending, BasicBlock destination, FlowState outgoing)
    {
        var ordinal = destination.Ordinal;
        var current = states[ordinal];
        var joined = current is null ? outgoing.Clone() : FlowState.Join(current, outgoing);
        if (current is null || !joined.SameAs(current))
        {
            states[ordinal] = joined;
            pending.Add(ordinal);
        }
    }
}
