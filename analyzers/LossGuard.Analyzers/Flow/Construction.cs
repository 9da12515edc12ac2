using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
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
    public static FlowState Fields(INamedTypeSymbol type, List<(SyntaxNode? Constructor, MemberValues.MemberRun Run)> runs, CancellationToken cancellationToken)
    {
        var constructed = runs.Select(run => run.Run.Exit).Aggregate(FlowState.Join);
        var others = FieldWrites.Members(type, constructors: false, isStatic: false, cancellationToken).ToList();
        var assignedElsewhere = FieldWrites.Assigned(others);
        return constructed.FieldsOnly(field => SymbolEqualityComparer.Default.Equals(field.ContainingType, type)
            && !assignedElsewhere.Contains(field.Name)
            && !(field.Type is INamedTypeSymbol list && Collections.IsList(list) && !Collections.OnlyFilledByConstructors(field, cancellationToken)));
    }

    /// <summary>
    /// What each constructor of the type leaves in its members (<c>null</c> for a type without one: its initialisers'
    /// state), with calls keeping fields (<see cref="EngineBudget.KeepsFields"/>) and what members held at calls that
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
                    exits.Add((constructor, engine.Run(body, ImmutableArray<IParameterSymbol>.Empty, ImmutableArray<AbstractValue>.Empty, state, 0, budget).Exit));
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
