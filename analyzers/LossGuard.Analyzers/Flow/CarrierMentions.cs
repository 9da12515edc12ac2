using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Locals and parameters holding a carrier class (<see cref="CarrierClasses"/>) that a body uses otherwise than
/// reading its members into a library loss, softmax or log, a variable, a return or an operator: stored, put in a
/// collection, converted, passed on, captured by a lambda, taken by reference, a member handed to another call or
/// changed or viewed in place (<c>o.Policy.copy_(x)</c>). The object's fields never change, but the tensors in them may, through such an alias;
/// the engine then forgets what they hold. An allow-list: any use not named here counts.
/// </summary>
internal static class CarrierMentions
{
    private static readonly HashSet<string> PureMethods = new() { "mean", "sum", "item", "size", "dim", "numel", "max", "min", "argmax", "ToString" };
    private static readonly HashSet<string> PureProperties = new() { "shape", "dtype", "device", "Dimensions", "NumberOfElements" };

    /// <param name="readsOnly">Whether a library call only reads its tensor arguments and returns new ones (a loss, a softmax, a log).</param>
    public static ISet<ISymbol> Escaping(IOperation root, Compilation compilation, System.Func<IMethodSymbol, bool> readsOnly)
    {
        var escaping = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var operation in root.DescendantsAndSelf())
        {
            var symbol = Variables.Of(operation);
            if (symbol is not null && operation.Type is INamedTypeSymbol { TypeKind: TypeKind.Class } type
                && StructFields.IsFollowed(type, compilation) && !IsKept(operation, root, readsOnly))
            {
                escaping.Add(symbol);
            }
        }

        return escaping;
    }

    private static bool IsKept(IOperation reference, IOperation root, System.Func<IMethodSymbol, bool> readsOnly)
    {
        if (InNestedFunction(reference, root))
        {
            return false;
        }

        return reference.Parent switch
        {
            ISimpleAssignmentOperation { IsRef: false } assignment => assignment.Target == reference,
            IPropertyReferenceOperation property when property.Instance == reference => IsPlainRead(property, readsOnly),
            IFieldReferenceOperation field when field.Instance == reference => IsPlainRead(field, readsOnly),
            _ => false,
        };
    }

    /// <summary>A member's value used where it cannot be changed in place or aliased unseen.</summary>
    private static bool IsPlainRead(IOperation member, System.Func<IMethodSymbol, bool> readsOnly)
    {
        var use = member;
        while (use.Parent is IConversionOperation { OperatorMethod: null } conversion)
        {
            use = conversion;
        }

        return use.Parent switch
        {
            IArgumentOperation { Parameter.RefKind: RefKind.None, Parent: IInvocationOperation call } => readsOnly(call.TargetMethod),
            IVariableInitializerOperation initializer => initializer.Parent is IVariableDeclaratorOperation { Symbol.RefKind: RefKind.None },
            ISimpleAssignmentOperation { IsRef: false } assignment => assignment.Value == use,
            IReturnOperation or IBinaryOperation or ICoalesceOperation => true,
            IInvocationOperation call when call.Instance == use => PureMethods.Contains(call.TargetMethod.Name),
            IPropertyReferenceOperation property when property.Instance == use => PureProperties.Contains(property.Property.Name),
            _ => false,
        };
    }

    private static bool InNestedFunction(IOperation reference, IOperation root)
    {
        for (var ancestor = reference.Parent; ancestor is not null && ancestor != root; ancestor = ancestor.Parent)
        {
            if (ancestor.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return true;
            }
        }

        return false;
    }
}
