using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>Lists whose elements the engine follows: made empty, filled with <c>Add</c>, copied to an array (layers for a model).</summary>
internal static class Collections
{
    public static bool IsList(INamedTypeSymbol type) => BufferViews.Is(type, "System.Collections.Generic", "List", 1);

    /// <summary>
    /// Whether any of the members may change or hand on a list so named: any mention but as the collection a
    /// <c>foreach</c> walks (by name: a conservative syntactic scan).
    /// </summary>
    public static bool AnyUses(IEnumerable<SyntaxNode> members, string name, CancellationToken cancellationToken) =>
        members.Any(member => NameText.Find(member, name, cancellationToken).Any(simple => !IsEnumerated(simple)));

    private static bool IsEnumerated(SimpleNameSyntax name)
    {
        SyntaxNode expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name && access.Expression is ThisExpressionSyntax
            ? access
            : name;
        return expression.Parent is ForEachStatementSyntax loop && loop.Expression == expression;
    }

    public static bool IsNewList(IObjectCreationOperation creation) =>
        creation.Arguments.IsEmpty && creation.Type is INamedTypeSymbol type && IsList(type);

    /// <summary><c>list.ToArray()</c>: a new array of the list's elements, in order.</summary>
    public static bool IsToArray(IMethodSymbol method) =>
        method.Name == "ToArray" && !method.IsStatic && method.Parameters.IsEmpty
        && IsList(method.ContainingType);

    public static bool IsAdd(IMethodSymbol method, ImmutableArray<ArgumentFact> arguments) =>
        method.Name == "Add" && !method.IsStatic && arguments.Length == 1
        && IsList(method.ContainingType);
}
