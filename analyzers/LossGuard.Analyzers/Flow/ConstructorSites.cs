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
/// found where the class's name is spelled, and target-typed <c>new(...)</c>, found once per compilation. They are all
/// the ways to run it only for a constructor outside code cannot call (<see cref="ClosedWorld"/>) of a plain class (no
/// base class but <c>object</c>; no interface but <c>IDisposable</c>, since a container may resolve it through one; not
/// abstract, static or a record; no <c>: this(...)</c> chain) in a compilation that does not spell a reflection call
/// creating objects (<see cref="ReflectionNames"/>), whose name the
/// compilation spells only where nothing can create it unseen: the type of a creation, of a variable, parameter,
/// property or method, or before a static member (<c>Trainer.Create()</c>). Anything else (a base list, a <c>using</c>
/// alias, <c>typeof</c>, a type argument, a cast, <c>nameof</c>) gives none.
/// </summary>
internal sealed class ConstructorSites
{
    private readonly Compilation compilation;
    private readonly SourceModels models;
    private readonly ClosedWorld closedWorld;
    private readonly NameIndex names;
    private TargetTyped? targetTyped;

    /// <summary>
    /// Names that create objects of a class or write its fields without spelling either
    /// (<c>Activator.CreateInstance(t.GetType(), ...)</c>, a constructor or field found by reflection, an expression tree,
    /// <c>Unsafe.As</c>, overlapping fields): where the compilation spells one, no creation list is complete.
    /// </summary>
    private static readonly string[] ReflectionNames =
    {
        "CreateInstance", "CreateInstanceFrom", "CreateInstanceAndUnwrap", "GetConstructor", "GetConstructors", "DeclaredConstructors",
        "InvokeMember", "GetMember", "GetMembers", "FindMembers", "DeclaredMembers", "GetMethod", "GetMethods", "DeclaredMethods",
        "GetField", "GetFields", "DeclaredFields", "GetProperty", "GetProperties", "SetValue", "SetValueDirect", "GetUninitializedObject",
        "ConstructorInfo", "MethodBase", "Expression", "Unsafe", "FieldOffset", "Emit", "ILGenerator",
    };

    public ConstructorSites(Compilation compilation, SourceModels models, ClosedWorld closedWorld, NameIndex names)
    {
        this.compilation = compilation;
        this.models = models;
        this.closedWorld = closedWorld;
        this.names = names;
    }

    /// <summary>The creations that run <paramref name="constructor"/>; <c>null</c> when they may not be all.</summary>
    public ImmutableArray<BaseObjectCreationExpressionSyntax>? Of(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        constructor = constructor.OriginalDefinition;
        var type = constructor.ContainingType;
        if (constructor.MethodKind != MethodKind.Constructor || constructor.IsStatic
            || type.TypeKind != TypeKind.Class || type.IsRecord || type.IsAbstract || type.IsStatic
            || type.BaseType is not { SpecialType: SpecialType.System_Object }
            || type.AllInterfaces.Any(implemented => implemented.SpecialType != SpecialType.System_IDisposable)
            || closedWorld.IsReachableFromOutside(constructor)
            || ReflectionNames.Any(name => names.TreesSpelling(name, cancellationToken).Any())
            || constructor.DeclaringSyntaxReferences.Length != 1
            || constructor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax
            || type.InstanceConstructors.Any(other => other.DeclaringSyntaxReferences.Any(reference =>
                reference.GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax { Initializer: null })))
        {
            return null;
        }

        var sites = new List<BaseObjectCreationExpressionSyntax>();
        foreach (var tree in names.TreesSpelling(type.Name, cancellationToken))
        {
            var root = tree.GetRoot(cancellationToken);
            foreach (var name in NameText.Find(root, type.Name, names.IsPlain(tree, cancellationToken), cancellationToken))
            {
                if (name.Ancestors().Any(ancestor => ancestor is CrefSyntax))
                {
                    // A documentation comment's reference (<see cref="Trainer"/>) creates nothing.
                    continue;
                }

                if (models.Of(name)?.GetSymbolInfo(name, cancellationToken) is not { } info)
                {
                    return null;
                }

                if (info.Symbol is null)
                {
                    if (info.CandidateSymbols.IsEmpty && name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
                    {
                        // Another object's member of that name (x.Trainer) that does not bind: not the class.
                        continue;
                    }

                    return null;
                }

                if (!SymbolEqualityComparer.Default.Equals(info.Symbol.OriginalDefinition, type))
                {
                    continue;
                }

                var spelled = Spelled(name);
                switch (spelled.Parent)
                {
                    case ObjectCreationExpressionSyntax creation when creation.Type == spelled:
                        if (!Add(sites, creation, constructor, cancellationToken))
                        {
                            return null;
                        }

                        break;
                    case VariableDeclarationSyntax declaration when declaration.Type == spelled:
                    case ParameterSyntax parameter when parameter.Type == spelled:
                    case PropertyDeclarationSyntax property when property.Type == spelled:
                    case MethodDeclarationSyntax method when method.ReturnType == spelled:
                    case LocalFunctionStatementSyntax function when function.ReturnType == spelled:
                    case MemberAccessExpressionSyntax member when member.Expression == spelled:
                        break;
                    default:
                        // A base list, an alias, typeof, a type argument, a cast...: it may be created where no creation is seen.
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
            sites.AddRange(typed);
        }

        return sites.ToImmutableArray();
    }

    /// <summary>The name with its qualifiers and a nullable mark (<c>Ns.Trainer</c>, <c>Trainer?</c>).</summary>
    private static SyntaxNode Spelled(SimpleNameSyntax name)
    {
        SyntaxNode node = name;
        while (node.Parent is QualifiedNameSyntax qualified && qualified.Right == node
            || node.Parent is AliasQualifiedNameSyntax alias && alias.Name == node
            || node.Parent is NullableTypeSyntax)
        {
            node = node.Parent;
        }

        return node;
    }

    /// <summary>Adds a creation that runs the constructor; <c>false</c> when one may run it but cannot be read (unbound).</summary>
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

        if (SymbolEqualityComparer.Default.Equals(bound.OriginalDefinition, constructor))
        {
            sites.Add(creation);
        }

        return true;
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
