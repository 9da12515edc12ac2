using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Classes of the compilation that only carry results (a policy and a value head, a record of outputs): every instance
/// field read-only or the backing field of a get-only or <c>init</c> auto-property, none initialised, no base class of
/// the compilation. Once constructed they never change, so wherever the object goes its fields hold what its
/// constructor stored; they are followed like structs (<see cref="StructFields"/>).
/// </summary>
internal static class CarrierClasses
{
    public static bool IsCarrier(INamedTypeSymbol type) =>
        type is { TypeKind: TypeKind.Class, IsAbstract: false, IsStatic: false, IsGenericType: false }
        && type.BaseType is { SpecialType: SpecialType.System_Object }
        && Fields(type) is { Count: > 0 and <= StructFields.MaxFields } fields
        && fields.All(field => field.IsReadOnly && !HasInitializer(field));

    /// <summary>The instance fields, backing fields of auto-properties included, in declaration order: the order of the value's elements.</summary>
    public static List<IFieldSymbol> Fields(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IFieldSymbol>().Where(field => !field.IsStatic && !field.IsConst).ToList();

    /// <summary>The symbol a constructor's run keeps a field's value under: an auto-property's own, or the field.</summary>
    public static ISymbol StateKey(IFieldSymbol field) => (ISymbol?)(field.AssociatedSymbol as IPropertySymbol) ?? field;

    /// <summary>The backing field of a carrier's auto-property that no override can replace, or <c>null</c>.</summary>
    public static IFieldSymbol? BackingField(IPropertySymbol property) =>
        property is { IsStatic: false, IsVirtual: false, IsOverride: false, IsAbstract: false, IsIndexer: false } && IsCarrier(property.ContainingType)
            ? Fields(property.ContainingType).FirstOrDefault(field => SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
            : null;

    /// <summary>
    /// A positional record's primary constructor (<c>record Outputs(Tensor Policy, Tensor Value)</c>): each field is the
    /// argument of the parameter its property is declared by; <c>null</c> for any other constructor.
    /// </summary>
    public static AbstractValue[]? PrimaryConstructorFields(IMethodSymbol constructor, IReadOnlyList<AbstractValue> arguments)
    {
        if (!constructor.ContainingType.IsRecord
            || constructor.DeclaringSyntaxReferences.Length != 1
            || constructor.DeclaringSyntaxReferences[0].GetSyntax() is not TypeDeclarationSyntax)
        {
            return null;
        }

        var fields = Fields(constructor.ContainingType);
        var values = new AbstractValue[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            var parameter = fields[i].AssociatedSymbol is IPropertySymbol { DeclaringSyntaxReferences.Length: 1 } property
                && property.DeclaringSyntaxReferences[0].GetSyntax() is ParameterSyntax
                    ? constructor.Parameters.FirstOrDefault(candidate => candidate.Name == property.Name)
                    : null;
            if (parameter is null || parameter.Ordinal >= arguments.Count)
            {
                return null;
            }

            values[i] = arguments[parameter.Ordinal];
        }

        return values;
    }

    private static bool HasInitializer(IFieldSymbol field) =>
        (field.AssociatedSymbol ?? field).DeclaringSyntaxReferences.Any(reference => reference.GetSyntax() switch
        {
            VariableDeclaratorSyntax declarator => declarator.Initializer is not null,
            PropertyDeclarationSyntax property => property.Initializer is not null,
            _ => false,
        });
}
