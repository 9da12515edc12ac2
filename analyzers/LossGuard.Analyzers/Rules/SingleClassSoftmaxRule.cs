using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using LossGuard.Analyzers.Fixes;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Rules;

/// <summary>
/// LG0004: a softmax over one class (a constant class count of 1, or the output of a one-unit linear layer), whose
/// constant 1.0 output is a model output or reaches a loss; and a softmax cross-entropy over one class.
/// </summary>
internal sealed class SingleClassSoftmaxRule : IDomainRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Catalogue.Descriptors.SingleClassSoftmax);

    public void Check(RuleContext context)
    {
        var reported = new HashSet<IOperation>();
        foreach (var softmax in context.Facts.Calls)
        {
            if (softmax.Producer is { Domain: ValueDomain.Probabilities } producer
                && softmax.Result.Classes == 1
                && softmax.Result.Origin is { } origin
                && IsUsed(context.Facts, origin)
                && reported.Add(softmax.Site))
            {
                Report(context, softmax.Site, softmax.Name, producer.Classes, SigmoidFix(context, softmax, producer));
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
                var fix = overClasses.SigmoidVariant is { } sigmoid && RuleContext.IsDirectCall(loss, overClasses)
                    ? FixPlan.Rename(sigmoid, drop: overClasses.Classes)
                    : FixPlan.None;
                Report(context, loss.Call, loss.Name, overClasses.Classes, fix);
            }
        }
    }

    /// <summary>Its output reaches a loss or a log, or is what the body returns (a model output).</summary>
    private static bool IsUsed(BodyFacts facts, IOperation origin) =>
        facts.Returns.Any(returned => returned.Value.Origin == origin)
        || facts.Calls.Any(call => (!call.LossInputs.IsEmpty || call.Transform?.Kind == TransformKind.Log)
            && call.Arguments.Any(argument => argument.Value.Origin == origin));

    /// <summary>The sigmoid in the softmax's place: the library's sigmoid call or module, or the sigmoid activation name.</summary>
    private static ImmutableDictionary<string, string?> SigmoidFix(RuleContext context, CallFact softmax, ProducerEntry producer)
    {
        if (softmax.Site == softmax.Call)
        {
            return producer.SigmoidVariant is { } sigmoid ? FixPlan.Rename(sigmoid, drop: producer.Classes ?? producer.Axis) : FixPlan.None;
        }

        if (context.ModuleMadeBy(softmax.Site) is { SigmoidVariant: { } module } entry)
        {
            return FixPlan.Rename(module, drop: entry.Dim);
        }

        return softmax.Site.Parent is IArgumentOperation { Parameter: { } parameter }
            && context.Knowledge.ActivationFor(ValueDomain.IndependentProbabilities) is { Name: var name }
            ? FixPlan.SetArgument(parameter.Name, SymbolDisplay.FormatLiteral(name, quote: true), onArgument: true)
            : FixPlan.None;
    }

    private static void Report(RuleContext context, IOperation site, string name, string? classesParameter, ImmutableDictionary<string, string?> fix) =>
        context.Report(
            Catalogue.Descriptors.SingleClassSoftmax,
            site.Syntax.GetLocation(),
            origin: null,
            fix,
            classesParameter is null
                ? string.Format(CultureInfo.InvariantCulture, "'{0}' over an axis of size 1", name)
                : string.Format(CultureInfo.InvariantCulture, "'{0}' with {1} = 1", name, classesParameter));
}
