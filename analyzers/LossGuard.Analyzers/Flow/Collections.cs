using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>Lists whose elements the engine follows: made empty, filled with <c>Add</c>, copied to an array (layers for a model).</summary>
internal static class Collections
{
    /// <summary>A <c>List</c>, or TorchSharp's <c>ModuleList</c> (a list of layers).</summary>
    public static bool IsList(INamedTypeSymbol type) =>
        BufferViews.Is(type, "System.Collections.Generic", "List", 1) || IsModuleList(type);

    private static bool IsModuleList(INamedTypeSymbol? type) => BufferViews.Is(type, "TorchSharp.Modules", "ModuleList", 1);

    /// <summary>
    /// Whether a private list field is filled only while its object is constructed (<c>steps.Add(layer)</c> in a
    /// constructor, or in a private method only constructors call) and otherwise only read: enumerated
    /// (<c>foreach (var step in steps)</c>), counted, or an element read (<c>steps[i].forward(x)</c>). Any other mention,
    /// anywhere in the class (nested types included), may change it or hand it on. By name: a conservative syntactic scan.
    /// <paramref name="assignedFromArguments"/>: construction may also assign it anything (an array a constructor was given).
    /// </summary>
    public static bool OnlyFilledByConstructors(IFieldSymbol field, CancellationToken cancellationToken, bool assignedFromArguments = false)
    {
        if (field.DeclaredAccessibility != Accessibility.Private)
        {
            return false;
        }

        var declarations = field.ContainingType.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax(cancellationToken)).ToList();
        return declarations.All(declaration => NameText.Find(declaration, field.Name, cancellationToken).All(name =>
            NamesParameter(name) || IsRead(Receiver(name)) || IsFill(Receiver(name), assignedFromArguments) && IsConstructing(name, declarations, cancellationToken)));
    }

    /// <summary>A bare name that a parameter of a method, lambda or local function around it declares: it names that parameter (<c>this.steps = steps</c>).</summary>
    private static bool NamesParameter(SimpleNameSyntax name) =>
        !(name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
        && name.Ancestors().Any(node => ParametersOf(node).Any(parameter => parameter.Identifier.ValueText == name.Identifier.ValueText));

    private static IEnumerable<ParameterSyntax> ParametersOf(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax method => method.ParameterList.Parameters,
        LocalFunctionStatementSyntax function => function.ParameterList.Parameters,
        ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Parameters,
        SimpleLambdaExpressionSyntax lambda => new[] { lambda.Parameter },
        AnonymousMethodExpressionSyntax method when method.ParameterList is { } list => list.Parameters,
        _ => Enumerable.Empty<ParameterSyntax>(),
    };

    private static bool IsRead(ExpressionSyntax list) => list.Parent switch
    {
        ForEachStatementSyntax loop => loop.Expression == list,
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Count" or "Length" } access => access.Expression == list && access.Parent is not InvocationExpressionSyntax,
        ElementAccessExpressionSyntax element => element.Expression == list && IsElementRead(element),
        _ => false,
    };

    /// <summary>An element read for its value or one of its members, never written through the list (<c>steps[0] = x</c>, <c>ref</c>).</summary>
    private static bool IsElementRead(ElementAccessExpressionSyntax element) => element.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression == element,
        ArgumentSyntax argument => argument.RefKindKeyword.IsKind(SyntaxKind.None),
        EqualsValueClauseSyntax or ReturnStatementSyntax => true,
        AssignmentExpressionSyntax assignment => assignment.Right == element && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression),
        _ => false,
    };

    /// <summary><c>steps.Add(x)</c>, or <c>steps = new ...</c> (with <paramref name="assigned"/>, <c>steps = anything</c>).</summary>
    private static bool IsFill(ExpressionSyntax list, bool assigned) =>
        list.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "append", Parent: InvocationExpressionSyntax } access && access.Expression == list
        || list.Parent is AssignmentExpressionSyntax assignment && assignment.Left == list && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            && (assigned || assignment.Right is BaseObjectCreationExpressionSyntax);

    /// <summary>In a constructor of the class, or in a private method that only its constructors call (on <c>this</c>, as a statement).</summary>
    private static bool IsConstructing(SyntaxNode node, IReadOnlyList<SyntaxNode> declarations, CancellationToken cancellationToken) =>
        DirectMember(node) switch
        {
            ConstructorDeclarationSyntax => true,
            MethodDeclarationSyntax method => method.Modifiers.All(modifier => modifier.IsKind(SyntaxKind.PrivateKeyword))
                && !SourceBodies.IsIterator(method)
                && declarations.All(declaration => NameText.Find(declaration, method.Identifier.ValueText, cancellationToken).All(use =>
                    Receiver(use) is var called && called.Parent is InvocationExpressionSyntax { Parent: ExpressionStatementSyntax } call && call.Expression == called
                    && DirectMember(use) is ConstructorDeclarationSyntax)),
            _ => false,
        };

    /// <summary>The member whose own statements hold the node; <c>null</c> inside a lambda or local function, which may run at any time.</summary>
    private static MemberDeclarationSyntax? DirectMember(SyntaxNode node) =>
        node.FirstAncestorOrSelf<SyntaxNode>(ancestor => ancestor is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            as MemberDeclarationSyntax;

    /// <summary>The name, or <c>this.name</c>.</summary>
    private static ExpressionSyntax Receiver(SimpleNameSyntax name) =>
        name.Parent is MemberAccessExpressionSyntax access && access.Name == name && access.Expression is ThisExpressionSyntax ? access : name;

    /// <summary>Whether a reference to a list hands it on (to another variable, an array, a tuple, a return, a new object) rather than using it in place.</summary>
    public static bool Escapes(IOperation reference)
    {
        var use = reference;
        while (use.Parent is IConversionOperation conversion)
        {
            use = conversion;
        }

        return use.Parent switch
        {
            IInvocationOperation call => call.Instance != use,
            IPropertyReferenceOperation property => property.Instance != use,
            IForEachLoopOperation loop => loop.Collection != use,
            IArgumentOperation { Parent: IInvocationOperation } => false,
            _ => true,
        };
    }

    /// <summary>What reading a list's <c>Count</c>, or its element at a known index, gives when its elements are known.</summary>
    public static AbstractValue? Read(IPropertySymbol property, AbstractValue? list, AbstractValue? index)
    {
        if (list?.Elements is not { } elements || property.ContainingType is not { } type || !IsList(type))
        {
            return null;
        }

        if (property.Name == "Count" && !property.IsIndexer)
        {
            return AbstractValue.OfConstant(elements.Items.Length);
        }

        return property.IsIndexer && index?.IntegerConstant is int at && at >= 0 && at < elements.Items.Length
            ? elements.Items[at]
            : null;
    }

    /// <summary>The elements a new list starts with: none, or the layers given to a <c>ModuleList</c>; <c>null</c> for anything else.</summary>
    public static ValueList<AbstractValue>? NewElements(INamedTypeSymbol? type, ImmutableArray<ArgumentFact> arguments) => type switch
    {
        null => null,
        _ when arguments.IsEmpty && IsList(type) => new ValueList<AbstractValue>(Enumerable.Empty<AbstractValue>()),
        _ when arguments.Length == 1 && IsModuleList(type) => Listed(arguments[0]),
        _ => null,
    };

    /// <summary><c>nn.ModuleList(a, b, c)</c>: a new list of those layers.</summary>
    public static bool IsModuleListFactory(IMethodSymbol method) =>
        method.Name == "ModuleList" && method.IsStatic && method.Parameters.Length == 1 && method.Parameters[0].IsParams
        && IsModuleList(method.ReturnType as INamedTypeSymbol);

    /// <summary><c>list.ToArray()</c>: a new array of the list's elements, in order.</summary>
    public static bool IsToArray(IMethodSymbol method) =>
        method.Name == "ToArray" && !method.IsStatic && method.Parameters.IsEmpty
        && IsList(method.ContainingType);

    public static bool IsAdd(IMethodSymbol method, ImmutableArray<ArgumentFact> arguments) =>
        method.Name == "Add" && !method.IsStatic && arguments.Length == 1
        && IsList(method.ContainingType);

    /// <summary>What <c>Add(x)</c> or a <c>ModuleList</c>'s <c>append(a, b)</c> adds, in order; <c>null</c> for any other call, or unknown elements.</summary>
    public static IEnumerable<AbstractValue>? Added(IMethodSymbol method, ImmutableArray<ArgumentFact> arguments)
    {
        if (IsAdd(method, arguments))
        {
            return new[] { arguments[0].Value };
        }

        return method.Name == "append" && !method.IsStatic && arguments.Length == 1 && method.Parameters[0].IsParams && IsModuleList(method.ContainingType)
            ? Listed(arguments[0])?.Items
            : null;
    }

    /// <summary>The layers written out as a <c>params</c> list (<c>append(a, b)</c>); not an array variable, whose elements may have been written unseen.</summary>
    public static ValueList<AbstractValue>? Listed(ArgumentFact argument) =>
        argument.Expression is IArrayCreationOperation { IsImplicit: true } ? argument.Value.Elements : null;
}
