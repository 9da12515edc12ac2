using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// What an object's fields hold once it is constructed: field and property initialisers in order, then each
/// constructor.
/// </summary>
internal static class Construction
{
    /// <summary>
    /// A model's fields after construction (joined over its constructors, from the same runs as field values: calls
    /// keep fields, since a callee that assigns one counts as assigning it elsewhere), keeping only fields of the type
    /// that no other member assigns, and lists only their constructors fill (<see cref="Collections.OnlyFilledByConstructors"/>).
    /// </summary>
    public static FlowState Fields(DataflowEngine engine, INamedTypeSymbol type, List<(SyntaxNode? Constructor, MemberValues.MemberRun Run)> runs, CancellationToken cancellationToken) =>
        Fields(engine, type, runs.Select(run => run.Run.Exit).Aggregate(FlowState.Join), cancellationToken);

    private static FlowState Fields(DataflowEngine engine, INamedTypeSymbol type, FlowState constructed, CancellationToken cancellationToken)
    {
        var others = FieldWrites.Members(type, constructors: false, isStatic: false, cancellationToken).ToList();
        var assignedElsewhere = FieldWrites.Assigned(others);
        return constructed.FieldsOnly(field => SymbolEqualityComparer.Default.Equals(field.ContainingType, type)
            && AssignedInConstructionOnly(engine, field, assignedElsewhere.Contains, cancellationToken)
            && !(field.Type is INamedTypeSymbol list && Collections.IsList(list) && !Collections.OnlyFilledByConstructors(field, cancellationToken)));
    }

    /// <summary>
    /// Whether only the construction of its object sets the field: an instance field, private or read-only, that no
    /// other member of its class assigns or passes to a call (by reference or not) and no code outside its class assigns.
    /// </summary>
    public static bool SetOnlyByConstruction(DataflowEngine engine, IFieldSymbol field, CancellationToken cancellationToken)
    {
        var others = FieldWrites.Members(field.ContainingType, constructors: false, isStatic: false, cancellationToken).ToList();
        return (field.DeclaredAccessibility == Accessibility.Private || field.IsReadOnly)
            && AssignedInConstructionOnly(engine, field, name => FieldWrites.AnyAssigns(others, name, cancellationToken), cancellationToken)
            && !FieldWrites.AnyPassesAsArgument(others, field.Name, cancellationToken);
    }

    private static bool AssignedInConstructionOnly(DataflowEngine engine, IFieldSymbol field, System.Func<string, bool> assignedElsewhere, CancellationToken cancellationToken) =>
        !field.IsStatic && !assignedElsewhere(field.Name) && !AssignedOutside(engine, field, cancellationToken)
        && !FieldWrites.AnyAssignsOnOther(FieldWrites.Members(field.ContainingType, constructors: true, isStatic: false, cancellationToken), field.Name, cancellationToken);

    /// <summary>
    /// Whether code other than its class's own members assigns the field or changes it in place: another class
    /// (<c>model.Head = Linear(64, 4)</c>), a nested type, or a lambda or local function of a constructor, which may run
    /// after the construction. Writes in the class's other members are <see cref="FieldWrites.Assigned"/>'s.
    /// </summary>
    private static bool AssignedOutside(DataflowEngine engine, IFieldSymbol field, CancellationToken cancellationToken)
    {
        var declarations = field.ContainingType.DeclaringSyntaxReferences;
        return engine.Mentions.Of(field, cancellationToken).AnyWrite(field.OriginalDefinition, name => !InOwnMember(name, declarations), cancellationToken);
    }

    /// <summary>
    /// Whether the name is written in a member of the field's own class (not a nested type), and not inside a lambda or
    /// local function of a constructor or of a member's initialiser, which may run later.
    /// </summary>
    private static bool InOwnMember(SyntaxNode name, ImmutableArray<SyntaxReference> declarations)
    {
        var type = name.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (type is null || !declarations.Any(declaration => declaration.SyntaxTree == type.SyntaxTree && declaration.Span == type.Span))
        {
            return false;
        }

        foreach (var ancestor in name.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return InMethodBody(ancestor);
                case MemberDeclarationSyntax:
                    return true;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a lambda or local function sits in a method or accessor (whose writes <see cref="FieldWrites.Assigned"/>
    /// counts), not in a constructor or a member's initialiser, from where it may run at any time.
    /// </summary>
    private static bool InMethodBody(SyntaxNode function)
    {
        foreach (var ancestor in function.Ancestors())
        {
            switch (ancestor)
            {
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax }:
                case ConstructorDeclarationSyntax or BaseFieldDeclarationSyntax:
                    return false;
                case MemberDeclarationSyntax:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What each constructor of the type leaves in its members (<c>null</c> for a type without one: its initialisers'
    /// state), its parameters holding what every creation passes where the object keeps that unchanged
    /// (<see cref="ConstructorAgreement"/>), with calls keeping fields (<see cref="EngineBudget.KeepsFields"/>) and what members held at calls that
    /// may read them, over the whole construction; <c>null</c> past the budget.
    /// </summary>
    public static List<(SyntaxNode? Constructor, MemberValues.MemberRun Run)>? Exits(DataflowEngine engine, INamedTypeSymbol type, bool isStatic, CancellationToken cancellationToken)
    {
        var budget = new EngineBudget(EngineBudget.DefaultMaxCallDepth, cancellationToken) { KeepsFields = true };
        try
        {
            var state = Initialized(engine, type, isStatic, budget, cancellationToken);
            var exits = new List<(SyntaxNode? Constructor, FlowState Exit)>();
            foreach (var constructor in Constructors(type, isStatic, cancellationToken))
            {
                if (SourceBodies.OfSyntax(engine.Models, constructor, cancellationToken) is { } body)
                {
                    // An instance constructor runs with what every creation of it passes for parameters it keeps unchanged (ConstructorAgreement).
                    var (parameters, arguments) = !isStatic
                        && engine.Models.Of(constructor)?.GetDeclaredSymbol(constructor, cancellationToken) is IMethodSymbol symbol
                        && engine.ConstructorArguments(symbol, cancellationToken) is { } passed
                            ? (symbol.Parameters, passed)
                            : (ImmutableArray<IParameterSymbol>.Empty, ImmutableArray<AbstractValue>.Empty);
                    exits.Add((constructor, engine.Run(body, parameters, arguments, state, 0, budget).Exit));
                }
            }

            if (exits.Count == 0)
            {
                exits.Add((null, state));
            }

            return exits.Select(pair => (pair.Constructor, new MemberValues.MemberRun(pair.Exit, budget.Observed))).ToList();
        }
        catch (BudgetExceededException)
        {
            return null;
        }
    }

    /// <summary>
    /// What one constructor leaves in the fields of an object it makes from these arguments (allocation-site
    /// construction): the type's initialisers, then that constructor with its parameters bound. Only fields that
    /// <see cref="Fields(DataflowEngine, INamedTypeSymbol, FlowState, CancellationToken)"/> keeps and that nothing outside the class can
    /// assign (private or read-only); an array only when the class never changes it or hands it on
    /// (<see cref="Collections.OnlyFilledByConstructors"/>); the other fields hold what <paramref name="classFields"/>, the
    /// class's construction over all its constructors, says of every object. <c>null</c> for a constructor that calls another of its
    /// class (<c>: this(...)</c>), one without a body here, or past the budget.
    /// </summary>
    public static ConstructedObject? Allocated(DataflowEngine engine, IMethodSymbol constructor, ImmutableArray<AbstractValue> arguments, FlowState? classFields, CancellationToken cancellationToken)
    {
        var type = constructor.ContainingType;
        if (constructor.DeclaringSyntaxReferences.Length != 1
            || constructor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax declaration
            || declaration.Initializer is { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.ThisKeyword }
            || SourceBodies.OfSyntax(engine.Models, declaration, cancellationToken) is not { } body)
        {
            return null;
        }

        var budget = new EngineBudget(EngineBudget.DefaultMaxCallDepth, cancellationToken) { KeepsFields = true };
        try
        {
            var initialized = Initialized(engine, type, isStatic: false, budget, cancellationToken);
            var exit = engine.Run(body, constructor.Parameters, arguments, initialized, 0, budget).Exit;
            var own = Fields(engine, type, exit, cancellationToken).FieldsOnly(field =>
                (field.DeclaredAccessibility == Accessibility.Private || field.IsReadOnly)
                && (field.Type is not IArrayTypeSymbol || Collections.OnlyFilledByConstructors(field, cancellationToken, assignedFromArguments: true)));
            return new ConstructedObject(classFields is null ? own : own.FilledFrom(classFields));
        }
        catch (BudgetExceededException)
        {
            return null;
        }
    }

    private static IEnumerable<SyntaxNode> Constructors(INamedTypeSymbol type, bool isStatic, CancellationToken cancellationToken) =>
        (isStatic ? type.StaticConstructors : type.InstanceConstructors)
            .SelectMany(constructor => constructor.DeclaringSyntaxReferences)
            .Select(reference => reference.GetSyntax(cancellationToken));

    /// <summary>The state after the type's initialisers of fields and auto-properties, in declaration order.</summary>
    private static FlowState Initialized(DataflowEngine engine, INamedTypeSymbol type, bool isStatic, EngineBudget budget, CancellationToken cancellationToken)
    {
        var state = new FlowState();
        foreach (var member in type.GetMembers())
        {
            if (member.IsStatic != isStatic || member is not (IFieldSymbol or IPropertySymbol))
            {
                continue;
            }

            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var initializer = SourceBodies.InitializerOf(reference.GetSyntax(cancellationToken));
                if (initializer is not null && SourceBodies.OfSyntax(engine.Models, initializer, cancellationToken) is { } body)
                {
                    state = engine.Run(body, ImmutableArray<IParameterSymbol>.Empty, ImmutableArray<AbstractValue>.Empty, state, 0, budget).Exit;
                }
            }
        }

        return state;
    }
}

/// <summary>
/// The fields one object creation's constructor made from the arguments it was given (<see cref="Construction.Allocated"/>):
/// one per constructor and arguments, so values and summaries started from it compare by reference.
/// </summary>
internal sealed class ConstructedObject
{
    public ConstructedObject(FlowState fields) => Fields = fields;

    public FlowState Fields { get; }
}
