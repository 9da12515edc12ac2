using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>Edits of a call's arguments that keep every other argument, its name and its trivia.</summary>
internal static class ArgumentEdits
{
    /// <summary>The call with <paramref name="parameter"/> set to <paramref name="value"/>: the written argument's value replaced, or a named argument appended.</summary>
    public static ExpressionSyntax? Set(ExpressionSyntax call, string parameter, ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
    {
        if (CallSyntax.Argument(call, parameter, model, cancellationToken) is { } written)
        {
            return call.ReplaceNode(written.Expression, value.WithTriviaFrom(written.Expression));
        }

        return CallSyntax.ArgumentList(call) is { } list ? call.ReplaceNode(list, Append(list, CallSyntax.Named(parameter, value))) : null;
    }

    /// <summary>
    /// The arguments rewritten for another method: each bound to the parameter of the same name, or else at the same
    /// position; <paramref name="drop"/> removed; <paramref name="values"/> replacing the values of the parameters they
    /// name. Arguments stay positional while they line up with the new parameters, and are named from the first that does not.
    /// </summary>
    public static ArgumentListSyntax? ForMethod(
        ArgumentListSyntax list,
        IReadOnlyList<(ArgumentSyntax Syntax, IParameterSymbol Parameter)> arguments,
        IMethodSymbol from,
        IMethodSymbol to,
        string? drop,
        IReadOnlyDictionary<string, ExpressionSyntax> values)
    {
        var kept = arguments.Where(argument => argument.Parameter.Name != drop).ToList();
        var targets = kept.Select(argument => Target(argument.Parameter, from, to)).ToList();
        if (targets.Any(target => target is null) || targets.Select(target => target?.Name).Distinct().Count() != targets.Count)
        {
            return null;
        }

        var rewritten = new List<ArgumentSyntax>();
        bool named = false;
        for (int index = 0; index < kept.Count; index++)
        {
            var (syntax, parameter) = kept[index];
            var target = targets[index]!;
            var argument = values.TryGetValue(parameter.Name, out var value) ? syntax.WithExpression(value.WithTriviaFrom(syntax.Expression)) : syntax;
            named |= syntax.NameColon is not null || index >= to.Parameters.Length || to.Parameters[index].Name != target.Name;
            rewritten.Add(!named ? argument
                : argument.NameColon is { } colon ? argument.WithNameColon(colon.WithName(SyntaxFactory.IdentifierName(target.Name).WithTriviaFrom(colon.Name)))
                : CallSyntax.Named(target.Name, argument.Expression).WithTriviaFrom(argument));
        }

        var separators = list.Arguments.GetSeparators().Take(System.Math.Max(0, rewritten.Count - 1)).ToList();
        while (separators.Count < rewritten.Count - 1)
        {
            separators.Add(Comma());
        }

        return list.WithArguments(SyntaxFactory.SeparatedList(rewritten, separators));
    }

    /// <summary>The parameter of <paramref name="to"/> an argument of <paramref name="from"/> carries over to.</summary>
    private static IParameterSymbol? Target(IParameterSymbol parameter, IMethodSymbol from, IMethodSymbol to)
    {
        if (to.Parameters.FirstOrDefault(candidate => candidate.Name == parameter.Name) is { } same)
        {
            return same;
        }

        return parameter.Ordinal < to.Parameters.Length
            && to.Parameters[parameter.Ordinal] is var positional
            && from.Parameters.All(other => other.Name != positional.Name)
            ? positional
            : null;
    }

    private static ArgumentListSyntax Append(ArgumentListSyntax list, ArgumentSyntax argument)
    {
        var separators = list.Arguments.GetSeparators().ToList();
        if (list.Arguments.Count > 0)
        {
            separators.Add(Comma());
        }

        return list.WithArguments(SyntaxFactory.SeparatedList(list.Arguments.Append(argument), separators));
    }

    private static SyntaxToken Comma() => SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
}
