using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Flow;

/// <summary>Where a class's members may assign one of its fields (by name: a conservative syntactic scan).</summary>
internal static class FieldWrites
{
    /// <summary>Whether any of the members assigns the field, or passes it by reference.</summary>
    public static bool AnyAssigns(IEnumerable<SyntaxNode> members, string name) =>
        members.SelectMany(member => member.DescendantNodes()).Any(node =>
            node is AssignmentExpressionSyntax assignment && Names(assignment.Left, name)
            || node is ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument && Names(argument.Expression, name)
            || node is PrefixUnaryExpressionSyntax prefix && Names(prefix.Operand, name)
            || node is PostfixUnaryExpressionSyntax postfix && Names(postfix.Operand, name));

    /// <summary>The declarations of the type's constructors (<paramref name="constructors"/>) or of its other members.</summary>
    public static IEnumerable<SyntaxNode> Members(INamedTypeSymbol type, bool constructors, bool isStatic, System.Threading.CancellationToken cancellationToken) =>
        type.GetMembers()
            .Where(member => member is IMethodSymbol method
                && (method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor) == constructors
                && (!constructors || method.IsStatic == isStatic))
            .SelectMany(member => member.DeclaringSyntaxReferences)
            .Select(reference => reference.GetSyntax(cancellationToken));

    private static bool Names(ExpressionSyntax expression, string name) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == name,
        _ => false,
    };
}
