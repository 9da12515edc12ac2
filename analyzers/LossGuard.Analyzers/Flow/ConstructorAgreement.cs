using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// What a constructor's parameters hold when its class's construction runs (<see cref="Construction.Exits"/>): for a
/// parameter the object keeps unchanged, the join of what every creation in the compilation passes
/// (<see cref="ConstructorSites"/>). The object is kept in a field after the creation, so everything that mentions
/// it must be on a short allow-list of uses that cannot change it or hand it on:
/// <list type="bullet">
/// <item>the constructor only stores the parameter in a field or auto-property of its own class (<c>this.model = model;</c>,
/// a statement of its body), which has no initialiser, which outside code cannot reach, and which the compilation
/// mentions elsewhere only as the receiver of a library call that runs or reads the module (<see cref="ReadOnlyUse"/>);</item>
/// <item>each creation passes a fresh object: written out in the creation from library calls and constants only
/// (<c>new Trainer(Sequential(Linear(4, 3), Softmax(1)))</c>), or a local declared with such an initialiser that its
/// body mentions only in creations of this constructor (for this parameter) and in the same read-only uses.</item>
/// </list>
/// Anything else (an alias, a cast, a call of the compilation's own, a lambda capturing it, <c>ref</c>, an in-place
/// change) leaves the parameter unknown. A value made only of library calls and constants does not depend on the
/// state of the creating body, so it is evaluated on its own.
/// </summary>
internal static class ConstructorAgreement
{
    /// <summary>The library calls on a kept module that neither change it nor hand it on; their results may be used.</summary>
    private static readonly ImmutableHashSet<string> Reads = ImmutableHashSet.Create("forward", "call", "parameters");

    /// <summary>The library calls that only switch or move a kept module: allowed only as statements (their result, the module, is discarded).</summary>
    private static readonly ImmutableHashSet<string> Statements = ImmutableHashSet.Create("train", "eval", "to");

    /// <summary>The parameters' values by ordinal (<see cref="DataflowEngine.External"/> where not known); <c>null</c> when none is known.</summary>
    public static ImmutableArray<AbstractValue>? Of(DataflowEngine engine, IMethodSymbol constructor, ConstructorSites sites, CancellationToken cancellationToken)
    {
        constructor = constructor.OriginalDefinition;
        if (constructor.DeclaringSyntaxReferences.Length != 1
            || constructor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax declaration)
        {
            return null;
        }

        var kept = constructor.Parameters
            .Where(parameter => parameter.RefKind == RefKind.None && !parameter.IsParams && engine.Knowledge.CarriesValues(parameter.Type)
                && OnlyStored(engine, parameter, declaration, cancellationToken))
            .ToList();
        if (kept.Count == 0 || sites.Of(constructor, cancellationToken) is not { IsEmpty: false } creations)
        {
            return null;
        }

        var joined = new AbstractValue?[constructor.Parameters.Length];
        foreach (var site in creations)
        {
            if (engine.Models.Of(site)?.GetOperation(site, cancellationToken) is not IObjectCreationOperation { Initializer: null } creation
                || !SymbolEqualityComparer.Default.Equals(creation.Constructor?.OriginalDefinition, constructor))
            {
                return null;
            }

            foreach (var parameter in kept)
            {
                var value = Passed(engine, creation, parameter, cancellationToken);
                joined[parameter.Ordinal] = joined[parameter.Ordinal] is { } previous ? AbstractValue.Join(previous, value) : value;
            }
        }

        if (!joined.Any(value => value is not null && DataflowEngine.IsInformative(value)))
        {
            return null;
        }

        return constructor.Parameters.Select(parameter =>
            joined[parameter.Ordinal] is { } value && DataflowEngine.IsInformative(value) ? value : engine.External(parameter)).ToImmutableArray();
    }

    /// <summary>What one creation passes for a kept parameter: a fresh object written out in it, or in a local only read after; else unknown.</summary>
    private static AbstractValue Passed(DataflowEngine engine, IObjectCreationOperation creation, IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        var argument = creation.Arguments.FirstOrDefault(candidate => SymbolEqualityComparer.Default.Equals(candidate.Parameter?.OriginalDefinition, parameter));
        if (argument is not { ArgumentKind: ArgumentKind.Explicit, Syntax: ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.None } syntax })
        {
            return AbstractValue.Unknown;
        }

        if (IsFresh(engine, argument.Value))
        {
            return Evaluated(engine, argument.Value, cancellationToken);
        }

        if (syntax.Expression is IdentifierNameSyntax
            && Evaluator.Unconverted(argument.Value) is ILocalReferenceOperation { Local: var local }
            && FreshInitializer(engine, local, cancellationToken) is { } initializer
            && OnlyRead(engine, local, parameter, cancellationToken))
        {
            return Evaluated(engine, initializer, cancellationToken);
        }

        return AbstractValue.Unknown;
    }

    /// <summary>A value made of library calls and constants alone, evaluated without the body around it; unknown past the budget.</summary>
    private static AbstractValue Evaluated(DataflowEngine engine, IOperation value, CancellationToken cancellationToken)
    {
        try
        {
            var budget = new EngineBudget(EngineBudget.DefaultMaxCallDepth, cancellationToken);
            return new Evaluator(engine, FlowBody.OfTree(value), new FlowState(), 0, budget, new HashSet<ISymbol>(SymbolEqualityComparer.Default), calls: null)
                .Evaluate(value);
        }
        catch (BudgetExceededException)
        {
            return AbstractValue.Unknown;
        }
    }

    /// <summary>
    /// A new object no other variable can hold: library calls (static, or on such an object) and creations of library
    /// types, with constants, tuples, arrays and static library values that carry no model (a device, a dtype) as
    /// arguments. A call of the compilation's own may return a shared object; a variable, a field or a lambda may be
    /// held elsewhere.
    /// </summary>
    private static bool IsFresh(DataflowEngine engine, IOperation value)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation.ConstantValue.HasValue)
            {
                continue;
            }

            var allowed = operation switch
            {
                IInvocationOperation invocation => IsLibrary(invocation.TargetMethod),
                IObjectCreationOperation creation => creation.Initializer is null && creation.Constructor is { } made && IsLibrary(made),
                IConversionOperation conversion => conversion.OperatorMethod is null,
                IArgumentOperation or ITupleOperation or IArrayCreationOperation or IArrayInitializerOperation or IDefaultValueOperation or ILiteralOperation => true,
                IFieldReferenceOperation { Instance: null } field => IsLibrary(field.Field) && !engine.Knowledge.CarriesValues(field.Field.Type),
                IPropertyReferenceOperation { Instance: null } property => IsLibrary(property.Property) && !engine.Knowledge.CarriesValues(property.Property.Type),
                _ => false,
            };
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A member of TorchSharp or TensorFlow.NET, not of the compilation (a project of the solution it references may keep
    /// what it returns): their factories make new modules.
    /// </summary>
    private static bool IsLibrary(ISymbol symbol)
    {
        if (symbol.Locations.Any(location => location.IsInSource))
        {
            return false;
        }

        var outermost = symbol.ContainingNamespace;
        while (outermost is { ContainingNamespace.IsGlobalNamespace: false })
        {
            outermost = outermost.ContainingNamespace;
        }

        return outermost?.Name is "TorchSharp" or "Tensorflow";
    }

    /// <summary>The fresh initialiser of a plain local (<c>var net = Sequential(...);</c>), its only assignment.</summary>
    private static IOperation? FreshInitializer(DataflowEngine engine, ILocalSymbol local, CancellationToken cancellationToken)
    {
        if (local.IsRef || local.IsConst || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: not null, Parent.Parent: LocalDeclarationStatementSyntax } declarator
            || engine.Models.Of(declarator)?.GetOperation(declarator, cancellationToken) is not IVariableDeclaratorOperation { Initializer.Value: var initializer })
        {
            return null;
        }

        return IsFresh(engine, initializer) ? initializer : null;
    }

    /// <summary>
    /// Whether every mention of the local in its body, outside any lambda or local function other than its own, passes it
    /// to this constructor for this parameter or is a <see cref="ReadOnlyUse"/>.
    /// </summary>
    private static bool OnlyRead(DataflowEngine engine, ILocalSymbol local, IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        var declarator = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (SourceBodies.EnclosingMember(declarator, throughNestedFunctions: true) is not { } scope)
        {
            return false;
        }

        var function = NestedFunction(declarator);
        foreach (var name in NameText.Find(scope, local.Name, cancellationToken))
        {
            if (engine.Models.Of(name)?.GetSymbolInfo(name, cancellationToken).Symbol is not { } symbol)
            {
                return false;
            }

            if (!SymbolEqualityComparer.Default.Equals(symbol, local))
            {
                continue;
            }

            if (NestedFunction(name) != function)
            {
                return false;
            }

            var passed = name.Parent is ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.None, Parent.Parent: BaseObjectCreationExpressionSyntax } argument
                && engine.Models.Of(argument)?.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter: { } target }
                && SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, parameter);
            if (!passed && !ReadOnlyUse(engine, name, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private static SyntaxNode? NestedFunction(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(ancestor => ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);

    /// <summary>
    /// Whether the constructor mentions the parameter only to store it (<c>this.model = model;</c> or <c>Model = model;</c>,
    /// statements of its body) in instance fields or auto-properties of its class that keep it unchanged (<see cref="KeepsUnchanged"/>).
    /// </summary>
    private static bool OnlyStored(DataflowEngine engine, IParameterSymbol parameter, ConstructorDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var stored = false;
        foreach (var name in NameText.Find(declaration, parameter.Name, cancellationToken))
        {
            if (engine.Models.Of(name)?.GetSymbolInfo(name, cancellationToken).Symbol is not { } symbol)
            {
                return false;
            }

            if (!SymbolEqualityComparer.Default.Equals(symbol, parameter))
            {
                continue;
            }

            if (name.Parent is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
                || assignment.Right != name
                || !(assignment.Parent is ExpressionStatementSyntax { Parent: BlockSyntax block } && block == declaration.Body
                    || assignment.Parent is ArrowExpressionClauseSyntax arrow && arrow == declaration.ExpressionBody)
                || assignment.Left switch
                {
                    IdentifierNameSyntax => false,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax } => false,
                    _ => true,
                }
                || engine.Models.Of(assignment)?.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is not { } member
                || !KeepsUnchanged(engine, member, parameter.ContainingType, assignment.Left, cancellationToken))
            {
                return false;
            }

            stored = true;
        }

        return stored;
    }

    /// <summary>
    /// An instance field or auto-property declared by the class, without an initialiser, that outside code cannot reach
    /// and that the compilation mentions only in this one store and in <see cref="ReadOnlyUse"/>s.
    /// </summary>
    private static bool KeepsUnchanged(DataflowEngine engine, ISymbol member, INamedTypeSymbol type, ExpressionSyntax store, CancellationToken cancellationToken)
    {
        if (member.IsStatic || !SymbolEqualityComparer.Default.Equals(member.ContainingType.OriginalDefinition, type)
            || member is not (IFieldSymbol { IsImplicitlyDeclared: false } or IPropertySymbol)
            || member is IPropertySymbol property && !MemberValues.IsAutoProperty(property)
            || engine.ClosedWorld.IsReachableFromOutside(member)
            || member.DeclaringSyntaxReferences.Length != 1
            || SourceBodies.InitializerOf(member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken)) is not null)
        {
            return false;
        }

        var storeName = store is MemberAccessExpressionSyntax access ? access.Name : store;
        foreach (var name in engine.Mentions.Of(member, cancellationToken).All)
        {
            if (name == storeName)
            {
                continue;
            }

            if (engine.Models.Of(name)?.GetSymbolInfo(name, cancellationToken).Symbol is not { } symbol)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, member.OriginalDefinition) && !ReadOnlyUse(engine, name, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A mention of a kept module (alone, or as <c>this.model</c> / <c>other.model</c>) that receives a library call which
    /// neither changes the module's layers nor hands the module on: <c>forward</c>, <c>call</c>, <c>parameters</c>, or
    /// <c>train</c> / <c>eval</c> / <c>to</c> as a statement.
    /// </summary>
    private static bool ReadOnlyUse(DataflowEngine engine, SimpleNameSyntax name, CancellationToken cancellationToken)
    {
        ExpressionSyntax receiver = name.Parent is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } owner && owner.Name == name ? owner : name;
        if (receiver.Parent is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax method } call
            || call.Expression != receiver
            || call.Parent is not InvocationExpressionSyntax invocation
            || invocation.Expression != call)
        {
            return false;
        }

        var called = method.Identifier.ValueText;
        if (!Reads.Contains(called) && !(Statements.Contains(called) && invocation.Parent is ExpressionStatementSyntax))
        {
            return false;
        }

        return engine.Models.Of(invocation)?.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol target
            && IsLibrary(target);
    }
}
