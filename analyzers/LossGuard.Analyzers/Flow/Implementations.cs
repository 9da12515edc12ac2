using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// The methods an interface or virtual call may run, when the compilation knows them all: every class or struct of
/// the compilation that can be the receiver (implements the interface, or derives from the method's class), each
/// with the body it runs (its own override, or the one it inherits). Nothing when code outside the compilation could
/// add one (a public interface or an overridable public method of a library), when an interface is not the
/// compilation's own, or when there are more than <see cref="MaxImplementations"/>.
/// </summary>
internal sealed class Implementations
{
    public const int MaxImplementations = 8;

    private readonly Compilation compilation;
    private readonly ClosedWorld closedWorld;
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>?> known = new(SymbolEqualityComparer.Default);
    private INamedTypeSymbol[]? concreteTypes;

    public Implementations(Compilation compilation, ClosedWorld closedWorld)
    {
        this.compilation = compilation;
        this.closedWorld = closedWorld;
    }

    /// <summary>The methods a call of <paramref name="method"/> may run; <c>null</c> when they are not all known.</summary>
    public ImmutableArray<IMethodSymbol>? Of(IMethodSymbol method) =>
        known.TryGetValue(method, out var found) ? found : known.GetOrAdd(method, Find);

    private ImmutableArray<IMethodSymbol>? Find(IMethodSymbol method)
    {
        var declaring = method.ContainingType;
        if (method.IsGenericMethod || !SourceBodies.IsDeclaredIn(compilation, method)
            || closedWorld.IsReachableFromOutside(declaring.TypeKind == TypeKind.Interface ? declaring : method))
        {
            return null;
        }

        var targets = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var type in ConcreteTypes())
        {
            // A generic interface implemented for two type arguments: which one the call uses is not known here.
            if (declaring.TypeKind == TypeKind.Interface
                && type.AllInterfaces.Count(candidate => SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, declaring.OriginalDefinition)) > 1)
            {
                return null;
            }

            if (RunBy(type, method) is not { } target)
            {
                continue;
            }

            // An override outside the compilation may replace a target that code outside can reach and override.
            targets.Add(target.OriginalDefinition);
            if (target.IsAbstract || !SourceBodies.IsDeclaredIn(compilation, target) || targets.Count > MaxImplementations
                || SourceBodies.IsOverridable(target) && closedWorld.IsReachableFromOutside(target))
            {
                return null;
            }
        }

        return targets.ToImmutableArray();
    }

    /// <summary>What a call of <paramref name="method"/> runs on an object of <paramref name="type"/>; <c>null</c> when that cannot be its receiver.</summary>
    private static IMethodSymbol? RunBy(INamedTypeSymbol type, IMethodSymbol method)
    {
        var declaring = method.ContainingType.OriginalDefinition;
        if (declaring.TypeKind == TypeKind.Interface)
        {
            var implemented = type.AllInterfaces.FirstOrDefault(candidate => SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, declaring));
            var member = implemented?.GetMembers(method.Name).OfType<IMethodSymbol>()
                .FirstOrDefault(candidate => SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, method.OriginalDefinition));
            return member is null ? null : type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation ? MostDerived(type, implementation) : null;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, declaring))
            {
                return MostDerived(type, method);
            }
        }

        return null;
    }

    /// <summary>The override of <paramref name="method"/> nearest to <paramref name="type"/>, or the method itself.</summary>
    private static IMethodSymbol MostDerived(INamedTypeSymbol type, IMethodSymbol method)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var candidate in current.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                if (Overrides(candidate, method))
                {
                    return candidate;
                }
            }
        }

        return method;
    }

    private static bool Overrides(IMethodSymbol candidate, IMethodSymbol method)
    {
        for (var current = candidate; current is not null; current = current.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, method.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The classes and structs of the compilation that objects can have: not abstract, not static, not interfaces.</summary>
    private INamedTypeSymbol[] ConcreteTypes()
    {
        if (Volatile.Read(ref concreteTypes) is { } types)
        {
            return types;
        }

        var found = new List<INamedTypeSymbol>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            var container = pending.Pop();
            foreach (var member in container.GetMembers())
            {
                if (member is INamespaceOrTypeSymbol nested)
                {
                    pending.Push(nested);
                }

                if (member is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, IsAbstract: false, IsStatic: false } type)
                {
                    found.Add(type);
                }
            }
        }

        var built = found.ToArray();
        return Interlocked.CompareExchange(ref concreteTypes, built, null) ?? built;
    }
}
