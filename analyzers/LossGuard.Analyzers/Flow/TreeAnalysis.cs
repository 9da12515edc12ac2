using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// The same forward dataflow as <see cref="GraphAnalysis"/>, walked on the operation tree of a body whose control flow
/// is structured (<see cref="StructuredCode"/>): a statement runs in the state its predecessor left, both arms of an
/// <c>if</c> are joined (only the arm taken, on a known constant), and nothing runs after a <c>return</c>. No
/// control-flow graph is built.
/// </summary>
internal sealed class TreeAnalysis
{
    private readonly DataflowEngine engine;
    private readonly IOperation root;
    private readonly int depth;
    private readonly EngineBudget budget;
    private readonly ISet<ISymbol> untracked;
    private readonly ImmutableArray<CallFact>.Builder? calls;
    private readonly ImmutableArray<ReturnFact>.Builder returns = ImmutableArray.CreateBuilder<ReturnFact>();
    private AbstractValue? returned;
    private FlowState? exit;

    /// <summary>The state where the walk is; <c>null</c> where no path reaches (after a <c>return</c>).</summary>
    private FlowState? state;

    public TreeAnalysis(
        DataflowEngine engine, IOperation root, FlowState entry, int depth, EngineBudget budget, ISet<ISymbol> untracked, bool recordFacts)
    {
        this.engine = engine;
        this.root = root;
        state = entry;
        this.depth = depth;
        this.budget = budget;
        this.untracked = untracked;
        calls = recordFacts ? ImmutableArray.CreateBuilder<CallFact>() : null;
    }

    public GraphAnalysis.Result Run()
    {
        budget.VisitBlock();
        switch (root)
        {
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
                Evaluator().Evaluate(property.Value);
                break;
        }

        Leave();
        return new GraphAnalysis.Result(
            returned ?? AbstractValue.Unknown,
            calls?.ToImmutable() ?? ImmutableArray<CallFact>.Empty,
            returns.ToImmutable(),
            exit ?? new FlowState());
    }

    private Evaluator Evaluator() => new(engine, null, state!, depth, budget, untracked, calls);

    private void Statement(IOperation? statement)
    {
        if (statement is null || state is null)
        {
            return;
        }

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
                break;
            case IVariableDeclarationGroupOperation group:
                Declare(group);
                break;
            case IReturnOperation @return:
                Return(@return.ReturnedValue);
                break;
            case IConditionalOperation conditional:
                If(conditional);
                break;
            case IEmptyOperation:
                break;
            default:
                Evaluator().Evaluate(statement);
                break;
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

    private void Return(IOperation? value)
    {
        if (value is not null)
        {
            var fact = new ReturnFact(value, Evaluator().Evaluate(value));
            returns.Add(fact);
            returned = returned is null ? fact.Value : AbstractValue.Join(returned, fact.Value);
        }

        Leave();
    }

    /// <summary>The current path reaches the end of the body: its state joins the exit state.</summary>
    private void Leave()
    {
        if (state is not null)
        {
            exit = exit is null ? state : FlowState.Join(exit, state);
            state = null;
        }
    }

    private void If(IConditionalOperation conditional)
    {
        var condition = Evaluator().Evaluate(conditional.Condition);
        budget.VisitBlock();
        if (condition.Constant is bool taken)
        {
            Statement(taken ? conditional.WhenTrue : conditional.WhenFalse);
            return;
        }

        var before = state!;
        state = before.Clone();
        Statement(conditional.WhenTrue);
        var afterTrue = state;
        state = before;
        Statement(conditional.WhenFalse);
        state = Joined(afterTrue, state);
    }

    private static FlowState? Joined(FlowState? left, FlowState? right)
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
}
