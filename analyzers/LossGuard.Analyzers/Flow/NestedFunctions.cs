using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// The lambdas and local functions of a body on its operation tree that are not inside another one: those a graph of
/// the body would list as its own (<c>LocalFunctions</c>, and the lambdas in its blocks).
/// </summary>
internal static class NestedFunctions
{
    public static (List<ILocalFunctionOperation> LocalFunctions, List<IAnonymousFunctionOperation> Lambdas) Of(IOperation root)
    {
        var localFunctions = new List<ILocalFunctionOperation>();
        var lambdas = new List<IAnonymousFunctionOperation>();
        foreach (var child in root.ChildOperations)
        {
            Collect(child, localFunctions, lambdas);
        }

        return (localFunctions, lambdas);
    }

    /// <summary>The local function of this name declared in the body that holds <paramref name="operation"/>, or in an enclosing one.</summary>
    public static ILocalFunctionOperation? Declaration(IOperation operation, IMethodSymbol localFunction)
    {
        var root = operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        foreach (var candidate in root.Descendants())
        {
            if (candidate is ILocalFunctionOperation declared && SymbolEqualityComparer.Default.Equals(declared.Symbol, localFunction))
            {
                return declared;
            }
        }

        return null;
    }

    private static void Collect(IOperation operation, List<ILocalFunctionOperation> localFunctions, List<IAnonymousFunctionOperation> lambdas)
    {
        switch (operation)
        {
            case ILocalFunctionOperation localFunction:
                localFunctions.Add(localFunction);
                return;
            case IAnonymousFunctionOperation lambda:
                lambdas.Add(lambda);
                return;
        }

        foreach (var child in operation.ChildOperations)
        {
            Collect(child, localFunctions, lambdas);
        }
    }
}
