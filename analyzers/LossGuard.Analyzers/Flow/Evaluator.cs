using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// The transfer function: evaluates one operation of a body (in its graph, or on its tree) against the state, applying its effects
/// (assignments, buffer writes, forgetting what a call may change) and returning the abstract value it produces.
/// </summary>
internal sealed partial class Evaluator
{
    private readonly DataflowEngine engine;
    private readonly FlowBody body;
    private readonly ControlFlowGraph? graph;
    private readonly int depth;
    private readonly EngineBudget budget;
    private readonly ISet<ISymbol> untracked;
    private FlowState state;
    private ImmutableArray<CallFact>.Builder? calls;
    private int nesting;

    /// <summary>
    /// Nothing after the expression being evaluated is reached: every arm of a branching expression threw
    /// (<c>null ?? throw ...</c>). Later evaluations give nothing until the tree walk takes it (<see cref="TakeUnreached"/>).
    /// </summary>
    private bool unreached;

    public Evaluator(
        DataflowEngine engine, FlowBody body, FlowState state, int depth, EngineBudget budget, ISet<ISymbol> untracked,
        ImmutableArray<CallFact>.Builder? calls)
    {
        this.engine = engine;
        this.body = body;
        graph = body.Graph;
        this.state = state;
        this.depth = depth;
        this.budget = budget;
        this.untracked = untracked;
        this.calls = calls;
    }

    /// <summary>
    /// From now on works on <paramref name="current"/> and records into <paramref name="facts"/>: a tree walk moves
    /// between states (branch arms, runs of a loop) with one evaluator. Only between evaluations.
    /// </summary>
    public void Retarget(FlowState current, ImmutableArray<CallFact>.Builder? facts) => (state, calls) = (current, facts);

    /// <summary>Whether the evaluations since the last call reached a point no path goes on from; the walk's state is then unreached.</summary>
    public bool TakeUnreached()
    {
        var taken = unreached;
        unreached = false;
        return taken;
    }

    public AbstractValue Evaluate(IOperation operation)
    {
        if (unreached)
        {
            return AbstractValue.Unknown;
        }

        TotalWork.Step();
        if (++nesting > EngineBudget.MaxExpressionDepth)
        {
            throw new BudgetExceededException();
        }

        try
        {
            return MayBeConstant(operation.Kind) && operation.ConstantValue.HasValue ? Constant(operation) : Dispatch(operation);
        }
        finally
        {
            nesting--;
        }
    }

    /// <summary>Only these kinds of operation can have a constant value in C# (asking any operation costs on hot paths).</summary>
    private static bool MayBeConstant(OperationKind kind) => kind is OperationKind.Literal or OperationKind.FieldReference
        or OperationKind.LocalReference or OperationKind.Conversion or OperationKind.Binary or OperationKind.Unary
        or OperationKind.Conditional or OperationKind.DefaultValue or OperationKind.NameOf or OperationKind.SizeOf
        or OperationKind.InterpolatedString;

    private AbstractValue Dispatch(IOperation operation) => operation.Kind switch
    {
        OperationKind.LocalReference => Held(operation, Read(((ILocalReferenceOperation)operation).Local, null)),
        OperationKind.ParameterReference => Held(operation, Read(((IParameterReferenceOperation)operation).Parameter, ((IParameterReferenceOperation)operation).Parameter)),
        OperationKind.FieldReference => Held(operation, Field((IFieldReferenceOperation)operation)),
        OperationKind.FlowCaptureReference => state.Get(((IFlowCaptureReferenceOperation)operation).Id) ?? AbstractValue.Unknown,
        OperationKind.FlowCapture => Capture((IFlowCaptureOperation)operation),
        OperationKind.Conversion => Convert((IConversionOperation)operation),
        OperationKind.SimpleAssignment => Assign((ISimpleAssignmentOperation)operation),
        OperationKind.CompoundAssignment => Overwrite(((ICompoundAssignmentOperation)operation).Target, ((ICompoundAssignmentOperation)operation).Value),
        OperationKind.Increment or OperationKind.Decrement => Overwrite(((IIncrementOrDecrementOperation)operation).Target, null),
        OperationKind.DeconstructionAssignment => Deconstruct((IDeconstructionAssignmentOperation)operation),
        OperationKind.Invocation => Invoke((IInvocationOperation)operation),
        OperationKind.ObjectCreation => Create((IObjectCreationOperation)operation),
        OperationKind.ArrayElementReference => Element(Evaluate(((IArrayElementReferenceOperation)operation).ArrayReference), ((IArrayElementReferenceOperation)operation).Indices),
        OperationKind.PropertyReference => Property((IPropertyReferenceOperation)operation),
        OperationKind.ArrayCreation => Allocate((IArrayCreationOperation)operation),
        OperationKind.Tuple => Tuple((ITupleOperation)operation),
        OperationKind.FlowAnonymousFunction => new AbstractValue(ValueDomain.Unknown, Function: new FunctionValue((IFlowAnonymousFunctionOperation)operation, graph, null)),
        OperationKind.AnonymousFunction => new AbstractValue(ValueDomain.Unknown, Function: new FunctionValue((IAnonymousFunctionOperation)operation, null, null)),
        OperationKind.DelegateCreation => Evaluate(((IDelegateCreationOperation)operation).Target),
        OperationKind.MethodReference => MethodGroup((IMethodReferenceOperation)operation),
        OperationKind.Binary => operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr, OperatorMethod: null } logical
            ? ShortCircuit(logical)
            : Binary((IBinaryOperation)operation),
        OperationKind.Conditional => Choose((IConditionalOperation)operation),
        OperationKind.Coalesce => Coalesce((ICoalesceOperation)operation),
        OperationKind.Unary => Unary((IUnaryOperation)operation),
        OperationKind.IsNull => IsNull((IIsNullOperation)operation),
        OperationKind.IsPattern => Match((IIsPatternOperation)operation),
        _ => Other(operation),
    };

    /// <summary>A graph's null check (of <c>??</c>, <c>??=</c>, <c>?.</c>): decided when the operand is known to be null or not.</summary>
    private AbstractValue IsNull(IIsNullOperation check)
    {
        var operand = Evaluate(check.Operand);
        return operand.IsNull ? AbstractValue.OfConstant(true) : operand.IsNotNull ? AbstractValue.OfConstant(false) : AbstractValue.Unknown;
    }

    /// <summary>A compile-time constant; an element-type enum constant (<c>ScalarType.Int64</c>) also says whether it is an integer type.</summary>
    private AbstractValue Constant(IOperation operation)
    {
        var value = operation.ConstantValue.Value is null && operation.Type is { IsReferenceType: true }
            ? AbstractValue.Null
            : AbstractValue.OfConstant(operation.ConstantValue.Value);
        return operation.Type?.TypeKind == TypeKind.Enum
            && engine.Knowledge.IsIntegerDType(operation.Type, value.IntegerConstantOrEnum) is { } integer
                ? value with { Integer = integer }
                : value;
    }

    /// <summary>
    /// Conversions keep the value; an array of integers converted to a tensor type is class-index labels. The operand is
    /// checked first: the tensor check walks base types, which Roslyn substitutes anew for each generic type it binds.
    /// </summary>
    private AbstractValue Convert(IConversionOperation conversion)
    {
        var value = Evaluate(conversion.Operand);
        if (value.Domain == ValueDomain.Unknown && IsIntegerArray(conversion.Operand) && engine.Knowledge.IsLabelTensorType(conversion.Type))
        {
            return Labels(conversion);
        }

        // 'as' gives null where the type differs, and a conversion operator may too.
        if (value.Made && (conversion.IsTryCast || conversion.OperatorMethod is not null))
        {
            value = value with { Made = false };
        }

        // A struct's fields and a tuple's elements are known by position: they carry over only to the same type (a
        // tuple's element names aside), never through a conversion operator, which may build the value anew.
        return value.Elements is not null && conversion.Type is { TypeKind: TypeKind.Struct }
            && (conversion.OperatorMethod is not null || !SymbolEqualityComparer.Default.Equals(Unnamed(conversion.Type), Unnamed(conversion.Operand.Type)))
                ? value with { Elements = null }
                : value;
    }

    /// <summary>A tuple type without its element names; any other type as it is.</summary>
    private static ITypeSymbol? Unnamed(ITypeSymbol? type) => (type as INamedTypeSymbol)?.TupleUnderlyingType ?? type;

    /// <summary>A variable's value; unknown, a local may hold any buffer and a parameter holds the caller's (<paramref name="external"/>).</summary>
    /// <summary>
    /// A list's elements are known only while one variable holds it: read anywhere else than in place (its own methods,
    /// <c>Count</c>, an element, a <c>foreach</c>, a call's argument, which the call forgets), it may be changed
    /// through another reference, so its holder forgets them.
    /// </summary>
    private AbstractValue Held(IOperation reference, AbstractValue value)
    {
        if (value.Elements is null || reference.Type is not INamedTypeSymbol type || !Collections.IsList(type) || !Collections.Escapes(reference))
        {
            return value;
        }

        var forgotten = value with { Elements = null };
        SetHolder(reference, forgotten);
        return forgotten;
    }

    private AbstractValue Read(ISymbol symbol, IParameterSymbol? external)
    {
        if (untracked.Contains(symbol) || engine.RefAliased(body.Root).Contains(symbol))
        {
            return AbstractValue.AnyBuffer;
        }

        var value = state.Get(symbol) ?? (external is null ? AbstractValue.AnyBuffer : engine.External(external));
        if (value.Made && symbol is IParameterSymbol { RefKind: not RefKind.None })
        {
            value = value with { Made = false };
        }

        // A struct variable that the member changes in place may no longer hold what its fields were (StructFields).
        // So may one passed by reference, whose storage the caller or another alias may change meanwhile, and a
        // carrier whose tensors an alias may change (CarrierMentions).
        var type = (symbol as ILocalSymbol)?.Type ?? (symbol as IParameterSymbol)?.Type;
        if (value.Elements is not null && type is { TypeKind: TypeKind.Class } && engine.EscapingCarriers(body.Root).Contains(symbol))
        {
            return value with { Elements = null };
        }

        return value.Elements is not null && type is { TypeKind: TypeKind.Struct }
            && (symbol is IParameterSymbol { RefKind: not RefKind.None } || engine.StructsChangedInPlace(body.Root).Contains(symbol))
                ? value with { Elements = null }
                : value;
    }

    /// <summary>
    /// A field's value; a struct held in a field carries no fields of its own (<see cref="StructFields"/>): any method may
    /// change it in place.
    /// </summary>
    private AbstractValue Field(IFieldReferenceOperation reference)
    {
        var value = FieldValue(reference);
        return value.Elements is not null && reference.Field.Type.TypeKind == TypeKind.Struct && !reference.Field.Type.IsTupleType
            && reference.Instance is not (ILocalReferenceOperation or IParameterReferenceOperation or IInvocationOperation or IObjectCreationOperation)
                ? value with { Elements = null }
                : value;
    }

    private AbstractValue FieldValue(IFieldReferenceOperation reference)
    {
        var holder = reference.Instance is { } instance ? Evaluate(instance) : null;
        var field = reference.Field;
        if (!IsOwnField(reference))
        {
            return StructField(reference, holder)
                ?? engine.MemberValue(field, reference.Instance?.Type, budget.CancellationToken)
                ?? engine.External(field);
        }

        // Only a field that its constructors alone set keeps being made: any other may be cleared by code the engine does not
        // see run between (a method, a write through a reference, another task across an await).
        if (state.Get(field) is { } held)
        {
            return held.Made && !engine.SetOnlyByConstruction(field, budget.CancellationToken) ? held with { Made = false } : held;
        }

        return (engine.ConstantOf(field, budget.CancellationToken) is { } constant ? AbstractValue.OfConstant(constant) : null)
            ?? engine.MemberValue(field, reference.Instance?.Type, budget.CancellationToken)
            ?? engine.External(field);
    }

    /// <summary>
    /// A field of a followed struct (<see cref="StructFields"/>) or an element of a tuple (<c>o.Item1</c>, a named
    /// element) read from a value that knows its fields: a call's or a creation's result, or a variable.
    /// </summary>
    private AbstractValue? StructField(IFieldReferenceOperation reference, AbstractValue? holder) =>
        HeldElement(reference.Instance, reference.Field, holder);

    /// <summary>A field of a followed type read from <paramref name="instance"/>, whose value is <paramref name="holder"/>.</summary>
    private AbstractValue? HeldElement(IOperation? instance, IFieldSymbol field, AbstractValue? holder)
    {
        if (holder?.Elements is not { } elements
            || StructFields.ElementIndex(field, engine.Compilation) is var index && (index < 0 || index >= elements.Items.Length))
        {
            return null;
        }

        // A variable's value has no fields when the member changes it in place (Read); a field's value may be stale.
        return instance is IInvocationOperation or IObjectCreationOperation or ILocalReferenceOperation or IParameterReferenceOperation
            ? elements.Items[index]
            : null;
    }

    private static bool IsOwnField(IFieldReferenceOperation reference) =>
        reference.Field.IsStatic || IsThis(reference.Instance);

    /// <summary>An auto-property of this object (or a static one): the engine keeps its value like a field's.</summary>
    private bool IsOwnAutoProperty(IPropertyReferenceOperation reference) =>
        (reference.Property.IsStatic || IsThis(reference.Instance)) && engine.IsAutoProperty(reference.Property);

    /// <summary><c>this</c>, written or implicit; not the object an initializer sets up, nor a pattern's input.</summary>
    private static bool IsThis(IOperation? instance) =>
        instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    private AbstractValue Capture(IFlowCaptureOperation capture)
    {
        var value = Evaluate(capture.Value);
        state.Set(capture.Id, value);
        return value;
    }

    private AbstractValue Assign(ISimpleAssignmentOperation assignment)
    {
        var value = Evaluate(assignment.Value);
        Store(assignment.Target, value);
        return value;
    }

    /// <summary>
    /// A conditional expression, met only on a tree walk (a graph has it as branches): each arm runs in the state where
    /// the condition is true or false, then states and values are joined; only the arm taken on a known constant.
    /// </summary>
    private AbstractValue Choose(IConditionalOperation conditional)
    {
        var (whenTrue, whenFalse) = Split(conditional.Condition);
        var value = Arm(conditional.WhenTrue, ref whenTrue, null);
        value = Arm(conditional.WhenFalse!, ref whenFalse, value);
        return Joined(whenTrue, whenFalse, value);
    }

    /// <summary>The state after a branching expression joins its arms' states; none reached leaves nothing reached after it.</summary>
    private AbstractValue Joined(FlowState? left, FlowState? right, AbstractValue? value)
    {
        if (left is null && right is null)
        {
            unreached = true;
            return AbstractValue.Unknown;
        }

        Become(left, right);
        return value ?? AbstractValue.Unknown;
    }

    /// <summary>
    /// One arm of a branching expression, on its state (<c>null</c> where unreached), joined into <paramref name="value"/>;
    /// an arm that throws (<c>?? throw ...</c>) gives no value and leaves its state unreached.
    /// </summary>
    private AbstractValue? Arm(IOperation arm, ref FlowState? armState, AbstractValue? value)
    {
        if (armState is null)
        {
            return value;
        }

        budget.VisitBlock();
        var evaluator = On(armState);
        if ((arm is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : arm) is IThrowOperation thrown)
        {
            if (thrown.Exception is { } exception)
            {
                evaluator.Evaluate(exception);
            }

            evaluator.TakeUnreached();
            armState = null;
            return value;
        }

        var result = evaluator.Evaluate(arm);
        if (evaluator.TakeUnreached())
        {
            armState = null;
            return value;
        }

        return value is null ? result : JoinedAsStates(value, result);
    }

    /// <summary>Two arms' values met as a graph's states meet them: a value unknown on one side is not kept in a state, so it is unknown.</summary>
    private static AbstractValue JoinedAsStates(AbstractValue left, AbstractValue right) =>
        left.Equals(AbstractValue.Unknown) || right.Equals(AbstractValue.Unknown) ? AbstractValue.Unknown : AbstractValue.Join(left, right);

    /// <summary>
    /// <c>a ?? b</c> of a reference, met only on a tree walk (a graph branches on the null check): <c>b</c> runs only
    /// where <c>a</c> may be null, and the value joins both unless the check is decided.
    /// </summary>
    private AbstractValue Coalesce(ICoalesceOperation coalesce)
    {
        var value = Evaluate(coalesce.Value);
        if (value.IsNotNull)
        {
            return value;
        }

        FlowState? whenNull = value.IsNull ? state : state.Clone();
        var whenNotNull = value.IsNull ? null : state;
        var result = Arm(coalesce.WhenNull, ref whenNull, value.IsNull ? null : value);
        return Joined(whenNotNull, whenNull, result);
    }

    /// <summary>
    /// <c>a &amp;&amp; b</c> or <c>a || b</c> as a value, met only on a tree walk: the right operand runs only where the
    /// left one did not decide; the value is the right operand's, joined with the deciding constant where it decided.
    /// </summary>
    private AbstractValue ShortCircuit(IBinaryOperation logical)
    {
        var isAnd = logical.OperatorKind == BinaryOperatorKind.ConditionalAnd;
        var (leftTrue, leftFalse) = Split(logical.LeftOperand);
        var (undecided, decided) = isAnd ? (leftTrue, leftFalse) : (leftFalse, leftTrue);
        AbstractValue? value = decided is null ? null : AbstractValue.OfConstant(!isAnd);
        value = Arm(logical.RightOperand, ref undecided, value);
        return Joined(decided, undecided, value);
    }

    /// <summary>
    /// A condition evaluated as a graph branches on it: the states where it is true and where it is false. The right
    /// operand of <c>&amp;&amp;</c> or <c>||</c> runs only where the left one did not decide, <c>!</c> swaps the two,
    /// and a known constant leaves the other unreached (<c>null</c>). One of them may be this evaluator's state.
    /// </summary>
    public (FlowState? WhenTrue, FlowState? WhenFalse) Split(IOperation condition)
    {
        EngineBudget.CheckStack();
        if (!condition.ConstantValue.HasValue)
        {
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not:
                    var (operandTrue, operandFalse) = Split(not.Operand);
                    return (operandFalse, operandTrue);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr, OperatorMethod: null } logical:
                    var isAnd = logical.OperatorKind == BinaryOperatorKind.ConditionalAnd;
                    var (leftTrue, leftFalse) = Split(logical.LeftOperand);
                    if ((isAnd ? leftTrue : leftFalse) is not { } undecided)
                    {
                        return (leftTrue, leftFalse);
                    }

                    budget.VisitBlock();
                    var (rightTrue, rightFalse) = On(undecided).Split(logical.RightOperand);
                    return isAnd ? (rightTrue, FlowState.Joined(leftFalse, rightFalse)) : (FlowState.Joined(leftTrue, rightTrue), rightFalse);
            }
        }

        var constant = Evaluate(condition).Constant;
        if (TakeUnreached())
        {
            return (null, null);
        }

        return constant switch
        {
            true => (state, null),
            false => (null, state),
            _ => (state, state.Clone()),
        };
    }

    /// <summary>An evaluator of the same body on another state (an arm of a branch).</summary>
    private Evaluator On(FlowState other) =>
        ReferenceEquals(other, state) ? this : new Evaluator(engine, body, other, depth, budget, untracked, calls) { nesting = nesting };

    /// <summary>This evaluator's state becomes the join of the two arms' states (either may be it, or unreached).</summary>
    private void Become(FlowState? left, FlowState? right)
    {
        if (FlowState.Joined(left, right) is { } joined && !ReferenceEquals(joined, state))
        {
            state.CopyFrom(joined);
        }
    }

    private void Store(IOperation target, AbstractValue value)
    {
        switch (target)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation:
            case IFieldReferenceOperation field when IsOwnField(field):
                if (target is IFieldReferenceOperation { Instance: { } instance })
                {
                    Evaluate(instance);
                }

                SetSymbol(Symbol(target)!, value);
                break;
            case IArrayElementReferenceOperation element:
                var array = Evaluate(element.ArrayReference);
                EvaluateAll(element.Indices);
                WriteElement(element.ArrayReference, array, value);
                break;
            case IFlowCaptureReferenceOperation when CapturedVariable(target) is { } variable:
                SetSymbol(variable, value);
                break;
            case IPropertyReferenceOperation property when IsOwnAutoProperty(property):
                if (property.Instance is { } owner)
                {
                    Evaluate(owner);
                }

                SetSymbol(property.Property, value);
                break;
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } receiver } indexer when BufferViews.IsBuffer(receiver.Type):
                var span = Evaluate(receiver);
                EvaluateAll(indexer.Arguments.Select(argument => argument.Value));
                WriteElement(receiver, span, value);
                break;
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } receiver } indexer:
                var collection = Evaluate(receiver);
                EvaluateAll(indexer.Arguments.Select(argument => argument.Value));
                ForgetElements(receiver, collection);
                if (IsTensorValued(receiver.Type))
                {
                    // A tensor written through its indexer (t[..] = x, t[0] = y) is changed in place.
                    ChangedInPlace(receiver, collection);
                }

                break;
            default:
                Evaluate(target);
                break;
        }
    }

    /// <summary>A write of one element: a max-subtracted element (in a loop, every element) keeps the buffer safe to exponentiate; anything else forgets its domain.</summary>
    private void WriteElement(IOperation bufferExpression, AbstractValue buffer, AbstractValue element) =>
        WriteBuffer(
            bufferExpression,
            buffer with { Partial = false },
            element.Domain == ValueDomain.MaxSubtracted ? new AbstractValue(ValueDomain.MaxSubtracted) : null);

    private AbstractValue Overwrite(IOperation target, IOperation? value)
    {
        if (value is not null)
        {
            Evaluate(value);
        }

        if (target is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true })
        {
            Store(target, AbstractValue.Unknown);
        }
        else if ((Symbol(target) ?? CapturedVariable(target)) is { } symbol)
        {
            SetSymbol(symbol, AbstractValue.Unknown);
        }

        return AbstractValue.Unknown;
    }

    /// <summary>
    /// A tuple deconstructed into variables: each takes its element's value (<c>var (probs, value) = Evaluate(s)</c>);
    /// anything else is deconstructed by a <c>Deconstruct</c> method, in whatever order it chooses.
    /// </summary>
    private AbstractValue Deconstruct(IDeconstructionAssignmentOperation deconstruction)
    {
        var value = Evaluate(deconstruction.Value);
        AssignParts(deconstruction.Target, value, deconstruction.Value.Type);
        return value;
    }

    /// <summary>Each variable of a deconstruction (<c>(a, b)</c>, <c>var (a, b)</c>) takes its part of the value.</summary>
    public void AssignParts(IOperation target, AbstractValue value, ITypeSymbol? type)
    {
        switch (target)
        {
            case IDeclarationExpressionOperation declaration:
                AssignParts(declaration.Expression, value, type);
                break;
            case ITupleOperation tuple:
                var tupleType = type as INamedTypeSymbol is { IsTupleType: true } named && named.TupleElements.Length == tuple.Elements.Length ? named : null;
                var parts = tupleType is not null && value.Elements?.Items is { } items && items.Length == tuple.Elements.Length ? items : default;
                for (var i = 0; i < tuple.Elements.Length; i++)
                {
                    AssignParts(tuple.Elements[i], parts.IsDefault ? AbstractValue.Unknown : parts[i], tupleType?.TupleElements[i].Type);
                }

                break;
            default:
                if (Symbol(target) is { } symbol)
                {
                    SetSymbol(symbol, value);
                }
                else
                {
                    Store(target, AbstractValue.Unknown);
                }

                break;
        }
    }

    /// <summary>A declared local (or an initialised field) starts with its initializer's value.</summary>
    public void Initialize(ISymbol symbol, AbstractValue value) => SetSymbol(symbol, value);

    /// <summary>
    /// The variable a flow capture holds as the target of a write: a graph spills the target of a write whose value
    /// branches (<c>count += wide ? 3 : 1</c>) into a capture, and writing the capture writes the variable. Such
    /// writes are rare, so the graph is searched when one happens.
    /// </summary>
    private ISymbol? CapturedVariable(IOperation target) =>
        target is IFlowCaptureReferenceOperation reference && CapturedValue(reference) is { } captured ? Symbol(captured) : null;

    /// <summary>The operation a graph's flow capture holds, when every capture of it holds the same variable or field.</summary>
    private IOperation? CapturedValue(IFlowCaptureReferenceOperation reference)
    {
        if (graph is null)
        {
            return null;
        }

        IOperation? value = null;
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                if (operation is IFlowCaptureOperation capture && capture.Id.Equals(reference.Id))
                {
                    if (value is not null && !SameTarget(value, capture.Value))
                    {
                        return null;
                    }

                    value = capture.Value;
                }
            }
        }

        return value;
    }

    /// <summary>Two captured operations name the same variable, or the same field of the same variable.</summary>
    private bool SameTarget(IOperation left, IOperation right) => (left, right) switch
    {
        (IFieldReferenceOperation a, IFieldReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Field, b.Field)
            && a.Instance is { } x && b.Instance is { } y && SameTarget(x, y),
        _ => Symbol(left) is { } symbol && SymbolEqualityComparer.Default.Equals(symbol, Symbol(right)),
    };

    private void SetSymbol(ISymbol symbol, AbstractValue value)
    {
        if (!untracked.Contains(symbol))
        {
            state.Set(symbol, value);
        }
    }

    private ISymbol? Symbol(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field when IsOwnField(field) => field.Field,
        IPropertyReferenceOperation property when IsOwnAutoProperty(property) => property.Property,
        _ => null,
    };

    private AbstractValue Element(AbstractValue buffer, ImmutableArray<IOperation> indices)
    {
        EvaluateAll(indices);
        return ElementOf(buffer);
    }

    private static AbstractValue ElementOf(AbstractValue buffer) => new(
        buffer.Domain,
        buffer.Origin,
        buffer.Classes,
        ElementOf: buffer.Storage is IOperation or ExternalStorage ? buffer.Storage : null);

    private AbstractValue Property(IPropertyReferenceOperation property)
    {
        var instance = property.Instance is null ? null : Evaluate(property.Instance);
        if (instance?.Elements is not null && CarrierClasses.BackingField(property.Property) is { } backing
            && HeldElement(property.Instance, backing, instance) is { } carried)
        {
            return carried;
        }

        if (!property.Property.IsIndexer && engine.IsAutoProperty(property.Property))
        {
            return (IsOwnAutoProperty(property) ? state.Get(property.Property) is { } held ? held with { Made = false } : null : null)
                ?? engine.MemberValue(property.Property, property.Instance?.Type, budget.CancellationToken)
                ?? AbstractValue.Unknown;
        }

        var index = property.Arguments.Length == 1 ? Evaluate(property.Arguments[0].Value) : null;
        if (index is null)
        {
            EvaluateAll(property.Arguments.Select(argument => argument.Value));
        }

        if (NullableMember(property, instance) is { } member)
        {
            return member;
        }

        if (Collections.Read(property.Property, instance, index) is { } listed)
        {
            return listed with { Made = false };
        }

        if (engine.Knowledge.ActivationNameOf(property.Property) is { } activation)
        {
            return AbstractValue.OfConstant(activation);
        }

        if (instance is not null && property.Property.GetMethod is { } getter && engine.Target(getter).Known.Transform is { Kind: TransformKind.Shape })
        {
            return Meaning(instance) with { Classes = null, Axis = null, Rank = Shapes.Indexed(instance.Rank, property.Arguments) };
        }

        return instance is not null && (property.Property.IsIndexer && BufferViews.IsBuffer(property.Instance!.Type) || property.Property.Name == "Current")
            ? ElementOf(instance)
            : AbstractValue.Unknown;
    }

    /// <summary>A new array; written with an initializer (a <c>params</c> list included), it remembers its elements.</summary>
    private AbstractValue Allocate(IArrayCreationOperation array)
    {
        EvaluateAll(array.DimensionSizes);
        var elements = array.Initializer is { } initializer
            ? new ValueList<AbstractValue>(initializer.ElementValues.Select(Evaluate).ToList())
            : null;
        return new AbstractValue(ValueDomain.Unknown, Storage: array, Elements: elements);
    }

    private AbstractValue Tuple(ITupleOperation tuple) =>
        new(ValueDomain.Unknown, Elements: new ValueList<AbstractValue>(tuple.Elements.Select(Evaluate).ToList()));

    private AbstractValue MethodGroup(IMethodReferenceOperation reference)
    {
        if (reference.Instance is { } instance)
        {
            Evaluate(instance);
        }

        return new AbstractValue(ValueDomain.Unknown, Function: new FunctionValue(null, null, reference.Method));
    }

    private AbstractValue Other(IOperation operation)
    {
        if (operation.Syntax is CollectionExpressionSyntax collection && collection.Elements.All(element => element is ExpressionElementSyntax)
            && operation.ChildOperations.Count == collection.Elements.Count)
        {
            // A collection expression of plain elements ([a, b]), like an array written with an initializer.
            return new AbstractValue(ValueDomain.Unknown, Storage: operation, Elements: new ValueList<AbstractValue>(operation.ChildOperations.Select(Evaluate).ToList()));
        }

        EvaluateAll(operation.ChildOperations);
        switch (operation)
        {
            case IDeclarationPatternOperation { DeclaredSymbol: { } declared }:
                SetSymbol(declared, AbstractValue.Unknown);
                break;
            case IRecursivePatternOperation { DeclaredSymbol: { } declared }:
                SetSymbol(declared, AbstractValue.Unknown);
                break;
        }

        return operation.Syntax is StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax
            ? new AbstractValue(ValueDomain.Unknown, Storage: operation)
            : AbstractValue.Unknown;
    }

    private void EvaluateAll(IOperation.OperationList operations)
    {
        foreach (var operation in operations)
        {
            Evaluate(operation);
        }
    }

    private void EvaluateAll(IEnumerable<IOperation> operations)
    {
        foreach (var operation in operations)
        {
            Evaluate(operation);
        }
    }
}
