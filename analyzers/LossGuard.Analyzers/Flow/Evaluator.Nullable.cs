using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Nullable flags (<c>bool? training</c>) read the usual ways: <c>.Value</c>, <c>.HasValue</c>, <c>GetValueOrDefault()</c>
/// (what <c>training ?? false</c> becomes in the graph), and constant patterns (<c>training is false</c>,
/// <c>training is not true</c>), decided where the flag's value is a known constant.
/// </summary>
internal sealed partial class Evaluator
{
    /// <summary><c>flag.Value</c> and <c>flag.HasValue</c> of a nullable whose value is known; <c>null</c> for any other property.</summary>
    private static AbstractValue? NullableMember(IPropertyReferenceOperation property, AbstractValue? instance)
    {
        if (instance is null || !IsNullable(property.Property.ContainingType))
        {
            return null;
        }

        return property.Property.Name switch
        {
            "Value" when instance.IsNotNull => AbstractValue.OfConstant(instance.Constant),
            "HasValue" => instance.IsNotNull ? AbstractValue.OfConstant(true) : instance.IsNull ? AbstractValue.OfConstant(false) : AbstractValue.Unknown,
            _ => AbstractValue.Unknown,
        };
    }

    /// <summary><c>flag.GetValueOrDefault()</c> of a nullable whose value is known; <c>null</c> for any other call.</summary>
    private static AbstractValue? NullableCall(IInvocationOperation call, AbstractValue? instance) =>
        instance is not null && call.Arguments.IsEmpty && call.TargetMethod.Name == "GetValueOrDefault" && IsNullable(call.TargetMethod.ContainingType)
            ? instance.IsNotNull ? AbstractValue.OfConstant(instance.Constant) : AbstractValue.Unknown
            : null;

    /// <summary>A constant pattern, possibly negated, tested against a known constant; any other pattern as before.</summary>
    private AbstractValue Match(IIsPatternOperation test)
    {
        if (Matches(Evaluate(test.Value), test.Pattern) is { } matched)
        {
            return AbstractValue.OfConstant(matched);
        }

        return Other(test.Pattern);
    }

    private bool? Matches(AbstractValue value, IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation constant when value.IsNotNull && Evaluate(constant.Value).Constant is { } expected && !(expected is NullConstant) =>
            Equals(value.Constant, expected),
        IConstantPatternOperation constant when value.Made && Evaluate(constant.Value).IsNull => false,
        INegatedPatternOperation negated => !Matches(value, negated.Pattern),
        _ => null,
    };

    private static bool IsNullable(INamedTypeSymbol? type) => type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
}
