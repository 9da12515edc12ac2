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
    /// Whether a private list field is filled only by its class's constructors (<c>steps.Add(layer)</c>) and otherwise
    /// only enumerated (<c>foreach (var step in steps)</c>): any other mention, anywhere in the class (nested types
    /// included), may change it or hand it on. By name: a conservative syntactic scan.
    /// </summary>
    public static bool OnlyFilledByConstructors(IFieldSymbol field, CancellationToken cancellationToken) =>
        field.DeclaredAccessibility == Accessibility.Private
        && field.ContainingType.DeclaringSyntaxReferences.All(reference =>
            NameText.Find(reference.GetSyntax(cancellationToken), field.Name, cancellationToken).All(name => IsEnumerated(name) || IsFilledByConstructor(name)));

    private static bool IsEnumerated(SimpleNameSyntax name) =>
        Receiver(name) is var expression && expression.Parent is ForEachStatementSyntax loop && loop.Expression == expression;

    /// <summary><c>steps.Add(x)</c> or <c>steps = new ...</c> in a constructor of the field's class.</summary>
    private static bool IsFilledByConstructor(SimpleNameSyntax name)
    {
        var expression = Receiver(name);
        var filled = expression.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Parent: InvocationExpressionSyntax } access && access.Expression == expression
            || expression.Parent is AssignmentExpressionSyntax { Right: BaseObjectCreationExpressionSyntax } assignment && assignment.Left == expression;
        return filled && name.FirstAncestorOrSelf<MemberDeclarationSyntax>() is ConstructorDeclarationSyntax;
    }

    /// <summary>The name, or <c>this.name</c>.</summary>
    private static ExpressionSyntax Receiver(SimpleNameSyntax name) =>
        name.Parent is MemberAccessExpressionSyntax access && access.Name == name && access.Expression is ThisExpressionSyntax ? access : name;

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
