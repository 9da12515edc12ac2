using System.Collections.Immutable;
using System.Linq;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>Calls: library tables, modules, buffer views, delegates, local functions, and summaries of the compilation's own methods.</summary>
internal sealed partial class Evaluator
{
    private AbstractValue Invoke(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        var target = engine.Target(method);
        if (budget.KeepsFields && MayReadMembers(call, target))
        {
            budget.ObserveMembers(state);
        }

        var instance = call.Instance is null ? null : Evaluate(call.Instance);
        if (NullableCall(call, instance) is { } unwrapped)
        {
            return unwrapped;
        }

        var arguments = Arguments(call.Arguments);
        InPlaceFlag(method, arguments);
        if (TableCall(call, target.Known, instance, arguments) is { } tabled)
        {
            if (instance is not null && target.Known.Training is not null)
            {
                // A training step a table also checks (Keras compile with loss names): the model still changes.
                ModuleCall(call, target.Known, instance, arguments);
            }

            return WithModule(tabled, call, call.Type, arguments, target);
        }

        if (instance is not null && ModuleCall(call, target.Known, instance, arguments) is { } applied)
        {
            return applied;
        }

        if (instance is not null && IsInPlace(method))
        {
            // TorchSharp's in-place operations (mul_, add_, clamp_) change the tensor they are called on.
            ChangedInPlace(call.Instance!, instance);
        }

        if (method.MethodKind == MethodKind.DelegateInvoke && DelegatedLoss(instance?.Function) is { } loss)
        {
            return TableCall(call, engine.Target(loss).Known, null, ByParameterNames(loss, arguments)) ?? AbstractValue.Unknown;
        }

        var view = target.View;
        if (view != BufferView.None)
        {
            return View(view, call, instance ?? arguments.FirstOrDefault()?.Value, arguments);
        }

        if (instance is { Elements: { } elements } && Collections.Added(method, arguments) is { } added)
        {
            SetHolder(call.Instance!, instance with { Elements = new ValueList<AbstractValue>(elements.Items.AddRange(added)) });
            return AbstractValue.Unknown;
        }

        if (Collections.IsModuleListFactory(method) && Collections.Listed(arguments[0]) is { } layers)
        {
            return new AbstractValue(ValueDomain.Unknown, Storage: call, Elements: layers);
        }

        if (instance is { Elements: { } listed } && Collections.IsToArray(method))
        {
            return new AbstractValue(ValueDomain.Unknown, Storage: call, Elements: listed);
        }

        CallEffects? effects = null;
        var result = method.MethodKind switch
        {
            MethodKind.DelegateInvoke => CallFunction(instance?.Function, arguments),
            MethodKind.LocalFunction => LocalFunctionBody(method.OriginalDefinition) is { } callee
                ? CallBody(callee, method.Parameters, arguments, null, out effects)
                : AbstractValue.Unknown,
            _ when target.IsInSource && IsOwnHelperInConstruction(call, method) => OwnHelper(call, method, instance, arguments),
            _ when target.IsInSource => Summarized(call, method, instance, arguments, out effects),
            _ => Unknown(call),
        };
        if (method.MethodKind == MethodKind.Ordinary && target.IsInSource)
        {
            calls?.Add(new CallFact(call, target.Known.DisplayName, call, arguments, null, null, ImmutableArray<LossInputEntry>.Empty, result));
        }
        else if (!budget.KeepsFields && MayReadMembers(call, target))
        {
            // A delegate, a local function or a library call given one runs code that may assign this object's members.
            state.ForgetFields();
        }

        ForgetWritableArguments(arguments, except: null, method.MethodKind == MethodKind.DelegateInvoke ? instance?.Function : null);
        if (effects is { Parameters.IsEmpty: false })
        {
            HandBack(effects.Parameters, arguments);
        }
        if (instance is not null && BufferViews.IsBuffer(call.Instance!.Type))
        {
            WriteBuffer(call.Instance, instance, null);
        }

        ForgetElements(call.Instance, instance);
        foreach (var argument in arguments)
        {
            ForgetElements(argument.Expression, argument.Value);
        }

        return WithModule(result, call, call.Type, arguments, target);
    }

    /// <summary>
    /// Whether a call may read this object's fields as they are now: code of the compilation (not a base or chained
    /// constructor, which runs before this body's assignments), or a library call given a delegate to call back.
    /// </summary>
    private static bool MayReadMembers(IInvocationOperation call, CallTarget target) =>
        call.TargetMethod.MethodKind is MethodKind.DelegateInvoke or MethodKind.LocalFunction
        || target.IsInSource && call.TargetMethod.MethodKind != MethodKind.Constructor
        || call.Arguments.Any(argument => argument.Value.Type?.TypeKind == TypeKind.Delegate);

    /// <summary>A call a library table describes: it produces a domain, transforms one, or is a loss. The call is recorded as a fact.</summary>
    private AbstractValue? TableCall(IInvocationOperation call, MethodKnowledge known, AbstractValue? instance, ImmutableArray<ArgumentFact> arguments)
    {
        if (!known.IsTableCall)
        {
            return null;
        }

        var (producer, transform, losses, strings) = (known.Producer, known.Transform, known.LossInputs, known.RecognisedStrings);

        if (instance is not null)
        {
            arguments = arguments.Add(new ArgumentFact(call.Instance!, instance, Alias: ProducerEntry.Receiver));
        }

        var pending = new CallFact(call, known.DisplayName, call, arguments, producer, transform, losses, AbstractValue.Unknown) { RecognisedStrings = strings };
        var destination = pending.Argument(producer?.Destination ?? transform?.Destination);
        ForgetWritableArguments(arguments, except: destination);
        var result = producer is not null ? Produce(pending, producer, call) : transform is not null ? Transform(pending, transform) : AbstractValue.Unknown;
        pending.Produced(result);
        calls?.Add(pending);
        if (destination is null)
        {
            return producer is not null && BufferViews.IsBuffer(call.Type) ? result with { Storage = call } : result;
        }

        WriteBuffer(destination.Expression, destination.Value, result.IsKnownDomain ? result : null);
        return AbstractValue.Unknown;
    }

    /// <summary>What a producer makes: its domain, where it was made, and what is known of classes, axis and rank.</summary>
    private static AbstractValue Produce(CallFact fact, ProducerEntry producer, IOperation origin)
    {
        var input = fact.Argument(producer.Input)?.Value ?? AbstractValue.Unknown;
        if (producer.Similarity is { } factor)
        {
            if (Shapes.IsUnitAlong(input, 1) && fact.Argument(factor)?.Value is { } other && Shapes.IsUnitAlong(other, producer.SimilarityAxis, matrix: producer.SimilarityAxis == 1))
            {
                return new AbstractValue(ValueDomain.Cosines, origin, Rank: 2);
            }

            if (producer.Domain == ValueDomain.Unknown)
            {
                return AbstractValue.Unknown;
            }
        }

        if (producer.Norm is { } order && fact.Argument(order)?.Value.Constant is not 2.0)
        {
            return AbstractValue.Unknown;
        }

        if (producer.Exponential && input is { Domain: ValueDomain.LogProbabilities, Axis: { } along })
        {
            // exp(log_softmax(x, dim)) is softmax(x, dim): probabilities (and rates, which they are too).
            return new AbstractValue(ValueDomain.Probabilities, origin, input.Classes, Axis: along, Rank: input.Rank);
        }

        var axis = fact.IntegerArgument(producer.Axis);
        var classes = producer.Classes is not null ? fact.IntegerArgument(producer.Classes) : ClassesAlong(input, axis, producer.Axis is not null);
        return new AbstractValue(producer.Domain, origin, classes, Axis: axis, Rank: input.Rank, Integer: producer.Integer ?? input.Integer);
    }

    /// <summary>
    /// The class count of an activation along <paramref name="axis"/>: the input's width when the axis is its last one
    /// (-1, rank - 1, or 1 on a linear layer's output of unknown rank, the [batch, features] case).
    /// </summary>
    private static int? ClassesAlong(AbstractValue input, int? axis, bool hasAxis)
    {
        if (!hasAxis)
        {
            return input.Classes;
        }

        var last = axis == -1 || input.Rank is { } rank && axis == rank - 1 || input.Rank is null && axis == 1 && input.Domain == ValueDomain.Logits;
        return last ? input.Classes : null;
    }

    private AbstractValue Transform(CallFact fact, TransformEntry transform)
    {
        if (transform.Kind == TransformKind.Shape && transform.Input is null)
        {
            return new AbstractValue(ValueDomain.Unknown, Rank: Shapes.RankOfSizes(fact));
        }

        if (transform.Kind == TransformKind.DType && transform.Input is null)
        {
            return WithDType(AbstractValue.Unknown, transform.Integer ?? fact.Argument(transform.Scalar)?.Value.Integer, fact.Call);
        }

        var input = transform.Input is null ? SoleVariable(fact, transform) : fact.Argument(transform.Input);
        if (input is null)
        {
            return AbstractValue.Unknown;
        }

        var value = input.Value;
        switch (transform.Kind)
        {
            case TransformKind.Log when IsProbability(value):
                return new AbstractValue(ValueDomain.LogProbabilities, value.Origin, value.Classes, Rank: value.Rank);
            case TransformKind.Clip when OthersAreConstant(fact, input, transform):
                return value.Domain == ValueDomain.Logits && RaisesFloor(fact, input) ? AbstractValue.Unknown : Meaning(value);
            case TransformKind.Preserve:
                return IsIntegerArray(input.Expression) ? Labels(fact.Call) : Meaning(value);
            case TransformKind.DType:
                return WithDType(Meaning(value), transform.Integer ?? fact.Argument(transform.Scalar)?.Value.Integer, fact.Call);
            case TransformKind.Shape:
                return Reshaped(value, transform, fact);
            case TransformKind.Join:
                return Joins.Joined(input, transform, fact);
            case TransformKind.ActivationByName:
                return value.Constant is string ? AbstractValue.OfConstant(value.Constant) : AbstractValue.Unknown;
            case TransformKind.MaxOf:
                return new AbstractValue(ValueDomain.Unknown, MaxOf: Identity(value));
            case TransformKind.SubtractScalar when fact.Argument(transform.Scalar)?.Value.MaxOf is { } maxOf && Equals(maxOf, Identity(value)):
                return new AbstractValue(ValueDomain.MaxSubtracted);
            default:
                return AbstractValue.Unknown;
        }
    }

    /// <summary>A reshape, selection or permutation: the values keep their meaning; which axis holds the classes is no longer known.</summary>
    private static AbstractValue Reshaped(AbstractValue value, TransformEntry transform, CallFact fact) =>
        Meaning(value) with { Classes = null, Axis = null, Rank = Shapes.RankAfter(transform, value.Rank, fact) };

    /// <summary>An element-type conversion: integers of no other known meaning are class indices (labels cast to int64).</summary>
    private static AbstractValue WithDType(AbstractValue value, bool? integer, IOperation origin) =>
        integer == true && value.Domain == ValueDomain.Unknown
            ? new AbstractValue(ValueDomain.ClassIndices, origin, Rank: value.Rank, Integer: true)
            : value with { Integer = integer };

    private static AbstractValue Labels(IOperation origin) => new(ValueDomain.ClassIndices, origin, Integer: true);

    /// <summary>A C# array of integers (int[], long[], any rank) as written, before conversion to a tensor.</summary>
    private static bool IsIntegerArray(IOperation expression) =>
        Unconverted(expression).Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte };

    /// <summary>What a value means, without the buffer it lives in.</summary>
    private static AbstractValue Meaning(AbstractValue value) =>
        new(value.Domain, value.Origin, value.Classes, Axis: value.Axis, Rank: value.Rank, Integer: value.Integer, Module: value.Module);

    /// <summary>For a clip given as <c>Max(a, b)</c>: the one argument that is not a constant.</summary>
    private static ArgumentFact? SoleVariable(CallFact fact, TransformEntry transform)
    {
        var variables = fact.Arguments.Where(argument => argument.Value.Constant is null && !argument.IsDefault && !IsOther(argument, transform)).ToList();
        return variables.Count == 1 ? variables[0] : null;
    }

    private static bool OthersAreConstant(CallFact fact, ArgumentFact input, TransformEntry transform) =>
        fact.Arguments.All(argument => argument == input || argument.IsDefault || IsOther(argument, transform) || argument.Value.Constant is not null);

    /// <summary>
    /// A clip whose lower bound is zero or more (<c>clamp(min: 1e-6)</c>, <c>Math.Max(x, 0)</c>): of logits, it leaves
    /// non-negative values (rates, a ReLU), which are no longer logits.
    /// </summary>
    private static bool RaisesFloor(CallFact fact, ArgumentFact input) =>
        fact.Arguments.Any(argument => argument != input
            && (argument.Name is "min" or "clip_value_min" || fact.Call.TargetMethod.Name == "Max")
            && AsDouble(argument.Value.Constant) >= 0);

    /// <summary>The destination, or the object the method is called on when it is not the transformed input (<c>tf.clip_by_value</c>).</summary>
    private static bool IsOther(ArgumentFact argument, TransformEntry transform) =>
        argument.Name == transform.Destination || argument.Name == ProducerEntry.Receiver && transform.Input != ProducerEntry.Receiver;

    private static object? Identity(AbstractValue buffer) => buffer.Storage is IOperation or ExternalStorage ? buffer.Storage : null;

    private AbstractValue View(BufferView view, IInvocationOperation call, AbstractValue? source, ImmutableArray<ArgumentFact> arguments)
    {
        source ??= AbstractValue.Unknown;
        switch (view)
        {
            case BufferView.Whole:
            case BufferView.Enumerator:
                return source;
            case BufferView.Part:
                return source with { Partial = true };
            case BufferView.Copy:
                return source with { Storage = call, Partial = false };
            case BufferView.CopyTo:
                var destination = arguments.LastOrDefault(argument => BufferViews.IsWritable(argument.Parameter?.Type));
                if (destination is not null)
                {
                    var whole = arguments.Count(argument => argument.Parameter?.Ordinal != 0 || call.Instance is not null) == 1;
                    WriteBuffer(destination.Expression, destination.Value, whole && !source.Partial ? source : null);
                }

                return AbstractValue.Unknown;
            default:
                return AbstractValue.Unknown;
        }
    }

    private AbstractValue CallFunction(FunctionValue? function, ImmutableArray<ArgumentFact> arguments)
    {
        switch (function?.Lambda)
        {
            case IFlowAnonymousFunctionOperation lambda when function.Owner is { } owner:
                var graph = owner.GetAnonymousFunctionControlFlowGraph(lambda, budget.CancellationToken);
                return CallBody(FlowBody.OfGraph(graph), lambda.Symbol.Parameters, arguments, null, out _);
            case IAnonymousFunctionOperation lambda:
                return CallBody(FlowBody.OfTree(lambda), lambda.Symbol.Parameters, arguments, null, out _);
        }

        // A delegate does not say whether it calls virtually (base.M does not): an overridable method is not followed.
        return function?.Method is { } method && engine.Target(method).IsInSource && !SourceBodies.IsOverridable(method) && !method.IsAbstract
            ? engine.Summarize(method, ByOrdinal(method.Parameters.Length, arguments), null, depth, budget)
            : AbstractValue.Unknown;
    }

    /// <summary>
    /// A library loss function held as a delegate (<c>var criterion = functional.binary_cross_entropy;</c>): invoking it
    /// is a loss call. Only static loss functions; activations called through a delegate stay unknown.
    /// </summary>
    private IMethodSymbol? DelegatedLoss(FunctionValue? function) =>
        function is { Lambda: null, Method: { IsStatic: true } method }
        && engine.Target(method) is { IsInSource: false, Known: { LossInputs.IsEmpty: false, Producer: null, Transform: null } }
            ? method
            : null;

    /// <summary>An instance method of a library value type the engine follows whose name ends in '_': it changes its receiver.</summary>
    private bool IsInPlace(IMethodSymbol method) =>
        !method.IsStatic && method.Name.EndsWith("_", System.StringComparison.Ordinal) && engine.Knowledge.CarriesValues(method.ContainingType);

    /// <summary>A delegate's arguments named as the parameters of the method it calls, at the same positions.</summary>
    private static ImmutableArray<ArgumentFact> ByParameterNames(IMethodSymbol method, ImmutableArray<ArgumentFact> arguments) =>
        arguments.Select(argument => argument.Parameter is { Ordinal: var ordinal } && ordinal < method.Parameters.Length
            ? argument with { Alias = method.Parameters[ordinal].Name }
            : argument).ToImmutableArray();

    /// <summary>A local function declared in this body or an enclosing one; none for broken code that names one out of scope.</summary>
    private FlowBody? LocalFunctionBody(IMethodSymbol localFunction)
    {
        if (graph is null)
        {
            return NestedFunctions.Declaration(body.Root, localFunction) is { } declaration ? FlowBody.OfTree(declaration) : null;
        }

        for (var scope = graph; scope is not null; scope = scope.Parent)
        {
            if (scope.LocalFunctions.Contains(localFunction, SymbolEqualityComparer.Default))
            {
                return FlowBody.OfGraph(scope.GetLocalFunctionControlFlowGraph(localFunction, budget.CancellationToken));
            }
        }

        return null;
    }

    /// <param name="effects">What the body leaves in its <c>ref</c> and <c>out</c> parameters (<see cref="CallEffects"/>).</param>
    private AbstractValue CallBody(
        FlowBody callee, ImmutableArray<IParameterSymbol> parameters, ImmutableArray<ArgumentFact> arguments, IInvocationOperation? call,
        out CallEffects? effects)
    {
        effects = null;
        var values = ByOrdinal(parameters.Length, arguments);
        if (engine.Invoke(callee, parameters, values, depth, budget, recordFacts: calls is not null) is not { } result)
        {
            return AbstractValue.Unknown;
        }

        calls?.AddRange(result.Calls);
        effects = CallEffects.Of(parameters, values, result.Exit, withMembers: false, engine.Knowledge);
        return Returned(result.Returned, call);
    }

    /// <summary>A private method of the object called on <c>this</c> while its members are followed through its construction.</summary>
    private bool IsOwnHelperInConstruction(IInvocationOperation call, IMethodSymbol method) =>
        budget.KeepsFields
        && call.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
        && method.DeclaredAccessibility == Accessibility.Private && method.MethodKind == MethodKind.Ordinary && !method.IsStatic && !method.IsAsync
        && !SourceBodies.IsIterator(method);

    private AbstractValue OwnHelper(IInvocationOperation call, IMethodSymbol method, AbstractValue? instance, ImmutableArray<ArgumentFact> arguments)
    {
        if (engine.RunOwnHelper(method, ByOrdinal(method.Parameters.Length, arguments), state, depth, budget) is not { } run)
        {
            return Summarized(call, method, instance, arguments, out _);
        }

        state.TakeMembersFrom(run.Exit);
        return Returned(run.Returned, call);
    }

    /// <param name="effects">What else the call leaves (<see cref="CallEffects"/>), when the caller keeps any of it.</param>
    private AbstractValue Summarized(
        IInvocationOperation call, IMethodSymbol method, AbstractValue? instance, ImmutableArray<ArgumentFact> arguments, out CallEffects? effects)
    {
        // A summary is the value returned: a call made for its effects alone (a statement) needs none, unless it hands
        // values back through ref or out parameters or assigns this object's members. A call not dispatched virtually
        // (a static or non-virtual method, base.M()) runs exactly this method.
        effects = null;
        var constructed = instance?.Module?.Constructed;
        var fields = instance?.Module?.Model is { } model ? constructed?.Fields ?? engine.ConstructedFields(model, budget) : null;
        var values = ByOrdinal(method.Parameters.Length, arguments);
        var ownMembers = !budget.KeepsFields && IsOwnCall(call, method) && engine.AssignsMembers(method);
        AbstractValue result;
        if (ownMembers || CallEffects.HandsBackParameters(method, engine.Knowledge))
        {
            (result, effects) = engine.SummarizeWithEffects(method, values, fields, depth, budget, knownTarget: !call.IsVirtual, constructed);
        }
        else
        {
            result = call.Parent is IExpressionStatementOperation
                ? AbstractValue.Unknown
                : engine.Summarize(method, values, fields, depth, budget, knownTarget: !call.IsVirtual, constructed);
        }

        if (!budget.KeepsFields)
        {
            // Any member the call may assign is unknown after it; one that this object's own method assigns on every
            // path, to values that agree, holds that value.
            state.ForgetFields();
            if (ownMembers && effects?.Members is { } members)
            {
                state.TakeMembersFrom(members);
            }
        }

        return Returned(result, call);
    }

    /// <summary>
    /// A call of a non-virtual instance method on this object itself (<c>Predict(x)</c>, <c>this.Predict(x)</c>): it
    /// runs on this object's members, all of its body before it returns (not an async method or an iterator).
    /// </summary>
    private static bool IsOwnCall(IInvocationOperation call, IMethodSymbol method) =>
        call.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
        && !call.IsVirtual && !method.IsStatic && !method.IsAbstract && !SourceBodies.IsOverridable(method)
        && method.MethodKind == MethodKind.Ordinary && !method.IsAsync && !SourceBodies.IsIterator(method);

    /// <summary>
    /// The variables given to <c>ref</c> and <c>out</c> parameters take what the callee left in them: a <c>ref</c>
    /// variable it left as it came keeps its own value.
    /// </summary>
    private void HandBack(ImmutableArray<AbstractValue?> handed, ImmutableArray<ArgumentFact> arguments)
    {
        foreach (var argument in arguments)
        {
            // A field of a struct variable stays forgotten with its struct (WrittenVariable).
            if (!argument.IsDefault && argument.Parameter is { RefKind: RefKind.Ref or RefKind.Out } parameter && parameter.Ordinal < handed.Length
                && Symbol(WrittenTarget(argument.Expression)) is { } symbol)
            {
                SetSymbol(symbol, handed[parameter.Ordinal] ?? argument.Value);
            }
        }
    }

    /// <summary>A callee's result: a buffer it allocated is new at this call; any other buffer may be one of the caller's.</summary>
    private static AbstractValue Returned(AbstractValue result, IInvocationOperation? call) => result.Storage switch
    {
        null => result,
        IOperation when call is not null => result with { Storage = call },
        _ => result with { Storage = Storages.Any },
    };

    /// <summary>The facts of a call's arguments, in order (most calls take one to three: those need no builder).</summary>
    private ImmutableArray<ArgumentFact> Arguments(ImmutableArray<IArgumentOperation> arguments)
    {
        switch (arguments.Length)
        {
            case 0:
                return ImmutableArray<ArgumentFact>.Empty;
            case 1:
                return ImmutableArray.Create(Fact(arguments[0]));
            case 2:
                return ImmutableArray.Create(Fact(arguments[0]), Fact(arguments[1]));
            case 3:
                return ImmutableArray.Create(Fact(arguments[0]), Fact(arguments[1]), Fact(arguments[2]));
        }

        var facts = ImmutableArray.CreateBuilder<ArgumentFact>(arguments.Length);
        foreach (var argument in arguments)
        {
            facts.Add(Fact(argument));
        }

        return facts.MoveToImmutable();
    }

    private ArgumentFact Fact(IArgumentOperation argument) => ArgumentFact.Of(argument, Evaluate(argument.Value));

    private static ImmutableArray<AbstractValue> ByOrdinal(int count, ImmutableArray<ArgumentFact> arguments)
    {
        var values = ImmutableArray.CreateBuilder<AbstractValue>(count);
        for (var i = 0; i < count; i++)
        {
            values.Add(AbstractValue.Unknown);
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && parameter.Ordinal < count)
            {
                values[parameter.Ordinal] = argument.Value;
            }
        }

        return values.MoveToImmutable();
    }

    private static AbstractValue Unknown(IInvocationOperation call) =>
        BufferViews.IsBuffer(call.Type) ? new AbstractValue(ValueDomain.Unknown, Storage: new ExternalStorage(call)) : AbstractValue.Unknown;

    /// <summary>
    /// What a callee may change: buffers passed where it can write them, variables passed by reference, and modules or
    /// tensors it changes in place (<see cref="ValueChanges"/>).
    /// </summary>
    /// <param name="delegated">For a delegate's <c>Invoke</c>, the function it calls, whose parameters receive the arguments.</param>
    private void ForgetWritableArguments(ImmutableArray<ArgumentFact> arguments, ArgumentFact? except, FunctionValue? delegated = null)
    {
        foreach (var argument in arguments)
        {
            if (argument == except || argument.Parameter is not { } parameter || argument.IsDefault)
            {
                continue;
            }

            if (parameter.RefKind is RefKind.Ref or RefKind.Out)
            {
                if (WrittenVariable(argument.Expression) is { } symbol)
                {
                    SetSymbol(symbol, AbstractValue.Unknown);
                }
            }
            else if (BufferViews.IsWritable(parameter.Type) && BufferViews.IsBuffer(Unconverted(argument.Expression).Type))
            {
                WriteBuffer(argument.Expression, argument.Value, null);
            }
            else if ((argument.Value.Module is not null || argument.Value.IsKnownDomain)
                && (Receiving(parameter, delegated) is not { } receiving || engine.ValueChanges.MayChange(receiving, budget.CancellationToken)))
            {
                ChangedInPlace(argument.Expression, argument.Value);
            }
        }
    }

    /// <summary>
    /// The variable a <c>ref</c> or <c>out</c> argument lets the callee change: the variable itself, the struct variable
    /// whose field it is (StructFields), or what a graph's flow capture of it holds.
    /// </summary>
    private ISymbol? WrittenVariable(IOperation argument)
    {
        var written = WrittenTarget(argument);
        while (written is IFieldReferenceOperation { Field.ContainingType.TypeKind: TypeKind.Struct, Instance: { } holder })
        {
            written = holder;
        }

        return Symbol(written);
    }

    /// <summary>What a <c>ref</c> or <c>out</c> argument names: a variable (declared there, <c>out var p</c>), a field, or what a graph's flow capture of it holds.</summary>
    private IOperation WrittenTarget(IOperation argument)
    {
        var written = Unconverted(argument);
        if (written is IFlowCaptureReferenceOperation capture && CapturedValue(capture) is { } captured)
        {
            written = Unconverted(captured);
        }

        return written is IDeclarationExpressionOperation declaration ? declaration.Expression : written;
    }

    /// <summary>A list or array whose elements were known escapes into a call that may change them.</summary>
    private void ForgetElements(IOperation? expression, AbstractValue? value)
    {
        if (expression is not null && value?.Elements is not null)
        {
            SetHolder(expression, value with { Elements = null });
        }
    }

    /// <summary>Stores a changed value back where the expression reads it from: a variable, a field, or a flow capture.</summary>
    private void SetHolder(IOperation expression, AbstractValue value)
    {
        var unconverted = Unconverted(expression);
        if (unconverted is IFlowCaptureReferenceOperation capture)
        {
            state.Set(capture.Id, value);
        }
        else if (Symbol(unconverted) is { } symbol)
        {
            SetSymbol(symbol, value);
        }
    }

    /// <summary>The value under its conversions.</summary>
    internal static IOperation Unconverted(IOperation operation) =>
        operation is IConversionOperation conversion ? Unconverted(conversion.Operand) : operation;
}
