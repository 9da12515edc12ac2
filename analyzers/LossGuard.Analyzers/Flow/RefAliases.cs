using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Locals and parameters a body lets a reference to escape: <c>ref var r = ref x</c>, <c>r = ref x</c>,
/// <c>return ref x</c>, <c>__makeref(x)</c>, an <c>in</c> or <c>ref readonly</c> argument (a callee may write through
/// it), and a <c>ref</c> argument of a call that hands a reference back (<c>ref R.Id(ref x)</c>, a span over it, a
/// <c>ref struct</c> made from it). A write through the reference changes them where the engine does not look, so it
/// never tracks them.
/// </summary>
internal static class RefAliases
{
    public static ISet<ISymbol> Of(IOperation root)
    {
        var aliased = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IArgumentOperation { Parameter: { } parameter } argument && Escapes(parameter, argument.Parent))
            {
                AddVariable(aliased, argument.Value);
            }
        }

        if (root.SemanticModel is { } model)
        {
            foreach (var node in root.Syntax.DescendantNodes())
            {
                var expression = node switch
                {
                    RefExpressionSyntax reference => reference.Expression,
                    MakeRefExpressionSyntax made => made.Expression,
                    _ => null,
                };
                while (expression is ParenthesizedExpressionSyntax parenthesized)
                {
                    expression = parenthesized.Expression;
                }

                if (expression is not null && model.GetSymbolInfo(expression).Symbol is ILocalSymbol or IParameterSymbol)
                {
                    aliased.Add(model.GetSymbolInfo(expression).Symbol!);
                }
            }
        }

        return aliased;
    }

    private static bool Escapes(IParameterSymbol parameter, IOperation? call) => parameter.RefKind switch
    {
        RefKind.None or RefKind.Out => false,
        RefKind.Ref => call switch
        {
            IInvocationOperation invocation => invocation.TargetMethod.ReturnsByRef || invocation.TargetMethod.ReturnsByRefReadonly
                || invocation.TargetMethod.ReturnType.IsRefLikeType || invocation.TargetMethod.ReturnType.TypeKind == TypeKind.Pointer
                || invocation.TargetMethod.Parameters.Any(other => other.Type.IsRefLikeType),
            IObjectCreationOperation creation => creation.Type?.IsRefLikeType == true,
            _ => true,
        },
        _ => true,
    };

    private static void AddVariable(HashSet<ISymbol> aliased, IOperation value)
    {
        if (Variables.Of(Evaluator.Unconverted(value)) is { } symbol)
        {
            aliased.Add(symbol);
        }
    }
}
