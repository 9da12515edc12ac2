using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Infrastructure;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Rules;

/// <summary>
/// LG0004: a softmax over one class, whose (constant 1.0) output is a model output or reaches a loss; and a
/// softmax cross-entropy over one class.
/// </summary>
internal sealed class SingleClassSoftmaxRule : IDomainRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Catalogue.Descriptors.SingleClassSoftmax);

    public void Check(RuleContext context)
    {
        var reported = new HashSet<IOperation>();
        foreach (var softmax in context.Facts.Calls)
        {
            if (softmax.Producer is { Domain: ValueDomain.Probabilities, Classes: { } classes }
                && softmax.IntegerArgument(classes) == 1
                && IsUsed(context.Facts, softmax))
            {
                reported.Add(softmax.Call);
                Report(context, softmax, classes);
            }
        }

        foreach (var loss in context.Facts.Calls)
        {
            var overClasses = loss.LossInputs.FirstOrDefault(input =>
                input.Classes is not null && input.Expects is ValueDomain.Logits or ValueDomain.Probabilities);
            if (overClasses is not null
                && loss.IntegerArgument(overClasses.Classes) == 1
                && !(loss.Argument(overClasses.Parameter)?.Value.Origin is { } origin && reported.Contains(origin)))
            {
                Report(context, loss, overClasses.Classes!);
            }
        }
    }

    /// <summary>Its output reaches a loss or a library call, or is what the body returns.</summary>
    private static bool IsUsed(BodyFacts facts, CallFact softmax) =>
        facts.Returns.Any(returned => returned.Value.Origin == softmax.Call)
        || facts.Calls.Any(call => call != softmax && call.Arguments.Any(argument => argument.Value.Origin == softmax.Call));

    private static void Report(RuleContext context, CallFact call, string classesParameter) =>
        context.Report(
            Catalogue.Descriptors.SingleClassSoftmax,
            call.Call.Syntax.GetLocation(),
            origin: null,
            string.Format(CultureInfo.InvariantCulture, "'{0}' with {1} = 1", Display.Method(call.Method), classesParameter));
}
