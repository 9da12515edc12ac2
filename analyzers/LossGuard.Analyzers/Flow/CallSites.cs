using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Every place in the compilation that names a method. A private method can only be named inside its containing
/// type's declarations; other methods anywhere in the compilation. Names are found in the source text and confirmed
/// as name tokens, so no syntax is walked; the uses of one name in one scope are bound once and grouped by the method
/// they name. A call counts wherever its facts can be read: in a method, constructor or accessor body, or in
/// top-level statements, also inside their lambdas and local functions.
/// </summary>
internal sealed class CallSites
{
    private readonly SourceModels models;
    private readonly ConcurrentDictionary<(ISymbol? Scope, string Name), Dictionary<ISymbol, List<InvocationExpressionSyntax?>>> usesByName = new(ScopedNameComparer.Instance);

    private readonly ClosedWorld closedWorld;
    private readonly NameIndex names;

    public CallSites(SourceModels models, ClosedWorld closedWorld, NameIndex names)
    {
        this.closedWorld = closedWorld;
        this.names = names;
        this.models = models;
    }

    /// <summary>
    /// The invocations of <paramref name="method"/>, each in a body <see cref="CallerMember"/> finds; <c>null</c> when a
    /// use is not a plain call there (a method group, a call in a field initialiser) or callers outside the compilation may exist.
    /// </summary>
    public ImmutableArray<InvocationExpressionSyntax>? Of(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (!IsClosed(method))
        {
            return null;
        }

        var scope = method.DeclaredAccessibility == Accessibility.Private ? method.ContainingType.OriginalDefinition : null;
        var uses = usesByName.GetOrAdd((scope, method.Name), key => Bind(Uses(key.Scope as INamedTypeSymbol, key.Name, cancellationToken), cancellationToken));
        if (!uses.TryGetValue(method.OriginalDefinition, out var sites))
        {
            return ImmutableArray<InvocationExpressionSyntax>.Empty;
        }

        return sites.Any(site => site is null) ? null : sites.Select(site => site!).ToImmutableArray();
    }

    /// <summary>
    /// Only the compilation can call it directly: not virtual, not an override or interface implementation (implicit
    /// ones are public), and not reachable from outside (<see cref="ClosedWorld"/>).
    /// </summary>
    private bool IsClosed(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary
        && !method.IsVirtual && !method.IsOverride && !method.IsAbstract
        && method.ExplicitInterfaceImplementations.IsEmpty
        && !closedWorld.IsReachableFromOutside(method)
        && !(method.DeclaredAccessibility == Accessibility.Public && method.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers(method.Name)).Any(member =>
            SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method)));

    /// <summary>Every use of a name, by the symbol it binds to: the invocation, or <c>null</c> for a use that is not a plain call in a body.</summary>
    private Dictionary<ISymbol, List<InvocationExpressionSyntax?>> Bind(IEnumerable<SimpleNameSyntax> names, CancellationToken cancellationToken)
    {
        var uses = new Dictionary<ISymbol, List<InvocationExpressionSyntax?>>(SymbolEqualityComparer.Default);
        foreach (var name in names)
        {
            // A call is asked as a whole: the compiler's bound call answers it, where the name alone is bound anew.
            var invocation = Invocation(name);
            if (models.Of(name)?.GetSymbolInfo(invocation ?? (ExpressionSyntax)name, cancellationToken).Symbol?.OriginalDefinition is not IMethodSymbol bound)
            {
                continue;
            }

            if (!uses.TryGetValue(bound, out var list))
            {
                uses[bound] = list = new List<InvocationExpressionSyntax?>();
            }

            list.Add(invocation is not null && CallerMember(invocation) is not null ? invocation : null);
        }

        return uses;
    }

    /// <summary>The simple names spelled <paramref name="name"/> inside <paramref name="scope"/>'s declarations, or anywhere in the compilation.</summary>
    private IEnumerable<SimpleNameSyntax> Uses(INamedTypeSymbol? scope, string name, CancellationToken cancellationToken)
    {
        var roots = scope is null
            ? names.TreesSpelling(name, cancellationToken).Select(tree => tree.GetRoot(cancellationToken))
            : scope.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax(cancellationToken));
        return roots.SelectMany(root => NameText.Find(root, name, names.IsPlain(root.SyntaxTree, cancellationToken), cancellationToken)).ToList();
    }

    private static InvocationExpressionSyntax? Invocation(SimpleNameSyntax name) => name.Parent switch
    {
        InvocationExpressionSyntax invocation when invocation.Expression == name => invocation,
        MemberAccessExpressionSyntax access when access.Name == name && access.Parent is InvocationExpressionSyntax invocation
            && invocation.Expression == access => invocation,
        _ => null,
    };

    /// <summary>The member whose facts hold a call's arguments (also through lambdas and local functions, which the member's analysis covers).</summary>
    public static SyntaxNode? CallerMember(SyntaxNode call) => SourceBodies.EnclosingMember(call, throughNestedFunctions: true);
}
