using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Which bodies <see cref="TreeAnalysis"/> evaluates on their operation tree: statements in sequence, <c>if</c>/<c>else</c>,
/// <c>for</c>, <c>foreach</c> (into a variable or a deconstruction), <c>while</c> and <c>do</c> loops with <c>break</c> and
/// <c>continue</c>, <c>return</c>, <c>throw</c> statements, and <c>using</c> statements and declarations of library types
/// (whose <c>Dispose</c> the engine knows nothing of, on a graph too); type tests and patterns, which a graph keeps as
/// written too; over expressions that Roslyn's control-flow graph keeps as written (deconstructions, <c>out var</c>,
/// ranges, <c>await</c>, <c>nameof</c> a type, collection expressions without spreads), that the evaluator splits and
/// joins itself (the conditional operator, <c>&amp;&amp;</c>, <c>||</c>, <c>??</c> of a reference, a <c>throw</c> as one
/// of their arms), or plain initializers of new objects and lists; lambdas and local functions whose bodies are
/// structured too. No other null-coalescing operator, no conditional-access operator, user-defined short-circuit
/// operator, <c>switch</c>, <c>try</c>, <c>goto</c>, other initializer or broken code: such a body is analysed on its
/// graph, and so is one with more branches than a graph may have blocks (each makes about two), which the graph's budget
/// then gives up.
/// </summary>
internal static class StructuredCode
{
    /// <param name="hasNestedFunctions">Whether a structured body holds lambdas or local functions.</param>
    public static bool IsStructured(IOperation root, out bool hasNestedFunctions)
    {
        var check = new Check();
        var structured = IsCandidate(root) && OperationWalk.All(root, ref check);
        hasNestedFunctions = structured && check.HasNestedFunctions;
        return structured;
    }

    /// <summary>Whether the root is a body the tree walk may follow, before its operations are checked.</summary>
    public static bool IsCandidate(IOperation root) => root switch
    {
        IMethodBodyOperation { BlockBody: not null, ExpressionBody: not null } => false,
        IMethodBodyOperation or IConstructorBodyOperation or IFieldInitializerOperation or IPropertyInitializerOperation => true,
        _ => false,
    };

    /// <summary>The check of each operation under a candidate root; stops at the first the tree walk cannot follow.</summary>
    public struct Check : IOperationCheck
    {
        private int branches;

        public bool HasNestedFunctions { get; private set; }

        public bool Visit(IOperation operation)
        {
            if (!IsFollowed(operation)
                || operation.Kind is OperationKind.Conditional or OperationKind.Loop && ++branches > EngineBudget.MaxBlocksPerGraph / 2)
            {
                return false;
            }

            HasNestedFunctions |= operation.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction;
            return true;
        }
    }

    private static bool IsFollowed(IOperation operation) => operation.Kind switch
    {
        OperationKind.Block or OperationKind.ExpressionStatement or OperationKind.Empty or OperationKind.AnonymousFunction or OperationKind.LocalFunction
            or OperationKind.VariableDeclarationGroup or OperationKind.VariableDeclaration or OperationKind.VariableDeclarator
            or OperationKind.VariableInitializer or OperationKind.Return => true,
        OperationKind.DeconstructionAssignment or OperationKind.DeclarationExpression or OperationKind.Discard or OperationKind.Range
            or OperationKind.Await => true,
        OperationKind.None => operation.Parent is INameOfOperation || IsPlainCollection(operation),
        OperationKind.ObjectOrCollectionInitializer => IsPlainInitializer((IObjectOrCollectionInitializerOperation)operation),
        OperationKind.Coalesce => operation is ICoalesceOperation { Value.Type.IsReferenceType: true, ValueConversion.IsIdentity: true },
        OperationKind.Conditional => operation.Syntax is IfStatementSyntax or ConditionalExpressionSyntax,
        OperationKind.Loop => operation is IForLoopOperation or IWhileLoopOperation { ConditionIsUntil: false, IgnoredCondition: null }
            or IForEachLoopOperation
            {
                IsAsynchronous: false, LoopControlVariable: IVariableDeclaratorOperation or IDeclarationExpressionOperation or ITupleOperation,
                NextVariables.IsEmpty: true,
            },
        OperationKind.Branch => ((IBranchOperation)operation).BranchKind is BranchKind.Break or BranchKind.Continue,
        OperationKind.Throw => operation.Syntax is ThrowStatementSyntax || IsArm(operation),
        OperationKind.IsType or OperationKind.IsPattern or OperationKind.ConstantPattern or OperationKind.DeclarationPattern
            or OperationKind.RecursivePattern or OperationKind.PropertySubpattern
            or OperationKind.TypePattern or OperationKind.RelationalPattern or OperationKind.NegatedPattern or OperationKind.BinaryPattern
            or OperationKind.DiscardPattern => true,
        OperationKind.Using => operation is IUsingOperation { IsAsynchronous: false } @using && DisposesLibraryTypes(@using.Resources),
        OperationKind.UsingDeclaration => operation is IUsingDeclarationOperation { IsAsynchronous: false } declaration
            && DisposesLibraryTypes(declaration.DeclarationGroup),
        OperationKind.BinaryOperator => operation is not IBinaryOperation
        {
            OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr, OperatorMethod: not null,
        },
        OperationKind.Invocation or OperationKind.Argument or OperationKind.LocalReference or OperationKind.ParameterReference
            or OperationKind.FieldReference or OperationKind.PropertyReference or OperationKind.ArrayElementReference
            or OperationKind.Literal or OperationKind.Conversion or OperationKind.UnaryOperator
            or OperationKind.SimpleAssignment or OperationKind.CompoundAssignment or OperationKind.Increment or OperationKind.Decrement
            or OperationKind.InstanceReference or OperationKind.ObjectCreation or OperationKind.ArrayCreation or OperationKind.ArrayInitializer
            or OperationKind.DefaultValue or OperationKind.TypeOf or OperationKind.NameOf or OperationKind.SizeOf
            or OperationKind.Tuple or OperationKind.DelegateCreation or OperationKind.MethodReference
            or OperationKind.InterpolatedString or OperationKind.Interpolation or OperationKind.InterpolatedStringText => true,
        _ => IsPlainCollection(operation),
    };

    /// <summary>
    /// An initializer of a new class instance that sets its own fields and properties (<c>new Options { Rate = r }</c>), or
    /// fills a new, empty list (<c>new List&lt;Module&gt; { a, b }</c>), whose elements the evaluator then knows as a graph's
    /// <c>Add</c> calls tell them. Nested, indexed and other collections' initializers are left to the graph.
    /// </summary>
    private static bool IsPlainInitializer(IObjectOrCollectionInitializerOperation initializer) =>
        initializer.Parent is IObjectCreationOperation { Type.IsReferenceType: true } creation
        && initializer.Initializers.All(item => item switch
        {
            IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add => IsNewObject(add.Instance)
                && creation.Arguments.IsEmpty && creation.Type is INamedTypeSymbol type && Collections.IsList(type),
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: false } property } => IsNewObject(property.Instance),
            ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } => IsNewObject(field.Instance),
            _ => false,
        });

    private static bool IsNewObject(IOperation? instance) =>
        instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver };

    /// <summary>
    /// A collection expression of plain elements (<c>[a, b]</c>), which the evaluator reads as a list of its elements on a
    /// tree and a graph alike. Its operation kind is newer than the Roslyn the analyzers build against (there it is <c>None</c>).
    /// </summary>
    private static bool IsPlainCollection(IOperation operation) =>
        operation.Syntax is CollectionExpressionSyntax collection && collection.Elements.All(element => element is ExpressionElementSyntax)
        && operation.ChildOperations.Count == collection.Elements.Count;

    /// <summary>A <c>throw</c> expression as an arm of <c>??</c> or of the conditional operator, which the evaluator splits itself.</summary>
    private static bool IsArm(IOperation thrown)
    {
        var arm = thrown.Parent is IConversionOperation { IsImplicit: true } conversion ? conversion : thrown;
        return arm.Parent is ICoalesceOperation coalesce && coalesce.WhenNull == arm
            || arm.Parent is IConditionalOperation { IsRef: false } conditional && conditional.Syntax is ConditionalExpressionSyntax
                && (conditional.WhenTrue == arm || conditional.WhenFalse == arm);
    }

    /// <summary>
    /// Whether every resource of a <c>using</c> has a library type: its <c>Dispose</c> runs nothing of the compilation.
    /// A type declared in the compilation may dispose by running its own code, which the graph's <c>finally</c> shows.
    /// </summary>
    private static bool DisposesLibraryTypes(IOperation resources)
    {
        if (resources is not IVariableDeclarationGroupOperation group)
        {
            return IsLibraryType(resources.Type);
        }

        foreach (var declaration in group.Declarations)
        {
            foreach (var declarator in declaration.Declarators)
            {
                if (!IsLibraryType(declarator.Symbol.Type))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsLibraryType(ITypeSymbol? type) =>
        type is { TypeKind: TypeKind.Class or TypeKind.Interface } && type.Locations.All(location => !location.IsInSource);
}
