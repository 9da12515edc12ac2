using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Every place in the compilation that names a method, found by name once per compilation and bound on demand: the
/// call sites whose arguments tell what a parameter holds.
/// </summary>
internal sealed class CallSites
{
    private readonly Compilation compilation;
    private Dictionary<string, List<IdentifierNameSyntax>>? byName;
    private readonly object gate = new();

    public CallSites(Compilation compilation) => this.compilation = compilation;

    /// <summary>
    /// The invocations of <paramref name="method"/>, each in a method or constructor body; <c>null</c> when a use is
    /// not a plain call there (a method group, a call inside a lambda) or callers outside the compilation may exist.
    /// </summary>
    public ImmutableArray<InvocationExpressionSyntax>? Of(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (!IsClosed(method))
        {
            return null;
        }

        var sites = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
        foreach (var name in Index(cancellationToken).TryGetValue(method.Name, out var names) ? names : new List<IdentifierNameSyntax>())
        {
#pragma warning disable RS1030 // Call sites live in other trees than the one analysed; each is bound once and the result cached by the engine.
            var model = compilation.GetSemanticModel(name.SyntaxTree);
#pragma warning restore RS1030
            if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition, method.OriginalDefinition))
            {
                continue;
            }

            if (Invocation(name) is not { } invocation || EnclosingFunction(invocation) is not (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax))
            {
                return null;
            }

            sites.Add(invocation);
        }

        return sites.ToImmutable();
    }

    /// <summary>Only the compilation can call it: not overridable or an interface implementation, and not visible outside an executable's compilation.</summary>
    private bool IsClosed(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary
        && !SourceGraphs.IsOverridable(method)
        && method.ExplicitInterfaceImplementations.IsEmpty
        && !method.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers(method.Name)).Any(member =>
            SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
        && (compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication
            || !IsVisibleOutside(method));

    private static bool IsVisibleOutside(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    private static InvocationExpressionSyntax? Invocation(IdentifierNameSyntax name) => name.Parent switch
    {
        InvocationExpressionSyntax invocation when invocation.Expression == name => invocation,
        MemberAccessExpressionSyntax access when access.Name == name && access.Parent is InvocationExpressionSyntax invocation
            && invocation.Expression == access => invocation,
        _ => null,
    };

    private static SyntaxNode? EnclosingFunction(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(ancestor => ancestor is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax
            or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);

    private Dictionary<string, List<IdentifierNameSyntax>> Index(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (byName is null)
            {
                var index = new Dictionary<string, List<IdentifierNameSyntax>>();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    foreach (var name in tree.GetRoot(cancellationToken).DescendantNodes().OfType<IdentifierNameSyntax>())
                    {
                        if (!index.TryGetValue(name.Identifier.ValueText, out var list))
                        {
                            index[name.Identifier.ValueText] = list = new List<IdentifierNameSyntax>();
                        }

                        list.Add(name);
                    }
                }

                byName = index;
            }

            return byName;
        }
    }
}
