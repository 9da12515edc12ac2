using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// What code outside the compilation can reach: nothing of an executable's; a library's public and protected members
/// (protected ones only where a class outside can derive), and its internal ones too when it grants
/// <c>InternalsVisibleTo</c>.
/// </summary>
internal sealed class ClosedWorld
{
    private readonly Compilation compilation;
    private readonly bool executable;
    /// <summary>0 while not asked, then 1 (no) or 2 (yes).</summary>
    private int internalsVisible;

    public ClosedWorld(Compilation compilation)
    {
        this.compilation = compilation;
        executable = compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication;
    }

    /// <summary>Whether the assembly grants <c>InternalsVisibleTo</c>; its attributes are bound only when an internal member's reach is asked.</summary>
    private bool InternalsVisible
    {
        get
        {
            if (Volatile.Read(ref internalsVisible) == 0)
            {
                var granted = compilation.Assembly.GetAttributes().Any(attribute =>
                    attribute.AttributeClass is { Name: "InternalsVisibleToAttribute", ContainingNamespace: { Name: "CompilerServices", ContainingNamespace.Name: "Runtime" } });
                Volatile.Write(ref internalsVisible, granted ? 2 : 1);
            }

            return internalsVisible == 2;
        }
    }

    /// <summary>Whether code outside the compilation can use <paramref name="symbol"/> (call a method, assign a field, call a setter).</summary>
    public bool IsReachableFromOutside(ISymbol symbol) => IsReachable(symbol, throughDerivation: true);

    /// <summary>
    /// Whether code outside the compilation can assign <paramref name="writer"/> (a field, a setter) on the objects of
    /// the compilation's classes. Protected access lets a class outside assign it only on its own objects, as its
    /// override of a model's forward method would replace the forward its class declares: the analysis reads a class's
    /// members as its own constructors and methods leave them, so such access does not count.
    /// </summary>
    public bool IsAssignableFromOutside(ISymbol writer) => IsReachable(writer, throughDerivation: false);

    private bool IsReachable(ISymbol symbol, bool throughDerivation)
    {
        if (executable)
        {
            return false;
        }

        // A setter's containing symbol is its type: its own accessibility, then its type's and their containers'.
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            var derivable = throughDerivation && current.ContainingType is not { IsSealed: true };
            if (!IsVisible(current.DeclaredAccessibility, derivable))
            {
                return false;
            }
        }

        return true;
    }

    /// <param name="derivable">Whether a class outside could derive from the member's class and use the member (protected access needs one).</param>
    private bool IsVisible(Accessibility accessibility, bool derivable) => accessibility switch
    {
        Accessibility.Public => true,
        Accessibility.Protected => derivable,
        Accessibility.ProtectedOrInternal => derivable || InternalsVisible,
        Accessibility.Internal => InternalsVisible,
        Accessibility.ProtectedAndInternal => derivable && InternalsVisible,
        _ => false,
    };
}
