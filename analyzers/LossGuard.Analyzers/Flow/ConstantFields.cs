using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Flow;

/// <summary>Constant propagation through <c>readonly</c> fields whose initialiser is a constant.</summary>
internal static class ConstantFields
{
    /// <summary>The initialiser's constant, unless a constructor may assign the field another value.</summary>
    public static object? InitialValue(Compilation compilation, IFieldSymbol field, CancellationToken cancellationToken)
    {
        if (!field.IsReadOnly
            || field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer }
            || !compilation.ContainsSyntaxTree(initializer.SyntaxTree)
            || ConstructorsMayAssign(field, cancellationToken))
        {
            return null;
        }

#pragma warning disable RS1030 // The field is declared in another tree than the one analysed; the result is cached per field.
        var model = compilation.GetSemanticModel(initializer.SyntaxTree);
#pragma warning restore RS1030
        var constant = model.GetConstantValue(initializer, cancellationToken);
        return constant.HasValue ? constant.Value : null;
    }

    private static bool ConstructorsMayAssign(IFieldSymbol field, CancellationToken cancellationToken) =>
        field.ContainingType.Constructors
            .Where(constructor => constructor.IsStatic == field.IsStatic)
            .SelectMany(constructor => constructor.DeclaringSyntaxReferences)
            .Select(reference => reference.GetSyntax(cancellationToken))
            .SelectMany(syntax => syntax.DescendantNodes())
            .Any(node => node is AssignmentExpressionSyntax assignment && Names(assignment.Left, field.Name)
                || node is ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument && Names(argument.Expression, field.Name));

    private static bool Names(ExpressionSyntax expression, string name) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == name,
        _ => false,
    };
}
