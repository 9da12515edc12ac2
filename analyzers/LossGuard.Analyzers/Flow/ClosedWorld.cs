using System.Linq;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// What code outside the compilation can reach: nothing of an executable's; a library's public and protected members
/// (protected ones only where a class outside can derive), and its internal ones too when it grants
/// <c>InternalsVisibleTo</c>.
/// </summary>
internal sealed class ClosedWorld
{
    private readonly bool executable;
    private readonly bool internalsVisible;

    public ClosedWorld(Compilation compilation)
    {
        executable = compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication;
        internalsVisible = compilation.Assembly.GetAttributes().Any(attribute =>
            attribute.AttributeClass is { Name: "InternalsVisibleToAttribute", ContainingNamespace: { Name: "CompilerServices", ContainingNamespace.Name: "Runtime" } });
    }

    /// <summary>Whether code outside the compilation can use <paramref name="symbol"/> (call a method, assign a field, call a setter).</summary>
    public bool IsReachableFromOutside(ISymbol symbol)
    {
        if (executable)
        {
            return false;
        }

        // A setter's containing symbol is its type: its own accessibility, then its type's and their containers'.
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (!IsVisible(current.DeclaredAccessibility, derivable: current.ContainingType is not { IsSealed: true }))
            {
                return false;
            }
        }

        return true;
    }

    /// <param name="derivable">Whether a class outside could derive from the member's class (protected access needs one).</param>
    private bool IsVisible(Accessibility accessibility, bool derivable) => accessibility switch
    {
        Accessibility.Public => true,
        Accessibility.Protected => derivable,
        Accessibility.ProtectedOrInternal => derivable || internalsVisible,
        Accessibility.Internal => internalsVisible,
        Accessibility.ProtectedAndInternal => derivable && internalsVisible,
        _ => false,
    };
}
