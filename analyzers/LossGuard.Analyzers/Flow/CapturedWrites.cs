using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Locals and parameters that a lambda or local function assigns, and lists it mentions (it may change them through
/// their methods): they may change whenever the function runs, so the engine never tracks them.
/// </summary>
internal static class CapturedWrites
{
    private static readonly ISet<ISymbol> None = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

    /// <summary>Whether a body holds a lambda or local function (without one, there is nothing to look for).</summary>
    public static bool HasNestedFunctions(IOperation root)
    {
        var check = new NoNestedFunction();
        return !OperationWalk.All(root, ref check);
    }

    /// <summary>The captured writes of a body; a body that holds no lambda or local function has none.</summary>
    /// <param name="hasNestedFunctions">What <see cref="HasNestedFunctions"/> (or the structure check) says of the body.</param>
    public static ISet<ISymbol> Of(IOperation root, bool hasNestedFunctions)
    {
        if (!hasNestedFunctions)
        {
            return None;
        }

        var written = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var nested in root.Descendants().Where(o => o is IAnonymousFunctionOperation or ILocalFunctionOperation))
        {
            foreach (var operation in nested.Descendants())
            {
                if (operation is ILocalReferenceOperation or IParameterReferenceOperation && operation.Type is INamedTypeSymbol list && Collections.IsList(list))
                {
                    written.Add(Variables.Of(operation)!);
                }

                foreach (var target in Targets(operation))
                {
                    if (Variables.Of(target) is { } symbol)
                    {
                        written.Add(symbol);
                    }
                }
            }
        }

        return written;
    }

    private static IEnumerable<IOperation> Targets(IOperation operation) => operation switch
    {
        IAssignmentOperation assignment => assignment.Target.DescendantsAndSelf(),
        IIncrementOrDecrementOperation increment => new[] { increment.Target },
        IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => new[] { argument.Value },
        _ => Enumerable.Empty<IOperation>(),
    };

    /// <summary>Stops at the first lambda or local function.</summary>
    private readonly struct NoNestedFunction : IOperationCheck
    {
        public bool Visit(IOperation operation) => operation.Kind is not (OperationKind.AnonymousFunction or OperationKind.LocalFunction);
    }
}
