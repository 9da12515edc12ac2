using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// The same forward dataflow as <see cref="GraphAnalysis"/>, walked on the operation tree of a body whose control flow
/// is structured (<see cref="StructuredCode"/>): a statement runs in the state its predecessor left, both arms of an
/// <c>if</c> are joined (only the arm taken, on a known constant), nothing runs after a <c>return</c>, <c>throw</c>,
/// <c>break</c> or <c>continue</c>, a <c>using</c> runs its resources then its body, and a loop's body runs until the state at its head stops changing, its facts those of the last
/// run (as a graph's are those of each block's last visit). A <c>foreach</c> is followed as Roslyn's graph lowers it
/// (<c>GetEnumerator</c>, then <c>MoveNext</c> and <c>Current</c> on each run). No control-flow graph is built.
/// </summary>
internal sealed partial class TreeAnalysis
{
    private readonly DataflowEngine engine;
    private readonly FlowBody body;
    private readonly int depth;
    private readonly EngineBudget budget;
    private readonly ISet<ISymbol> untracked;
    private readonly bool recordFacts;

    private readonly Stack<LoopExits> loops = new();
    private ImmutableArray<CallFact>.Builder? calls;
    private List<ReturnFact>? returns;
    private Evaluator? evaluator;
    private FlowState? exit;

    /// <summary>The state where the walk is; <c>null</c> where no path reaches (after a <c>return</c>).</summary>
    private FlowState? state;

    public TreeAnalysis(
        DataflowEngine engine, FlowBody body, FlowState entry, int depth, EngineBudget budget, ISet<ISymbol> untracked, bool recordFacts)
    {
        this.engine = engine;
        this.body = body;
        state = entry;
        this.depth = depth;
        this.budget = budget;
        this.untracked = untracked;
        this.recordFacts = recordFacts;
        calls = recordFacts ? ImmutableArray.CreateBuilder<CallFact>() : null;
    }

    /// <summary>The states that leave the innermost loop by <c>break</c>, and that go on to its next run by <c>continue</c>.</summary>
    private sealed class LoopExits
    {
        public FlowState? Break { get; set; }

        public FlowState? Continue { get; set; }
    }

    public GraphAnalysis.Result Run()
    {
        budget.VisitBlock();
        switch (body.Root)
        {
            case IAnonymousFunctionOperation lambda:
                Statement(lambda.Body);
                break;
            case ILocalFunctionOperation localFunction:
                Statement(localFunction.Body);
                break;
            case IMethodBodyOperation method:
                Statement(method.BlockBody ?? method.ExpressionBody);
                break;
            case IConstructorBodyOperation constructor:
                Statement(constructor.Initializer);
                Statement(constructor.BlockBody ?? constructor.ExpressionBody);
                break;
            case IFieldInitializerOperation field:
                var value = Evaluator().Evaluate(field.Value);
                foreach (var initialized in field.InitializedFields)
                {
                    Evaluator().Initialize(initialized, value);
                }

                break;
            case IPropertyInitializerOperation property:
                var initial = Evaluator().Evaluate(property.Value);
                foreach (var initialized in property.InitializedProperties)
                {
                    if (engine.IsAutoProperty(initialized))
                    {
                        Evaluator().Initialize(initialized, initial);
                    }
                }

                break;
        }

        Settle();
        Leave();
        return GraphAnalysis.Result.Of(
            calls?.ToImmutable() ?? ImmutableArray<CallFact>.Empty,
            returns?.ToImmutableArray() ?? ImmutableArray<ReturnFact>.Empty,
            exit);
    }

    /// <summary>The evaluator, on the current state and recording into the current facts.</summary>
    private Evaluator Evaluator()
    {
        if (evaluator is null)
        {
            return evaluator = new Evaluator(engine, body, state!, depth, budget, untracked, calls);
        }

        evaluator.Retarget(state!, calls);
        return evaluator;
    }

    private void Statement(IOperation? statement)
    {
        if (statement is null || state is null)
        {
            return;
        }

        EngineBudget.CheckStack();
        switch (statement)
        {
            case IBlockOperation block:
                foreach (var inner in block.Operations)
                {
                    Statement(inner);
                }

                break;
            case IExpressionStatementOperation expression:
                Evaluator().Evaluate(expression.Operation);
                Settle();
                break;
            case IVariableDeclarationGroupOperation group:
                Declare(group);
                Settle();
                break;
            case IReturnOperation @return:
                Return(@return.ReturnedValue);
                break;
            case IConditionalOperation conditional:
                If(conditional);
                break;
            case IForLoopOperation loop:
                Statements(loop.Before);
                var counted = Unrolled(loop);
                Loop(loop, loop.AtLoopBottom, conditionFirst: true);
                state = state is null ? null : counted ?? state;
                break;
            case IWhileLoopOperation loop:
                Loop(loop, ImmutableArray<IOperation>.Empty, loop.ConditionIsTop);
                break;
            case IForEachLoopOperation loop:
                Evaluator().BeginEnumeration(loop);
                Settle();
                var unrolled = Unrolled(loop);
                Loop(loop, ImmutableArray<IOperation>.Empty, conditionFirst: true);
                state = state is null ? null : unrolled ?? state;
                break;
            case IBranchOperation branch:
                Branch(branch);
                break;
            case IUsingOperation @using:
                Statement(@using.Resources);
                Statement(@using.Body);
                break;
            case IUsingDeclarationOperation declaration:
                Declare(declaration.DeclarationGroup);
                Settle();
                break;
            case IThrowOperation thrown:
                if (thrown.Exception is { } exception)
                {
                    Evaluator().Evaluate(exception);
                }

                state = null;
                break;
            case IEmptyOperation or ILocalFunctionOperation:
                break;
            default:
                Evaluator().Evaluate(statement);
                Settle();
                break;
        }
    }

    /// <summary>After an evaluation that no path leaves (every arm of a <c>??</c> or <c>?:</c> threw), nothing is reached.</summary>
    private void Settle()
    {
        if (evaluator?.TakeUnreached() == true)
        {
            state = null;
        }
    }

    private void Declare(IVariableDeclarationGroupOperation group)
    {
        var evaluator = Evaluator();
        foreach (var declaration in group.Declarations)
        {
            foreach (var declarator in declaration.Declarators)
            {
                if (declarator.Initializer is { } initializer)
                {
                    evaluator.Initialize(declarator.Symbol, evaluator.Evaluate(initializer.Value));
                }
            }
        }
    }

    private void Statements(ImmutableArray<IOperation> statements)
    {
        foreach (var statement in statements)
        {
            Statement(statement);
        }
    }

    private void Return(IOperation? value)
    {
        if (value is not null)
        {
            var returned = Evaluator().Evaluate(value);
            Settle();
            if (state is not null)
            {
                (returns ??= new List<ReturnFact>()).Add(new ReturnFact(returned));
            }
        }

        Leave();
    }

    private void Branch(IBranchOperation branch)
    {
        var target = loops.Peek();
        if (branch.BranchKind == BranchKind.Break)
        {
            target.Break = FlowState.Joined(target.Break, state);
        }
        else
        {
            target.Continue = FlowState.Joined(target.Continue, state);
        }

        state = null;
    }

    /// <summary>
    /// A loop: its head's state is the join of the state before it and the state at the end of each run, so the body
    /// runs again until that join changes nothing; only the last run's facts are kept. The state after it joins every
    /// run's exit where the condition is false, and every <c>break</c>.
    /// </summary>
    private void Loop(ILoopOperation loop, ImmutableArray<IOperation> atBottom, bool conditionFirst)
    {
        if (state is not { } head)
        {
            return;
        }

        var exits = new LoopExits();
        FlowState? after = null;
        var (outerCalls, outerReturns) = (calls, returns);
        var runCalls = recordFacts ? ImmutableArray.CreateBuilder<CallFact>() : null;
        while (true)
        {
            budget.VisitBlock();
            runCalls?.Clear();
            (calls, returns) = (runCalls, null);
            state = head.Clone();
            loops.Push(exits);
            if (conditionFirst)
            {
                after = Test(loop, after);
            }

            if (loop is IForEachLoopOperation each && state is not null)
            {
                var evaluator = Evaluator();
                if (each.LoopControlVariable is IVariableDeclaratorOperation variable)
                {
                    evaluator.Initialize(variable.Symbol, evaluator.Current(each));
                }
                else
                {
                    evaluator.AssignParts(each.LoopControlVariable, evaluator.Current(each), each.LoopControlVariable.Type);
                }
            }

            Statement(loop.Body);
            state = FlowState.Joined(state, exits.Continue);
            exits.Continue = null;
            Statements(atBottom);
            if (!conditionFirst)
            {
                after = Test(loop, after);
            }

            loops.Pop();
            if (state is null || !head.JoinWith(state))
            {
                break;
            }
        }

        outerCalls?.AddRange(calls!);
        if (returns is not null)
        {
            (outerReturns ??= new List<ReturnFact>()).AddRange(returns);
        }

        (calls, returns) = (outerCalls, outerReturns);
        state = FlowState.Joined(after, exits.Break);
    }

    /// <summary>
    /// A loop's condition (a <c>foreach</c>'s <c>MoveNext</c>): the state where it is false joins the exit; the walk
    /// goes on where it is true. A <c>for</c> without a condition never exits there.
    /// </summary>
    private FlowState? Test(ILoopOperation loop, FlowState? after)
    {
        if (state is null)
        {
            return after;
        }

        if (loop is IForEachLoopOperation each)
        {
            Evaluator().MoveNext(each);
            return FlowState.Joined(after, state.Clone());
        }

        if (((loop as IForLoopOperation)?.Condition ?? (loop as IWhileLoopOperation)?.Condition) is not { } condition)
        {
            return after;
        }

        var (whenTrue, whenFalse) = Evaluator().Split(condition);
        state = whenTrue;
        return FlowState.Joined(after, whenFalse);
    }

    /// <summary>The current path reaches the end of the body: its state joins the exit state.</summary>
    private void Leave()
    {
        if (state is not null)
        {
            exit = FlowState.Joined(exit, state);
            state = null;
        }
    }

    private void If(IConditionalOperation conditional)
    {
        var (whenTrue, whenFalse) = Evaluator().Split(conditional.Condition);
        budget.VisitBlock();
        state = whenTrue;
        Statement(conditional.WhenTrue);
        var afterTrue = state;
        state = whenFalse;
        Statement(conditional.WhenFalse);
        state = FlowState.Joined(afterTrue, state);
    }
}
