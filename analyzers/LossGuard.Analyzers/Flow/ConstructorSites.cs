using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Every creation in the compilation that runs a constructor: <c>new Trainer(...)</c> (also qualified or generic),
/// found where the class's name is spelled, and target-typed <c>new(...)</c>, found once per compilation. The sites
/// are all the ways to run it only for a constructor outside code cannot call (<see cref="ClosedWorld"/>) of a
/// class that is not abstract, not a record, declares no <c>: this(...)</c> chain, and that no class derives from
/// and no alias names (a base list or a <c>using</c> alias spelling its name: <c>: base(...)</c> calls are not read);
/// otherwise, or when a creation is not in a body whose facts can be read (a field initialiser), none.
/// </summary>
internal sealed class ConstructorSites
{
    private readonly Compilation compilation;
    private readonly SourceModels models;
    private readonly ClosedWorld closedWorld;
    private readonly NameIndex names;
    private TargetTyped? targetTyped;

    public ConstructorSites(Compilation compilation, SourceModels models, ClosedWorld closedWorld, NameIndex names)
    {
        this.compilation = compilation;
        this.models = models;
        this.closedWorld = closedWorld;
        this.names = names;
    }

    /// <summary>The creations that run <paramref name="constructor"/>, each in a body <see cref="CallSites.CallerMember"/> finds; <c>null</c> when they may not be all.</summary>
    public ImmutableArray<BaseObjectCreationExpressionSyntax>? Of(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        constructor = constructor.OriginalDefinition;
        var type = constructor.ContainingType;
        if (constructor.MethodKind != MethodKind.Constructor || constructor.IsStatic
            || type.TypeKind != TypeKind.Class || type.IsRecord || type.IsAbstract || type.IsStatic
            || closedWorld.IsReachableFromOutside(constructor)
            || constructor.DeclaringSyntaxReferences.Length != 1
            || constructor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax
            || type.InstanceConstructors.Any(other => other.DeclaringSyntaxReferences.Any(reference =>
                reference.GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax { Initializer: null or { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.BaseKeyword } })))
        {
            return null;
        }

        var sites = new List<BaseObjectCreationExpressionSyntax>();
        foreach (var tree in names.TreesSpelling(type.Name, cancellationToken))
        {
            var root = tree.GetRoot(cancellationToken);
            foreach (var name in NameText.Find(root, type.Name, names.IsPlain(tree, cancellationToken), cancellationToken))
            {
                if (name.Ancestors().Any(ancestor => ancestor is BaseListSyntax or UsingDirectiveSyntax))
                {
                    // A class that may derive from it (and call it through : base(...)), or an alias that may create it unspelled.
                    return null;
                }

                if (Creation(name) is { } creation && !Add(sites, creation, constructor, cancellationToken))
                {
                    return null;
                }
            }
        }

        var implicitCreations = Volatile.Read(ref targetTyped) ?? FindTargetTyped(cancellationToken);
        if (implicitCreations.Unread || implicitCreations.Unbound.Contains(constructor))
        {
            return null;
        }

        if (implicitCreations.Bound.TryGetValue(constructor, out var typed))
        {
            foreach (var creation in typed)
            {
                if (CallSites.CallerMember(creation) is null)
                {
                    return null;
                }

                sites.Add(creation);
            }
        }

        return sites.ToImmutableArray();
    }

    /// <summary>Adds a creation that runs the constructor; <c>false</c> when one may run it but cannot be read (unbound, or outside a body).</summary>
    private bool Add(List<BaseObjectCreationExpressionSyntax> sites, ObjectCreationExpressionSyntax creation, IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        if (models.Of(creation)?.GetSymbolInfo(creation, cancellationToken) is not { } info)
        {
            return false;
        }

        if (info.Symbol is not IMethodSymbol bound)
        {
            return !info.CandidateSymbols.Any(candidate => SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, constructor));
        }

        if (!SymbolEqualityComparer.Default.Equals(bound.OriginalDefinition, constructor))
        {
            return true;
        }

        if (CallSites.CallerMember(creation) is null)
        {
            return false;
        }

        sites.Add(creation);
        return true;
    }

    /// <summary>The creation whose type is this name (<c>new Trainer(...)</c>, <c>new Ns.Trainer(...)</c>, <c>new Trainer&lt;T&gt;(...)</c>).</summary>
    private static ObjectCreationExpressionSyntax? Creation(SimpleNameSyntax name)
    {
        SyntaxNode node = name;
        while (node.Parent is QualifiedNameSyntax qualified && qualified.Right == node || node.Parent is AliasQualifiedNameSyntax alias && alias.Name == node)
        {
            node = node.Parent;
        }

        return node.Parent is ObjectCreationExpressionSyntax creation && creation.Type == node ? creation : null;
    }

    /// <summary>Every target-typed <c>new(...)</c> of the compilation, by the constructor it runs, bound once per compilation.</summary>
    private TargetTyped FindTargetTyped(CancellationToken cancellationToken)
    {
        var found = new TargetTyped(new Dictionary<IMethodSymbol, List<BaseObjectCreationExpressionSyntax>>(SymbolEqualityComparer.Default), new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default));
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            foreach (var creation in root.DescendantNodes().OfType<ImplicitObjectCreationExpressionSyntax>())
            {
                if (models.Of(creation)?.GetSymbolInfo(creation, cancellationToken) is not { } info)
                {
                    found.Unread = true;
                    continue;
                }

                if (info.Symbol is IMethodSymbol bound)
                {
                    var key = bound.OriginalDefinition;
                    if (!found.Bound.TryGetValue(key, out var list))
                    {
                        found.Bound[key] = list = new List<BaseObjectCreationExpressionSyntax>();
                    }

                    list.Add(creation);
                }
                else
                {
                    foreach (var candidate in info.CandidateSymbols)
                    {
                        if (candidate is IMethodSymbol method)
                        {
                            found.Unbound.Add(method.OriginalDefinition);
                        }
                    }
                }
            }
        }

        return Interlocked.CompareExchange(ref targetTyped, found, null) ?? found;
    }

    /// <summary>Target-typed creations by the constructor they run, and the constructors an unbound one may run.</summary>
    private sealed record TargetTyped(Dictionary<IMethodSymbol, List<BaseObjectCreationExpressionSyntax>> Bound, HashSet<IMethodSymbol> Unbound)
    {
        /// <summary>A target-typed creation could not be bound at all: it may run any constructor.</summary>
        public bool Unread { get; set; }
    }
}
