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

        return binary.OperatorKind switch
        {
            BinaryOperatorKind.Add when right.Constant is not null && IsProbability(left) => Scalar(left),
            BinaryOperatorKind.Add when left.Constant is not null && IsProbability(right) => Scalar(right),
            BinaryOperatorKind.Subtract when right.Constant is not null && IsProbability(left) => Scalar(left),
            BinaryOperatorKind.Subtract when left.Constant is not null && right.Domain == ValueDomain.IndependentProbabilities => Scalar(right),
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
