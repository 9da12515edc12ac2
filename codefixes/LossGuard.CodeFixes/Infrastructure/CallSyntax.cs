using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LossGuard.Analyzers.Fixes;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace LossGuard.CodeFixes.Infrastructure;

/// <summary>Finding calls and their arguments in syntax, by the parameters they bind to.</summary>
internal static class CallSyntax
{
    /// <summary>The call a plan edits: the call at the finding, or the call taking the argument at the finding.</summary>
    public static ExpressionSyntax? Target(Finding finding)
    {
        if (finding.Property(FixPlan.TargetSpan) is { } span)
        {
            var parts = span.Split(',');
            return parts.Length == 2 && int.TryParse(parts[0], out int start) && int.TryParse(parts[1], out int length)
                && start >= 0 && start + length <= finding.Root.FullSpan.End
                && finding.Root.FindNode(new Microsoft.CodeAnalysis.Text.TextSpan(start, length), getInnermostNodeForTie: true) is ExpressionSyntax target
                && IsCall(target) ? target : null;
        }

        if (finding.Property(FixPlan.OnArgument) is not null)
        {
            return finding.Node.FirstAncestorOrSelf<ArgumentSyntax>()?.Parent?.Parent is ExpressionSyntax call && IsCall(call) ? call : null;
        }

        return finding.Node is ExpressionSyntax expression && Unparenthesize(expression) is var node && IsCall(node) ? node : null;
    }

    /// <summary>The written arguments of a call, with the parameters they bind to, in source order; empty when one is a params array.</summary>
    public static ImmutableArray<(ArgumentSyntax Syntax, IParameterSymbol Parameter)> Arguments(
        ExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        var arguments = model.GetOperation(call, cancellationToken) switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        if (arguments.Any(argument => argument.ArgumentKind == ArgumentKind.ParamArray))
        {
            return ImmutableArray<(ArgumentSyntax, IParameterSymbol)>.Empty;
        }

        return arguments
            .Where(argument => argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter is not null && argument.Syntax is ArgumentSyntax)
            .Select(argument => ((ArgumentSyntax)argument.Syntax, argument.Parameter!))
            .OrderBy(argument => argument.Item1.SpanStart)
            .ToImmutableArray();
    }

    /// <summary>The written argument bound to <paramref name="parameter"/>, if any.</summary>
    public static ArgumentSyntax? Argument(ExpressionSyntax call, string? parameter, SemanticModel model, CancellationToken cancellationToken) =>
        parameter is null ? null : Arguments(call, model, cancellationToken).FirstOrDefault(argument => argument.Parameter.Name == parameter).Syntax;

    /// <summary>
    /// The value a library call transforms: the argument of its table entry's input parameter, or the object an
    /// instance method is called on.
    /// </summary>
    public static ExpressionSyntax? Input(InvocationExpressionSyntax call, string? input, SemanticModel model, CancellationToken cancellationToken)
    {
        if (input == ProducerEntry.Receiver)
        {
            return call.Expression is MemberAccessExpressionSyntax access ? access.Expression : null;
        }

        return Argument(call, input, model, cancellationToken)?.Expression;
    }

    /// <summary>The input of the producer a table knows for <paramref name="call"/> (the logits of a softmax, the indices of a one-hot).</summary>
    public static ExpressionSyntax? ProducerInput(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetOperation(call, cancellationToken) is IInvocationOperation operation
        && LibraryKnowledge.Resolve(model.Compilation).FindProducer(operation.TargetMethod) is { Input: { } input }
            ? Input(call, input, model, cancellationToken)
            : null;

    /// <summary>The same call, to another method of the same name position (<c>F.softmax</c> → <c>F.sigmoid</c>).</summary>
    public static InvocationExpressionSyntax? WithMethodName(InvocationExpressionSyntax call, string name)
    {
        SimpleNameSyntax? Renamed(SimpleNameSyntax simple) => simple.WithIdentifier(SyntaxFactory.Identifier(name).WithTriviaFrom(simple.Identifier));

        return call.Expression switch
        {
            MemberAccessExpressionSyntax access => call.WithExpression(access.WithName(Renamed(access.Name)!)),
            MemberBindingExpressionSyntax binding => call.WithExpression(binding.WithName(Renamed(binding.Name)!)),
            SimpleNameSyntax simple => call.WithExpression(Renamed(simple)!),
            _ => null,
        };
    }

    /// <summary>
    /// The same static call, to <paramref name="name"/> of <paramref name="type"/> (a metadata name; <c>torch.softmax</c>
    /// → <c>torch.nn.functional.log_softmax</c>), spelled as the file's usings allow; without a type, <see cref="WithMethodName"/>.
    /// </summary>
    public static InvocationExpressionSyntax? WithMethod(
        InvocationExpressionSyntax call, string name, string? type, SemanticModel model, CancellationToken cancellationToken)
    {
        if (type is null)
        {
            return WithMethodName(call, name);
        }

        if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol { IsStatic: true })
        {
            return null;
        }

        var qualified = SyntaxFactory.ParseExpression("global::" + type.Replace('+', '.') + "." + name)
            .WithTriviaFrom(call.Expression)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        return call.WithExpression(qualified);
    }

    public static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    private static bool IsCall(ExpressionSyntax expression) => expression is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax;

    /// <summary>The argument list of a call, if it has one written.</summary>
    public static ArgumentListSyntax? ArgumentList(ExpressionSyntax call) => call switch
    {
        InvocationExpressionSyntax invocation => invocation.ArgumentList,
        BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
        _ => null,
    };

    /// <summary>A named argument, formatted as people write it.</summary>
    public static ArgumentSyntax Named(string parameter, ExpressionSyntax value) =>
        SyntaxFactory.Argument(
            SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(parameter)).WithTrailingTrivia(SyntaxFactory.Space),
            default,
            value.WithoutTrivia());
}
