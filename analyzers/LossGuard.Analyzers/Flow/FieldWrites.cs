using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Flow;

/// <summary>Where a class's members may assign one of its fields (by name: a conservative syntactic scan).</summary>
internal static class FieldWrites
{
    /// <summary>Whether any of the members assigns the field, or passes it by reference.</summary>
    public static bool AnyAssigns(IEnumerable<SyntaxNode> members, string name) => Assigned(members).Contains(name);

    /// <summary>The names the members assign or pass by reference (a field or anything else of that name), in one walk.</summary>
    public static HashSet<string> Assigned(IEnumerable<SyntaxNode> members)
    {
        var names = new HashSet<string>();
        foreach (var node in members.SelectMany(member => member.DescendantNodes()))
        {
            var written = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => argument.Expression,
                PrefixUnaryExpressionSyntax prefix => prefix.Operand,
                PostfixUnaryExpressionSyntax postfix => postfix.Operand,
                _ => null,
            };
            if (written is not null && Name(written) is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The declarations of the type's constructors (<paramref name="constructors"/>) or of its other members.</summary>
    public static IEnumerable<SyntaxNode> Members(INamedTypeSymbol type, bool constructors, bool isStatic, System.Threading.CancellationToken cancellationToken) =>
        type.GetMembers()
            .Where(member => member is IMethodSymbol method
                && (method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor) == constructors
                && (!constructors || method.IsStatic == isStatic))
            .SelectMany(member => member.DeclaringSyntaxReferences)
            .Select(reference => reference.GetSyntax(cancellationToken));

    private static string? Name(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => null,
    };
}
