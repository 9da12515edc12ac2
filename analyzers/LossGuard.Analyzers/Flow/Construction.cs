using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// What a model's fields hold once it is constructed: field initialisers in order, then each constructor (joined),
/// keeping only fields that no other member assigns.
/// </summary>
internal static class Construction
{
    public static FlowState? Fields(DataflowEngine engine, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var budget = new EngineBudget(EngineBudget.DefaultMaxCallDepth, cancellationToken);
        try
        {
            var state = new FlowState();
            foreach (var field in type.GetMembers().OfType<IFieldSymbol>().Where(field => !field.IsStatic))
            {
                foreach (var reference in field.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer }
                        && SourceBodies.OfSyntax(engine.Models, initializer, cancellationToken) is { } body)
                    {
                        state = engine.Run(body, ImmutableArray<IParameterSymbol>.Empty, ImmutableArray<AbstractValue>.Empty, state, 0, budget).Exit;
                    }
                }
            }

            var exits = type.InstanceConstructors
                .SelectMany(constructor => constructor.DeclaringSyntaxReferences)
                .Select(reference => SourceBodies.OfSyntax(engine.Models, reference.GetSyntax(cancellationToken), cancellationToken))
                .Where(body => body is not null)
                .Select(body => engine.Run(body!, ImmutableArray<IParameterSymbol>.Empty, ImmutableArray<AbstractValue>.Empty, state, 0, budget).Exit)
                .ToList();
            var constructed = exits.Count == 0 ? state : exits.Aggregate(FlowState.Join);
            var assignedElsewhere = FieldWrites.Assigned(FieldWrites.Members(type, constructors: false, isStatic: false, cancellationToken));
            return constructed.FieldsOnly(field => SymbolEqualityComparer.Default.Equals(field.ContainingType, type)
                && !assignedElsewhere.Contains(field.Name));
        }
        catch (BudgetExceededException)
        {
            return null;
        }
    }
}
