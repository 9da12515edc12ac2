using System.Collections.Immutable;
using System.Linq;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>Buffer writes and aliasing: what a write through one value does to every value that may share its storage.</summary>
internal sealed partial class Evaluator
{
    /// <summary>
    /// Writes <paramref name="content"/> into the whole buffer, or (<c>null</c>, or a partial view) makes its contents
    /// unknown; every alias follows. An external buffer may alias any other external one; a buffer of unknown identity
    /// may alias anything.
    /// </summary>
    private void WriteBuffer(IOperation? expression, AbstractValue buffer, AbstractValue? content)
    {
        var whole = content is not null && !buffer.Partial;
        state.UpdateWhere(new BufferWrite(buffer.Storage ?? Storages.Any, whole ? content : null));
        if (whole && RootSymbol(expression) is { } symbol)
        {
            SetSymbol(symbol, Holding(buffer, content!));
        }
    }

    /// <summary>
    /// What a write through a buffer of <paramref name="Storage"/> does to the values it may alias: they hold the
    /// <paramref name="Whole"/> content written into the whole buffer where they are that buffer, and forget their
    /// contents otherwise.
    /// </summary>
    private readonly record struct BufferWrite(object Storage, AbstractValue? Whole) : FlowState.IValueUpdate
    {
        public bool AppliesTo(AbstractValue value) => Storage switch
        {
            IOperation => Equals(value.Storage, Storage),
            ExternalStorage => value.Storage is ExternalStorage || value.Storage == Storages.Any,
            _ => value.Storage is not null,
        };

        public AbstractValue Update(AbstractValue value) =>
            Whole is not null && Storage is IOperation or ExternalStorage && Equals(value.Storage, Storage) ? Holding(value, Whole) : Forget(value);
    }

    /// <summary>The buffer now holds values of the content's domain; its identity and view stay.</summary>
    private static AbstractValue Holding(AbstractValue holder, AbstractValue content) =>
        new(content.Domain, content.Origin, content.Classes, Storage: holder.Storage, Partial: holder.Partial, Axis: content.Axis, Rank: content.Rank);

    private static AbstractValue Forget(AbstractValue value) =>
        value with { Domain = ValueDomain.Unknown, Origin = null, Classes = null, Axis = null, Rank = null };

    /// <summary>The local, parameter or field a whole-buffer expression names, through conversions and whole views.</summary>
    private ISymbol? RootSymbol(IOperation? expression) => expression switch
    {
        IConversionOperation conversion => RootSymbol(conversion.Operand),
        IInvocationOperation call when BufferViews.Classify(call.TargetMethod) == BufferView.Whole =>
            RootSymbol(call.Instance ?? call.Arguments.FirstOrDefault()?.Value),
        IObjectCreationOperation { Arguments.Length: 1 } creation when BufferViews.IsBuffer(creation.Type) =>
            RootSymbol(creation.Arguments[0].Value),
        { } operation => Symbol(operation),
        null => null,
    };

    /// <summary><c>new Span&lt;T&gt;(array)</c> views the array (a part of it with more arguments); any other object is new.</summary>
    private AbstractValue Create(IObjectCreationOperation creation)
    {
        var arguments = Arguments(creation.Arguments);
        if (creation.Initializer is null && creation.Constructor is { } constructor
            && engine.ConstructedStruct(constructor, ByOrdinal(constructor.Parameters.Length, arguments), depth, budget) is { } fields)
        {
            ForgetWritableArguments(arguments, except: null);
            return new AbstractValue(ValueDomain.Unknown, Elements: fields);
        }

        var elements = Initializer(creation.Initializer) ?? Collections.NewElements(creation.Type as INamedTypeSymbol, arguments);

        if (BufferViews.IsBuffer(creation.Type) && arguments.Length > 0 && BufferViews.IsBuffer(creation.Arguments[0].Value.Type))
        {
            return arguments.Length == 1 ? arguments[0].Value : arguments[0].Value with { Partial = true };
        }

        ForgetWritableArguments(arguments, except: null);
        return WithModule(new AbstractValue(ValueDomain.Unknown, Storage: creation, Elements: elements), creation, creation.Type, arguments);
    }

    /// <summary>Evaluates an object or collection initializer; a list written as <c>{ a, b }</c> remembers its elements.</summary>
    private ValueList<AbstractValue>? Initializer(IObjectOrCollectionInitializerOperation? initializer)
    {
        if (initializer is null)
        {
            return null;
        }

        if (initializer.Initializers.All(item => item is IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 }))
        {
            return new ValueList<AbstractValue>(initializer.Initializers.Select(item => Evaluate(((IInvocationOperation)item).Arguments[0].Value)).ToList());
        }

        Evaluate(initializer);
        return null;
    }

    /// <summary>
    /// A <c>foreach</c> on a tree walk begins: its enumerator is a view of the collection (<c>GetEnumerator</c>), kept in
    /// the state under the loop as a graph keeps it in a flow capture, so that writes to the collection reach it.
    /// </summary>
    public void BeginEnumeration(IForEachLoopOperation loop) => state.Set(loop, Evaluate(loop.Collection));

    /// <summary><c>MoveNext</c>: a call that may change the collection, whose known elements are forgotten.</summary>
    public void MoveNext(IForEachLoopOperation loop)
    {
        if (state.Get(loop) is { Elements: not null } enumerator)
        {
            state.Set(loop, enumerator with { Elements = null });
        }
    }

    /// <summary><c>Current</c>: an element of the collection.</summary>
    public AbstractValue Current(IForEachLoopOperation loop) => ElementOf(state.Get(loop) ?? AbstractValue.Unknown);
}
