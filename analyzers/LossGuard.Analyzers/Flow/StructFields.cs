using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Structs (and result-carrying classes, <see cref="CarrierClasses"/>) of the compilation that carry several results (a policy and a value head) keep what their constructor
/// stored in each instance field, as <see cref="AbstractValue.Elements"/> in field order. A struct is copied by value,
/// so a variable holding one changes only where the body changes it: a variable whose fields the body only reads,
/// passes by <c>ref</c> to a call (forgotten after it) or copies is followed; one that the body changes in place
/// (a field written, a method or property called on it, passed whole by <c>ref</c>, a <c>ref</c> local into it) is not.
/// </summary>
internal static class StructFields
{
    public const int MaxFields = 8;

    /// <summary>
    /// A type declared in the compilation that is followed: a struct (not a tuple, not a <c>ref struct</c>) with a few
    /// instance fields and no field initialisers, or a class that only carries results (<see cref="CarrierClasses"/>).
    /// </summary>
    public static bool IsFollowed(ITypeSymbol? type, Compilation compilation) =>
        type is INamedTypeSymbol named
        && named.Locations.Any(location => location.IsInSource && compilation.ContainsSyntaxTree(location.SourceTree!))
        && (named is { TypeKind: TypeKind.Struct, IsTupleType: false, IsRefLikeType: false }
                && Fields(named) is { Count: > 0 and <= MaxFields } fields
                && fields.All(field => field.DeclaringSyntaxReferences.All(reference => reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer: not null }))
            || CarrierClasses.IsCarrier(named));

    /// <summary>The instance fields, in declaration order: the order of the value's elements.</summary>
    public static List<IFieldSymbol> Fields(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Class
            ? CarrierClasses.Fields(type)
            : type.GetMembers().OfType<IFieldSymbol>().Where(field => !field.IsStatic && !field.IsConst && !field.IsImplicitlyDeclared).ToList();

    /// <summary>
    /// The position of a followed struct's field among its value's elements, or of a tuple's element (by name or
    /// <c>ItemN</c>, in tuples of up to seven); -1 for any other field.
    /// </summary>
    public static int ElementIndex(IFieldSymbol field, Compilation compilation)
    {
        if (field.ContainingType is { IsTupleType: true } tuple)
        {
            var elements = tuple.TupleElements;
            var item = field.CorrespondingTupleField ?? field;
            for (var i = 0; i < elements.Length && elements.Length <= 7; i++)
            {
                if (SymbolEqualityComparer.Default.Equals(elements[i].CorrespondingTupleField ?? elements[i], item))
                {
                    return i;
                }
            }

            return -1;
        }

        return IsFollowed(field.ContainingType, compilation) ? Fields(field.ContainingType).IndexOf(field.OriginalDefinition) : -1;
    }

    /// <summary>The locals and parameters of a struct type that a body (with its lambdas) may change in place.</summary>
    public static ISet<ISymbol> ChangedInPlace(IOperation root)
    {
        var changed = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var operation in root.DescendantsAndSelf())
        {
            var symbol = Variables.Of(operation);
            if (symbol is not null && operation.Type?.TypeKind == TypeKind.Struct && !IsKeptUse(operation))
            {
                changed.Add(symbol);
            }
        }

        return changed;
    }

    /// <summary>A use that leaves the variable as it is, or replaces it whole.</summary>
    private static bool IsKeptUse(IOperation reference) => reference.Parent switch
    {
        ISimpleAssignmentOperation { IsRef: true } => false,
        ISimpleAssignmentOperation assignment => assignment.Target == reference || !IsRefLocal(assignment.Target),
        IFieldReferenceOperation field when field.Instance == reference => IsReadOrRefArgument(field),
        IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.None or RefKind.In,
        IVariableInitializerOperation initializer => initializer.Parent is not IVariableDeclaratorOperation { Symbol.RefKind: not RefKind.None },
        IDeconstructionAssignmentOperation deconstruction => deconstruction.Value == reference,
        IReturnOperation or IConversionOperation => reference.Syntax.Parent is not RefExpressionSyntax,
        _ => false,
    };

    /// <summary>A field of the variable read, or passed by <c>ref</c> to a call (the engine forgets the variable after the call).</summary>
    private static bool IsReadOrRefArgument(IFieldReferenceOperation field)
    {
        if (field.Syntax.Parent is RefExpressionSyntax)
        {
            return false;
        }

        return field.Parent switch
        {
            IArgumentOperation => true,
            ISimpleAssignmentOperation { IsRef: true } => false,
            IAssignmentOperation assignment => assignment.Target != field,
            IVariableInitializerOperation initializer => initializer.Parent is not IVariableDeclaratorOperation { Symbol.RefKind: not RefKind.None },
            IInvocationOperation or IPropertyReferenceOperation or IFieldReferenceOperation => field.Field.Type.IsReferenceType,
            IConversionOperation or IReturnOperation or IBinaryOperation or IUnaryOperation or IExpressionStatementOperation
                or IInterpolationOperation or IConditionalOperation or ICoalesceOperation or IIsTypeOperation or IIsPatternOperation => true,
            _ => false,
        };
    }

    private static bool IsRefLocal(IOperation target) => target is ILocalReferenceOperation { Local.RefKind: not RefKind.None };
}
