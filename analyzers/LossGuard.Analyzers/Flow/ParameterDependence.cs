using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Whether a value a member computes may depend on what its callers pass: it reads a parameter, or a local that some
/// assignment in the member fills from one (flow-insensitive, so it over-approximates). A value that depends on no
/// parameter is the same for every caller, and reading it with the callers' arguments would tell nothing more.
/// </summary>
internal sealed class ParameterDependence
{
    /// <summary>Past this many passes over one member, every local counts as dependent.</summary>
    private const int MaxPasses = 8;

    private readonly SourceModels models;
    private readonly ConcurrentDictionary<SyntaxNode, ISet<ILocalSymbol>?> dependentLocals = new();

    public ParameterDependence(SourceModels models) => this.models = models;

    /// <summary>Whether <paramref name="value"/>, in <paramref name="member"/>'s body, may depend on a parameter.</summary>
    public bool MayDepend(SyntaxNode member, IOperation value, CancellationToken cancellationToken)
    {
        if (!dependentLocals.TryGetValue(member, out var locals))
        {
            locals = dependentLocals.GetOrAdd(member, syntax => DependentLocals(syntax, cancellationToken));
        }

        return locals is null || Reads(value, locals);
    }

    /// <summary>The locals filled from a parameter; <c>null</c> when every local must count (no body, too many passes).</summary>
    private ISet<ILocalSymbol>? DependentLocals(SyntaxNode member, CancellationToken cancellationToken)
    {
        if (models.Of(member)?.GetOperation(member, cancellationToken) is not { } body)
        {
            return null;
        }

        var writes = new List<(IOperation Target, IOperation? Value)>();
        foreach (var operation in body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    writes.Add((operation, declarator.GetVariableInitializer()?.Value));
                    break;
                case IAssignmentOperation assignment:
                    writes.Add((assignment.Target, assignment.Value));
                    break;
                case IForEachLoopOperation loop:
                    writes.Add((loop.LoopControlVariable, loop.Collection));
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument:
                    writes.Add((argument.Value, null));
                    break;
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol }:
                    writes.Add((operation, null));
                    break;
            }
        }

        var dependent = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var changed = false;
            foreach (var (target, value) in writes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (value is null || Reads(value, dependent))
                {
                    foreach (var local in Locals(target))
                    {
                        changed |= dependent.Add(local);
                    }
                }
            }

            if (!changed)
            {
                return dependent;
            }
        }

        return null;
    }

    /// <summary>The locals a write fills: a declared or assigned local, each local of a deconstruction or a declaration pattern.</summary>
    private static IEnumerable<ILocalSymbol> Locals(IOperation target)
    {
        if (target is IVariableDeclaratorOperation declared)
        {
            // Not its initializer's locals: they are read, not filled.
            yield return declared.Symbol;
            yield break;
        }

        foreach (var operation in target.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    yield return declarator.Symbol;
                    break;
                case ILocalReferenceOperation reference:
                    yield return reference.Local;
                    break;
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local }:
                    yield return local;
                    break;
            }
        }
    }

    private static bool Reads(IOperation value, ISet<ILocalSymbol> dependent)
    {
        var check = new ReadCheck(dependent);
        return !check.Visit(value) || !OperationWalk.All(value, ref check);
    }

    /// <summary>Stops at the first read of a parameter or a dependent local.</summary>
    private readonly struct ReadCheck : IOperationCheck
    {
        private readonly ISet<ILocalSymbol> dependent;

        public ReadCheck(ISet<ILocalSymbol> dependent) => this.dependent = dependent;

        public bool Visit(IOperation operation) => operation switch
        {
            IParameterReferenceOperation => false,
            ILocalReferenceOperation local => !dependent.Contains(local.Local),
            _ => true,
        };
    }
}
