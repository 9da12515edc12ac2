using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Loops over a model's layers followed layer by layer: a <c>foreach</c> over a list whose elements are all known, and a
/// counted <c>for</c> whose counter indexes one (<c>for (var i = 1; i &lt; layers.Count; i++) x = layers[i].forward(x)</c>).
/// Each gives the state after running the body once per element, in order. Only for a body that leaves no other way
/// than its end; the loop's facts are still those of the ordinary walk, where the variable holds what any element
/// holds, so each call reports what holds for every element.
/// </summary>
internal sealed partial class TreeAnalysis
{
    /// <summary>The most runs of a loop's body followed one by one.</summary>
    private const int MaxUnrolled = 32;

    /// <summary>
    /// The state after a <c>foreach</c> over a <c>List</c> whose elements are known, or over an array field of the object
    /// that only its construction assigns and nothing else writes or hands on; <c>null</c> when it is not one.
    /// </summary>
    private FlowState? Unrolled(IForEachLoopOperation loop)
    {
        // Not any array: its elements can be written without the engine forgetting them; a struct's are its fields.
        var collection = Flow.Evaluator.Unconverted(loop.Collection);
        if (!engine.UnrollsLoops || state is not { } before
            || !(collection.Type is INamedTypeSymbol list && Collections.IsList(list) || IsConstructionArray(collection))
            || before.Get(loop) is not { Elements: { } elements } || elements.Items.Length > MaxUnrolled
            || loop.LoopControlVariable is not IVariableDeclaratorOperation variable
            || !LeavesOnlyAtEnd(loop.Body))
        {
            return null;
        }

        var (outerCalls, outerReturns) = (calls, returns);
        (calls, returns) = (null, null);
        state = before.Clone();
        foreach (var element in elements.Items)
        {
            budget.VisitBlock();
            Evaluator().Initialize(variable.Symbol, element);
            Statement(loop.Body);
            if (state is null)
            {
                break;
            }
        }

        var after = state;
        (state, calls, returns) = (before, outerCalls, outerReturns);
        return after;
    }

    private bool IsConstructionArray(IOperation collection) =>
        collection is IFieldReferenceOperation { Instance: IInstanceReferenceOperation, Field: { Type: IArrayTypeSymbol } field }
        && Collections.OnlyFilledByConstructors(field, budget.CancellationToken, assignedFromArguments: true);

    /// <summary>
    /// The state after a <c>for</c> whose counter indexes a list, starts at a known integer, goes up by one, is not
    /// written in the body, and is compared (<c>&lt;</c>, <c>&lt;=</c>) with a bound known at each run (a constant, a
    /// known list's <c>Count</c>); <c>null</c> when it is not one, or runs more than <see cref="MaxUnrolled"/> times.
    /// </summary>
    private FlowState? Unrolled(IForLoopOperation loop)
    {
        if (!engine.UnrollsLoops || state is not { } before
            || loop.Condition is not IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual, LeftOperand: ILocalReferenceOperation { Local: var counter } } condition
            || before.Get(counter)?.IntegerConstant is not int first
            || loop.AtLoopBottom.Length != 1 || !IncrementsByOne(loop.AtLoopBottom[0], counter)
            || !IndexesList(loop.Body, counter) || !LeavesOnlyAtEnd(loop.Body) || Writes(loop.Body, counter))
        {
            return null;
        }

        var (outerCalls, outerReturns) = (calls, returns);
        (calls, returns) = (null, null);
        state = before.Clone();
        FlowState? after = null;
        for (var index = first; index - first <= MaxUnrolled; index++)
        {
            Evaluator().Initialize(counter, AbstractValue.OfConstant(index));
            if (Evaluator().Evaluate(condition.RightOperand).IntegerConstant is not int bound)
            {
                break;
            }

            if (condition.OperatorKind == BinaryOperatorKind.LessThan ? index >= bound : index > bound)
            {
                after = state;
                break;
            }

            budget.VisitBlock();
            Statement(loop.Body);
            if (state is null)
            {
                break;
            }
        }

        (state, calls, returns) = (before, outerCalls, outerReturns);
        return after;
    }

    /// <summary>Whether the body reads a list's element at the counter (<c>layers[i]</c>): other counted loops (epochs, rows) gain nothing from runs one by one.</summary>
    private static bool IndexesList(IOperation body, ILocalSymbol counter) =>
        body.Descendants().Any(operation => operation is IPropertyReferenceOperation { Property.IsIndexer: true, Instance.Type: INamedTypeSymbol list } element
            && Collections.IsList(list) && element.Arguments.Length == 1 && element.Arguments[0].Value is ILocalReferenceOperation index
            && SymbolEqualityComparer.Default.Equals(index.Local, counter));

    private static bool LeavesOnlyAtEnd(IOperation body) =>
        !body.Descendants().Any(operation => operation is IBranchOperation or IReturnOperation or IThrowOperation);

    private static bool IncrementsByOne(IOperation step, ILocalSymbol counter) => (step is IExpressionStatementOperation statement ? statement.Operation : step) switch
    {
        IIncrementOrDecrementOperation { Kind: OperationKind.Increment, Target: ILocalReferenceOperation target } => SymbolEqualityComparer.Default.Equals(target.Local, counter),
        ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: ILocalReferenceOperation target, Value.ConstantValue: { HasValue: true, Value: 1 } } =>
            SymbolEqualityComparer.Default.Equals(target.Local, counter),
        _ => false,
    };

    /// <summary>Whether the body assigns the local, or hands it on by reference.</summary>
    private static bool Writes(IOperation body, ILocalSymbol local) =>
        body.Descendants().OfType<ILocalReferenceOperation>().Any(reference => SymbolEqualityComparer.Default.Equals(reference.Local, local) && reference.Parent switch
        {
            IAssignmentOperation assignment => assignment.Target == reference || assignment is ISimpleAssignmentOperation { IsRef: true },
            IIncrementOrDecrementOperation => true,
            IArgumentOperation argument => argument.Parameter?.RefKind is not (null or RefKind.None or RefKind.In),
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.IsRef: true } } => true,
            _ => IsDeconstructed(reference),
        });

    /// <summary>A variable among the targets of a deconstruction, however deeply its tuples nest.</summary>
    private static bool IsDeconstructed(IOperation reference)
    {
        var target = reference.Parent;
        while (target is ITupleOperation)
        {
            if (target.Parent is IDeconstructionAssignmentOperation deconstruction)
            {
                return deconstruction.Target == target;
            }

            target = target.Parent;
        }

        return false;
    }
}
