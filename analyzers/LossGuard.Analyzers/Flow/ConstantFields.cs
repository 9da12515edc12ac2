using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Flow;

/// <summary>Constant propagation through <c>readonly</c> fields whose initialiser is a constant.</summary>
internal static class ConstantFields
{
    /// <summary>The initialiser's constant, unless a constructor may assign the field another value.</summary>
    public static object? InitialValue(SourceModels models, IFieldSymbol field, CancellationToken cancellationToken)
    {
        if (!field.IsReadOnly
            || !CanBeConstant(field.Type)
            || field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer }
            || models.Of(initializer) is not { } model
            || FieldWrites.AnyAssigns(FieldWrites.Members(field.ContainingType, constructors: true, field.IsStatic, cancellationToken), field.Name, cancellationToken))
        {
            return null;
        }

        var constant = model.GetConstantValue(initializer, cancellationToken);
        return constant.HasValue ? constant.Value : null;
    }

    /// <summary>Only numbers, booleans, characters, strings and enums have constants: an array initialiser is not bound.</summary>
    private static bool CanBeConstant(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Enum || type.SpecialType is >= SpecialType.System_Boolean and <= SpecialType.System_String;
}
