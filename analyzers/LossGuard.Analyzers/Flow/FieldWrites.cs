using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Flow;

/// <summary>Where a class's members may assign one of its fields (by name: a conservative syntactic scan).</summary>
internal static class FieldWrites
{
    /// <summary>
    /// Whether any of the members assigns the name (a field or anything else so named), also in a deconstruction,
    /// passes it by reference or increments it. Only the places the name is spelled are read.
    /// </summary>
    public static bool AnyAssigns(IEnumerable<SyntaxNode> members, string name, CancellationToken cancellationToken) =>
        members.Any(member => NameText.Find(member, name, cancellationToken).Any(simple => WriteOf(simple) is not null));

    /// <summary>Whether any of the members assigns the name on another object than <c>this</c> (<c>previous.head = null</c>).</summary>
    public static bool AnyAssignsOnOther(IEnumerable<SyntaxNode> members, string name, CancellationToken cancellationToken) =>
        members.Any(member => NameText.Find(member, name, cancellationToken).Any(simple => WriteOf(simple) is not null && !OnThis(simple)));

    /// <summary>
    /// Whether any of the members passes the name as an argument without a keyword (an <c>in</c> parameter takes it by
    /// reference unseen, and <c>Unsafe.AsRef</c> can write through one).
    /// </summary>
    public static bool AnyPassesAsArgument(IEnumerable<SyntaxNode> members, string name, CancellationToken cancellationToken) =>
        members.Any(member => NameText.Find(member, name, cancellationToken).Any(simple =>
            (simple.Parent is MemberAccessExpressionSyntax access && access.Name == simple ? access : (ExpressionSyntax)simple).Parent is ArgumentSyntax));

    private static bool OnThis(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access when access.Name == name => access.Expression is ThisExpressionSyntax,
        MemberBindingExpressionSyntax => false,
        _ => true,
    };

    /// <summary>Every name the members assign as <see cref="AnyAssigns"/> counts it, in one walk (for many names at once).</summary>
    public static HashSet<string> Assigned(IEnumerable<SyntaxNode> members)
    {
        var names = new HashSet<string>();
        foreach (var node in members.SelectMany(member => member.DescendantNodes()))
        {
            if (node is SimpleNameSyntax simple && WriteOf(simple) is not null)
            {
                names.Add(simple.Identifier.ValueText);
            }
        }

        return names;
    }

    /// <summary>Whether a name is assigned: <c>true</c> for an assignment the engine reads, <c>false</c> for one it cannot, <c>null</c> for a read.</summary>
    public static bool? WriteOf(SimpleNameSyntax name)
    {
        ExpressionSyntax expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name
            || name.Parent is MemberBindingExpressionSyntax
                ? (ExpressionSyntax)name.Parent
                : name;
        while (expression.Parent is ParenthesizedExpressionSyntax or TupleExpressionSyntax or ArgumentSyntax { Parent: TupleExpressionSyntax })
        {
            expression = (ExpressionSyntax)(expression.Parent is ArgumentSyntax argument ? argument.Parent! : expression.Parent);
        }

        return expression.Parent switch
        {
            AssignmentExpressionSyntax assignment when assignment.Left == expression => assignment.Parent is not InitializerExpressionSyntax,
            AssignmentExpressionSyntax { Left: ConditionalAccessExpressionSyntax } => false,
            ArgumentSyntax { RefKindKeyword.RawKind: not 0 } => false,
            RefExpressionSyntax => false,
            PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) => false,
            PostfixUnaryExpressionSyntax => false,
            ConditionalAccessExpressionSyntax { Parent: AssignmentExpressionSyntax } => false,
            _ => null,
        };
    }

    /// <summary>
    /// Whether the name (or <c>x.name</c>) receives a call that may change its value in place: a layer added to a
    /// container (<c>append</c>, <c>add</c>, <c>insert</c>, <c>extend</c>, <c>Add</c>...), a model compiled, or a
    /// TorchSharp in-place operation (<c>log_()</c>, <c>mul_()</c>). By the method's name: a conservative syntactic scan.
    /// </summary>
    public static bool ChangesInPlace(SimpleNameSyntax name) =>
        ReceivesInPlaceCall(name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name);

    /// <summary>Whether the value of <paramref name="receiver"/> receives a call that may change it in place (<see cref="ChangesInPlace"/>).</summary>
    public static bool ReceivesInPlaceCall(ExpressionSyntax receiver)
    {
        var method = receiver.Parent switch
        {
            MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } call when call.Expression == receiver => call.Name.Identifier.ValueText,
            ConditionalAccessExpressionSyntax { WhenNotNull: InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } } conditional
                when conditional.Expression == receiver => binding.Name.Identifier.ValueText,
            _ => null,
        };
        return method is not null && (method.EndsWith("_", System.StringComparison.Ordinal) || InPlaceMethods.Contains(method));
    }

    private static readonly HashSet<string> InPlaceMethods = new()
    {
        "append", "add", "insert", "extend", "compile", "add_module", "register_module",
        "Add", "AddRange", "Insert", "InsertRange", "Clear", "Remove", "RemoveAt", "RemoveAll", "RemoveRange",
    };

    /// <summary>
    /// The declarations of the type's constructors of that kind (instance or static) (<paramref name="constructors"/>),
    /// or of its other methods, accessors and constructors of the other kind.
    /// </summary>
    public static IEnumerable<SyntaxNode> Members(INamedTypeSymbol type, bool constructors, bool isStatic, CancellationToken cancellationToken) =>
        type.GetMembers()
            .Where(member => member is IMethodSymbol method
                && (method.MethodKind == (isStatic ? MethodKind.StaticConstructor : MethodKind.Constructor)) == constructors)
            .SelectMany(member => member.DeclaringSyntaxReferences)
            .Select(reference => reference.GetSyntax(cancellationToken));

    private static string? Name(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => null,
    };
}
