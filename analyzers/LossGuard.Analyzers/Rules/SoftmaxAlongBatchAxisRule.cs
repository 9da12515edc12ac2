using System.Collections.Immutable;
using System.Globalization;
using LossGuard.Analyzers.Fixes;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Rules;

/// <summary>
/// LG0008: softmax or log-softmax along dimension 0 of a value known to have at least two dimensions (batch first),
/// or along another axis than the class axis of the layout a loss reads (CTC's <c>[T, N, C]</c>).
/// </summary>
internal sealed class SoftmaxAlongBatchAxisRule : IDomainRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Catalogue.Descriptors.SoftmaxAlongBatchAxis);

    public void Check(RuleContext context)
    {
        foreach (var call in context.Facts.Calls)
        {
            if (call.Producer is { Domain: ValueDomain.Probabilities or ValueDomain.LogProbabilities, Axis: not null } producer
                && call.Result.Axis == 0
                && call.Argument(producer.Input)?.Value.Rank is int rank and >= 2)
            {
                // Batch first, classes last: for a matrix that is 1; deeper tensors may keep classes elsewhere (NCHW).
                var fix = rank == 2 ? FixPlan.SetArgument(producer.Axis, "1") : FixPlan.None;
                context.Report(Catalogue.Descriptors.SoftmaxAlongBatchAxis, call.Site.Syntax.GetLocation(), origin: null, fix, call.Name, "0", "a batch-first value", "1 or -1");
            }

            foreach (var input in call.LossInputs)
            {
                if (input.ClassAxis is { } classAxis && call.Argument(input.Parameter)?.Value is { } value && AlongOtherAxis(value, classAxis) is { } axis
                    && Producer(context.Facts, value) is { Producer.Axis: { } parameter } activation)
                {
                    var layout = "the values '" + call.Name + "' reads in '" + input.Parameter + "', whose classes are on axis " + classAxis.ToString(CultureInfo.InvariantCulture);
                    context.Report(
                        Catalogue.Descriptors.SoftmaxAlongBatchAxis,
                        activation.Site.Syntax.GetLocation(),
                        origin: null,
                        FixPlan.SetArgument(parameter, classAxis.ToString(CultureInfo.InvariantCulture)),
                        activation.Name,
                        axis.ToString(CultureInfo.InvariantCulture),
                        layout,
                        classAxis.ToString(CultureInfo.InvariantCulture) + " or -1");
                }
            }
        }
    }

    /// <summary>
    /// The axis a (log-)softmax made the value along, when it has the layout's rank and that axis is neither the class
    /// axis nor 0 (which the batch-axis check above reports at the softmax).
    /// </summary>
    private static int? AlongOtherAxis(AbstractValue value, int classAxis)
    {
        if (value is not { Domain: ValueDomain.Probabilities or ValueDomain.LogProbabilities, Axis: { } written, Rank: { } rank } || rank != classAxis + 1)
        {
            return null;
        }

        var axis = written < 0 ? written + rank : written;
        return axis is > 0 && axis != classAxis ? axis : null;
    }

    /// <summary>The producer call of this body that made the value (reported there; a producer in another body is not).</summary>
    private static CallFact? Producer(BodyFacts facts, AbstractValue value)
    {
        foreach (var call in facts.Calls)
        {
            if (call.Producer is not null && (ReferenceEquals(call.Call, value.Origin) || ReferenceEquals(call.Site, value.Origin)))
            {
                return call;
            }
        }

        return null;
    }
}
