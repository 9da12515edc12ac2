using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Operators: constant folding of the booleans and integers that steer branches and class counts, and the arithmetic
/// that keeps a domain (<c>p + eps</c>, <c>1 - sigmoid</c>, a margin taken off cosines) or makes one (<c>x[i] - max(x)</c>).
/// </summary>
internal sealed partial class Evaluator
{
    private AbstractValue Binary(IBinaryOperation binary)
    {
        var left = Evaluate(binary.LeftOperand);
        var right = Evaluate(binary.RightOperand);
        if (Fold(binary.OperatorKind, left.Constant, right.Constant) is { } folded)
        {
            return AbstractValue.OfConstant(folded);
        }

        if (binary is { OperatorMethod: null, OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }
            && (left.IsNull && right.Made || right.IsNull && left.Made))
        {
            return AbstractValue.OfConstant(binary.OperatorKind == BinaryOperatorKind.NotEquals);
        }

        return binary.OperatorKind switch
        {
            BinaryOperatorKind.Add or BinaryOperatorKind.Subtract when IsEpsilon(right.Constant) && IsProbability(left) => Scalar(left),
            BinaryOperatorKind.Add when IsEpsilon(left.Constant) && IsProbability(right) => Scalar(right),
            BinaryOperatorKind.Subtract when IsNumber(left.Constant, 1) && right.Domain == ValueDomain.IndependentProbabilities => Scalar(right),
            BinaryOperatorKind.Add or BinaryOperatorKind.Subtract when right.Constant is not null && left.Domain == ValueDomain.Cosines => Scalar(left),
            BinaryOperatorKind.Subtract when right.MaxOf is not null && Equals(right.MaxOf, left.ElementOf) => new AbstractValue(ValueDomain.MaxSubtracted),
            _ => AbstractValue.Unknown,
        };
    }


    private AbstractValue Unary(IUnaryOperation unary)
    {
        var operand = Evaluate(unary.Operand);
        return unary.OperatorKind == UnaryOperatorKind.Not && operand.Constant is bool value
            ? AbstractValue.OfConstant(!value)
            : AbstractValue.Unknown;
    }

    /// <summary>
    /// A small constant kept off zero (<c>p + 1e-7</c>), which leaves a probability near zero where it was: a larger
    /// one (<c>1 + p</c>) bounds the log away from zero.
    /// </summary>
    private static bool IsEpsilon(object? constant) => AsDouble(constant) is { } value && System.Math.Abs(value) < 0.5;

    private static bool IsNumber(object? constant, double number) => AsDouble(constant) == number;

    private static double? AsDouble(object? constant) => constant switch
    {
        float value => value,
        double value => value,
        int value => value,
        long value => value,
        decimal value => (double)value,
        _ => null,
    };

    private static bool IsProbability(AbstractValue value) =>
        value.Domain is ValueDomain.Probabilities or ValueDomain.IndependentProbabilities;

    private static AbstractValue Scalar(AbstractValue value) => new(value.Domain, value.Origin, value.Classes);

    private static object? Fold(BinaryOperatorKind kind, object? left, object? right) => (left, right) switch
    {
        (bool l, bool r) => kind switch
        {
            BinaryOperatorKind.Equals => l == r,
            BinaryOperatorKind.NotEquals => l != r,
            BinaryOperatorKind.And or BinaryOperatorKind.ConditionalAnd => l && r,
            BinaryOperatorKind.Or or BinaryOperatorKind.ConditionalOr => l || r,
            _ => null,
        },
        (int l, int r) => kind switch
        {
            BinaryOperatorKind.Equals => l == r,
            BinaryOperatorKind.NotEquals => l != r,
            BinaryOperatorKind.Add => unchecked(l + r),
            BinaryOperatorKind.Subtract => unchecked(l - r),
            BinaryOperatorKind.Multiply => unchecked(l * r),
            BinaryOperatorKind.LessThan => l < r,
            BinaryOperatorKind.GreaterThan => l > r,
            _ => null,
        },
        _ => null,
    };
}
