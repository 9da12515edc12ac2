using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Where a module or tensor may be changed in place out of the engine's sight: handed to a method of the compilation
/// that changes its parameter in place (a builder that appends a head, a helper that calls <c>log_()</c>), or to a
/// library's in-place function (<c>..._</c>); or aliased (stored in another variable, returned, exposed by another
/// member), after which a change through the alias is not a change the engine sees. A syntactic scan by names,
/// conservative: a parameter handed on more than <see cref="MaxDepth"/> calls deep counts as changed.
/// </summary>
internal sealed class ValueChanges
{
    private const int MaxDepth = 3;

    private readonly SourceModels models;
    private readonly ConcurrentDictionary<IParameterSymbol, bool> changedParameters = new(SymbolEqualityComparer.Default);

    public ValueChanges(SourceModels models) => this.models = models;

    /// <summary>Whether the callee may change what is passed for <paramref name="parameter"/> in place.</summary>
    public bool MayChange(IParameterSymbol parameter, CancellationToken cancellationToken) => MayChange(parameter, MaxDepth, cancellationToken);

    /// <summary>Whether this mention of a variable, field or property lets its value be changed where the engine does not follow it.</summary>
    public bool Escapes(SimpleNameSyntax mention, CancellationToken cancellationToken) => Escapes(mention, MaxDepth, cancellationToken);

    private bool MayChange(IParameterSymbol parameter, int depth, CancellationToken cancellationToken)
    {
        parameter = parameter.OriginalDefinition;
        if (changedParameters.TryGetValue(parameter, out var known))
        {
            return known;
        }

        var changed = parameter.ContainingSymbol is not IMethodSymbol method
            || (method.DeclaringSyntaxReferences.IsEmpty
                ? method.Name.EndsWith("_", System.StringComparison.Ordinal)
                : method.IsVirtual || method.IsAbstract || method.IsOverride && !method.IsSealed
                    || depth == 0
                    || method.DeclaringSyntaxReferences.Any(reference => NameText.Find(reference.GetSyntax(cancellationToken), parameter.Name, cancellationToken)
                        .Any(use => Escapes(use, depth - 1, cancellationToken))));
        return depth == MaxDepth ? changedParameters.GetOrAdd(parameter, changed) : changed;
    }

    /// <summary>
    /// Whether the mention is where <see cref="Escapes(SimpleNameSyntax, CancellationToken)"/> can say yes, read from the
    /// syntax alone (nothing bound): when not, it says no.
    /// </summary>
    public static bool MayEscape(SimpleNameSyntax mention)
    {
        var value = FluentSelf(mention.Parent is MemberAccessExpressionSyntax access && access.Name == mention ? access : mention);
        return FieldWrites.ReceivesInPlaceCall(value)
            || value.Parent is ArgumentSyntax or EqualsValueClauseSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax or YieldStatementSyntax
                or InitializerExpressionSyntax or TupleExpressionSyntax or ConditionalExpressionSyntax or SwitchExpressionArmSyntax or AnonymousObjectMemberDeclaratorSyntax
            || value.Parent is AssignmentExpressionSyntax assignment && assignment.Right == value;
    }

    private bool Escapes(SimpleNameSyntax mention, int depth, CancellationToken cancellationToken)
    {
        var value = FluentSelf(mention.Parent is MemberAccessExpressionSyntax access && access.Name == mention ? access : mention);
        if (FieldWrites.ReceivesInPlaceCall(value))
        {
            return true;
        }

        return value.Parent switch
        {
            ArgumentSyntax { Parent.Parent: var call } argument => Changed(call, argument, depth, cancellationToken),
            EqualsValueClauseSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax or YieldStatementSyntax => IsChangeable(value, cancellationToken),
            AssignmentExpressionSyntax assignment => assignment.Right == value && IsChangeable(value, cancellationToken),
            InitializerExpressionSyntax or TupleExpressionSyntax or ConditionalExpressionSyntax or SwitchExpressionArmSyntax or AnonymousObjectMemberDeclaratorSyntax
                => IsChangeable(value, cancellationToken),
            _ => false,
        };
    }

    /// <summary>
    /// Whether a value of this expression's type can be changed in place by whoever holds an alias of it: a layer
    /// container, a Keras model (compiled anew), a tensor or a list. A module typed as <c>Module&lt;T, TResult&gt;</c>
    /// offers no such change.
    /// </summary>
    private bool IsChangeable(ExpressionSyntax value, CancellationToken cancellationToken)
    {
        if (models.Of(value)?.GetTypeInfo(value, cancellationToken).Type is not INamedTypeSymbol named)
        {
            return true;
        }

        for (var type = named; type is not null; type = type.BaseType)
        {
            var root = type.ContainingNamespace;
            while (root?.ContainingNamespace is { IsGlobalNamespace: false } parent)
            {
                root = parent;
            }

            var changeable = root?.Name switch
            {
                "TorchSharp" => type.Name is "Sequential" or "ModuleList" or "ModuleDict" or "Tensor",
                "Tensorflow" => type.Name is "Sequential" or "Model" or "Functional" or "IModel",
                "System" => type.Name is "List",
                _ => false,
            };
            if (changeable)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Calls that return the module they are called on (<c>x.to(device).append(...)</c> changes <c>x</c>).</summary>
    private static ExpressionSyntax FluentSelf(ExpressionSyntax value)
    {
        while (value.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "to" or "cuda" or "cpu" or "train" or "eval" or "half" or "float" or "double" or "bfloat16" } access
            && access.Expression == value && access.Parent is InvocationExpressionSyntax invocation)
        {
            value = invocation;
        }

        return value;
    }

    /// <summary>Whether the method or constructor called with this argument may change it (unknown callee: it may).</summary>
    private bool Changed(SyntaxNode? call, ArgumentSyntax argument, int depth, CancellationToken cancellationToken)
    {
        if (call is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } })
        {
            return false;
        }

        if (call is not (InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax)
            || models.Of(call)?.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol callee)
        {
            return true;
        }

        var parameter = argument.NameColon is { } named
            ? callee.Parameters.FirstOrDefault(candidate => candidate.Name == named.Name.Identifier.ValueText)
            : ((BaseArgumentListSyntax)argument.Parent!).Arguments.IndexOf(argument) is var position && position < callee.Parameters.Length
                ? callee.Parameters[position]
                : callee.Parameters.LastOrDefault(candidate => candidate.IsParams);
        return parameter is null || MayChange(parameter, depth, cancellationToken);
    }
}
