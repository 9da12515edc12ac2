using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>Tensors changed in place: by an in-place method, an indexer write, a library call told <c>inplace: true</c>, or a callee.</summary>
internal sealed partial class Evaluator
{
    /// <summary>
    /// The tensor <paramref name="expression"/> names is changed in place: its variable forgets what it held, and so
    /// does every value that may be the same tensor or a view of it (another variable assigned from it, a reshape of
    /// it, an element of a tuple), which the engine knows by their common origin.
    /// </summary>
    private void ChangedInPlace(IOperation expression, AbstractValue tensor)
    {
        SetHolder(expression, AbstractValue.Unknown);
        if (tensor.Origin is { } origin && tensor.Module is null)
        {
            state.UpdateWhere(new SameTensor(origin));
        }
    }

    /// <summary>
    /// A library call with an <c>inplace</c> flag not known to be <c>false</c> (<c>F.dropout(x, 0.5, true, true)</c>,
    /// <c>F.relu(x, inplace: true)</c>) changes its tensor input, the first tensor it is given.
    /// </summary>
    private void InPlaceFlag(IMethodSymbol method, ImmutableArray<ArgumentFact> arguments)
    {
        if (!method.Parameters.Any(IsInPlaceFlag) || engine.Target(method).IsInSource
            || arguments.Any(argument => argument.Parameter is { } parameter && IsInPlaceFlag(parameter) && (argument.IsDefault || argument.Value.Constant is false))
            || arguments.FirstOrDefault(argument => IsTensorValued(argument.Expression.Type)) is not { } input)
        {
            return;
        }

        ChangedInPlace(input.Expression, input.Value);
    }

    /// <summary>A value the engine follows that is no module: a tensor (or a buffer) whose contents a write changes.</summary>
    private bool IsTensorValued(ITypeSymbol? type) =>
        type is not null && engine.Knowledge.CarriesValues(type) && !engine.Knowledge.IsModuleType(type);

    private static bool IsInPlaceFlag(IParameterSymbol parameter) =>
        parameter.Name == "inplace" && parameter.Type.SpecialType == SpecialType.System_Boolean;

    /// <summary>
    /// The parameter of the code a call runs that receives <paramref name="parameter"/>'s argument: for a delegate's
    /// <c>Invoke</c>, the parameter at the same position of the method or lambda it calls (<c>null</c> when that is
    /// not known or an extension method, which may change anything); otherwise the parameter itself.
    /// </summary>
    private static IParameterSymbol? Receiving(IParameterSymbol parameter, FunctionValue? delegated)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.DelegateInvoke })
        {
            return parameter;
        }

        var target = delegated?.Method ?? delegated?.Lambda switch
        {
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            IFlowAnonymousFunctionOperation lambda => lambda.Symbol,
            _ => null,
        };
        // An extension method taken with its receiver (b.Shift) may be held in its static form, one parameter ahead.
        return target is { IsExtensionMethod: false } && parameter.Ordinal < target.Parameters.Length ? target.Parameters[parameter.Ordinal] : null;
    }

    /// <summary>Every value that may be the tensor made at <paramref name="Origin"/>, also as an element of a tuple or struct, becomes unknown.</summary>
    private readonly record struct SameTensor(IOperation Origin) : FlowState.IValueUpdate
    {
        public bool AppliesTo(AbstractValue value) => Holds(value, Origin);

        public AbstractValue Update(AbstractValue value) => Without(value, Origin);

        private static bool IsSame(AbstractValue value, IOperation origin) => value.Module is null && Equals(value.Origin, origin);

        private static bool Holds(AbstractValue value, IOperation origin) =>
            IsSame(value, origin) || value.Elements is { } elements && elements.Items.Any(item => Holds(item, origin));

        private static AbstractValue Without(AbstractValue value, IOperation origin) =>
            IsSame(value, origin) ? AbstractValue.Unknown
            : !Holds(value, origin) ? value
            : value with { Elements = new ValueList<AbstractValue>(value.Elements!.Items.Select(item => Without(item, origin))) };
    }
}
