using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// A forward dataflow over one control-flow graph: block states are joined (only what holds on every path) until
/// nothing changes; the facts of each block's last visit are the body's facts. Branches on a known constant follow
/// only the branch taken.
/// </summary>
internal sealed class GraphAnalysis
{
    private readonly DataflowEngine engine;
    private readonly ControlFlowGraph graph;
    private readonly FlowBody body;
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
        body = FlowBody.OfGraph(graph);
        this.entry = entry;
        this.depth = depth;
        this.budget = budget;
        this.untracked = untracked;
        this.recordFacts = recordFacts;
        hasFinally = HasFinally(graph.Root);
    }

    /// <summary>Whether any try in the body has a finally (Roslyn builds a branch's finally regions anew on each access).</summary>
    private readonly bool hasFinally;

    private static bool HasFinally(ControlFlowRegion region) =>
        region.Kind == ControlFlowRegionKind.Finally || region.NestedRegions.Any(HasFinally);

    /// <param name="Exit">The state when the body completes normally (what a constructor leaves in the fields).</param>
    public sealed record Result(AbstractValue Returned, ImmutableArray<CallFact> Calls, ImmutableArray<ReturnFact> Returns, FlowState Exit)
    {
        /// <summary>The result of a body's facts: what it returns is the join of every returned value (unknown without one).</summary>
        public static Result Of(ImmutableArray<CallFact> calls, ImmutableArray<ReturnFact> returns, FlowState? exit)
        {
            AbstractValue? returned = null;
            foreach (var fact in returns)
            {
                returned = returned is null ? fact.Value : AbstractValue.Join(returned, fact.Value);
            }

            return new Result(returned ?? AbstractValue.Unknown, calls, returns, exit ?? new FlowState());
        }
    }

    public Result Run()
    {
        var blocks = graph.Blocks;
        EngineBudget.CheckGraphSize(blocks.Length);
        var states = new FlowState?[blocks.Length];
        var visits = new BlockVisit?[blocks.Length];
        var pending = new Worklist(blocks.Length);
        var revisited = RevisitedBlocks(blocks);
        Seed(states, pending);
        while (pending.TakeLowest() is var ordinal && ordinal >= 0)
        {
            budget.VisitBlock();
            var visit = Visit(blocks[ordinal], revisited[ordinal] ? states[ordinal]!.Clone() : states[ordinal]!);
            visits[ordinal] = visit;
            for (var i = 0; i < visit.Successors.Count; i++)
            {
                var (destination, outgoing) = visit.Successors[i];
                Propagate(states, pending, destination, outgoing, shared: SharedLater(visit.Successors, i));
            }
        }

        return Collect(visits, states[states.Length - 1]);
    }

    /// <summary>
    /// The blocks whose state may be joined again after their visit, so that the visit must work on a copy: those a
    /// back edge jumps over (the lowest pending block is visited first, so nothing else reaches a block already
    /// visited), and the exit, whose state is the body's exit state.
    /// </summary>
    private static bool[] RevisitedBlocks(ImmutableArray<BasicBlock> blocks)
    {
        var revisited = new bool[blocks.Length];
        revisited[blocks.Length - 1] = true;
        foreach (var block in blocks)
        {
            MarkJumpedOver(revisited, block, block.ConditionalSuccessor?.Destination);
            MarkJumpedOver(revisited, block, block.FallThroughSuccessor?.Destination);
        }

        return revisited;
    }

    private static void MarkJumpedOver(bool[] revisited, BasicBlock source, BasicBlock? target)
    {
        for (var ordinal = target?.Ordinal ?? int.MaxValue; ordinal <= source.Ordinal; ordinal++)
        {
            revisited[ordinal] = true;
        }
    }

    /// <summary>
    /// What one visit of a block found. Each block's last visit starts from its final state (a later change would
    /// have queued it again), so the last visits' facts are the facts of the fixpoint.
    /// </summary>
    private sealed record BlockVisit(
        List<(BasicBlock Destination, FlowState State)> Successors, ImmutableArray<CallFact> Calls, ReturnFact? Return);

    private BlockVisit Visit(BasicBlock block, FlowState state)
    {
        var calls = recordFacts ? ImmutableArray.CreateBuilder<CallFact>() : null;
        var evaluator = new Evaluator(engine, body, state, depth, budget, untracked, calls);
        var successors = Successors(block, evaluator, state, out var returned);
        return new BlockVisit(successors, calls?.ToImmutable() ?? ImmutableArray<CallFact>.Empty, returned);
    }

    private static Result Collect(BlockVisit?[] visits, FlowState? exit)
    {
        var calls = ImmutableArray.CreateBuilder<CallFact>();
        var returns = ImmutableArray.CreateBuilder<ReturnFact>();
        foreach (var visit in visits)
        {
            if (visit is null)
            {
                continue;
            }

            calls.AddRange(visit.Calls);
            if (visit.Return is { } fact)
            {
                returns.Add(fact);
            }
        }

        return Result.Of(calls.ToImmutable(), returns.ToImmutable(), exit);
    }

    /// <summary>The entry, and every handler (catch, filter, finally) with nothing known: they run after any point of their try.</summary>
    private void Seed(FlowState?[] states, Worklist pending)
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

    private List<(BasicBlock Destination, FlowState State)> Successors(BasicBlock block, Evaluator evaluator, FlowState state, out ReturnFact? returned)
    {
        foreach (var operation in block.Operations)
        {
            evaluator.Evaluate(operation);
        }

        returned = null;
        var branch = block.BranchValue is { } value ? evaluator.Evaluate(value) : AbstractValue.Unknown;
        if (block.BranchValue is not null && block.ConditionKind == ControlFlowConditionKind.None
            && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
        {
            returned = new ReturnFact(branch);
        }

        var taken = block.ConditionKind == ControlFlowConditionKind.None || branch.Constant is not bool condition
            ? null
            : (bool?)(condition == (block.ConditionKind == ControlFlowConditionKind.WhenTrue));
        var edges = new List<ControlFlowBranch>(2);
        if (block.ConditionalSuccessor is { } conditional && taken != false)
        {
            edges.Add(conditional);
        }

        if (block.FallThroughSuccessor is { } fallThrough && (taken != true || block.ConditionalSuccessor is null))
        {
            edges.Add(fallThrough);
        }

        var successors = new List<(BasicBlock Destination, FlowState State)>(edges.Count);
        foreach (var edge in edges)
        {
            if (edge.Destination is { } destination)
            {
                successors.Add((destination, !hasFinally || edge.FinallyRegions.IsEmpty ? state : ThroughFinally(state, edge.FinallyRegions)));
            }
        }

        return successors;
    }

    /// <summary>A branch leaving a try runs its finally first: its effects (or their absence) are joined in.</summary>
    private FlowState ThroughFinally(FlowState state, ImmutableArray<ControlFlowRegion> finallyRegions)
    {
        var after = state.Clone();
        var evaluator = new Evaluator(engine, body, after, depth, budget, untracked, calls: null);
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

    private static bool SharedLater(List<(BasicBlock Destination, FlowState State)> successors, int index)
    {
        for (var later = index + 1; later < successors.Count; later++)
        {
            if (successors[later].State == successors[index].State)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Joins what reaches a block into its state, queueing it when that changed. A state no later successor shares is
    /// taken as it is: nothing writes to it after its block's visit.
    /// </summary>
    private static void Propagate(FlowState?[] states, Worklist pending, BasicBlock destination, FlowState outgoing, bool shared)
    {
        var ordinal = destination.Ordinal;
        if (states[ordinal] is not { } current)
        {
            states[ordinal] = shared ? outgoing.Clone() : outgoing;
            pending.Add(ordinal);
        }
        else if (current.JoinWith(outgoing))
        {
            pending.Add(ordinal);
        }
    }
}
