using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>Decides whether a local holds exactly its initializer's value, contents included, wherever it is read.</summary>
internal static class LocalWrites
{
    /// <summary>
    /// The initializer of the referenced local when it is the local's only write and no use of the local may change
    /// the contents it refers to; otherwise null.
    /// </summary>
    public static IOperation? SoleInitializer(ILocalReferenceOperation reference, CancellationToken cancellationToken)
    {
        var local = reference.Local;
        if (local.IsRef)
        {
            return null;
        }

        IOperation? initializer = null;
        foreach (var operation in Root(reference).Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.Initializer is null || initializer is not null)
                    {
                        return null;
                    }

                    initializer = declarator.Initializer.Value;
                    break;
                case ILocalReferenceOperation use when SymbolEqualityComparer.Default.Equals(use.Local, local):
                    if (!IsReadOnlyUse(use))
                    {
                        return null;
                    }

                    break;
            }
        }

        return initializer;
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    private static bool IsReadOnlyUse(ILocalReferenceOperation use)
    {
        if (use.IsDeclaration)
        {
            return false;
        }

        IOperation value = use;
        while (value.Parent is IConversionOperation { IsImplicit: true } conversion)
        {
            if (IsReadOnlyView(conversion.Type))
            {
                return true;
            }

            value = conversion;
        }

        return value.Parent switch
        {
            IArgumentOperation argument =>
                argument.Parameter is { RefKind: RefKind.None or RefKind.In } parameter && IsReadOnlyView(parameter.Type),
            IArrayElementReferenceOperation element => element.ArrayReference == value && IsRead(element),
            IPropertyReferenceOperation property => property.Instance == value && !property.Property.ReturnsByRef,
            IForEachLoopOperation loop => loop.Collection == value,
            _ => false,
        };
    }

    private static bool IsRead(IOperation operation) => operation.Parent switch
    {
        IAssignmentOperation assignment => assignment.Target != operation,
        IIncrementOrDecrementOperation => false,
        IArgumentOperation argument => argument.Parameter is not { RefKind: RefKind.Ref or RefKind.Out },
        _ => true,
    };

    /// <summary>Types through which the referenced contents cannot be changed.</summary>
    private static bool IsReadOnlyView(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsGenericType: true } named
        && named.ContainingNamespace?.ToDisplayString() == "System"
        && named.Name is "ReadOnlySpan" or "ReadOnlyMemory";
}
