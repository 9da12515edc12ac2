using System.Collections.Immutable;
using LossGuard.Analyzers.Fixes;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Rules;

/// <summary>
/// LG0005 / LG0006: labels of the other kind than the loss reads: one-hot labels into a class-index parameter (where
/// the loss also accepts float distributions, only integer one-hot labels), class indices into a one-hot parameter.
/// </summary>
internal sealed class LabelKindRule : IDomainRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        ImmutableArray.Create(Catalogue.Descriptors.OneHotIntoSparseLoss, Catalogue.Descriptors.IndicesIntoCategoricalLoss);

    public void Check(RuleContext context)
    {
        foreach (var call in context.Facts.Calls)
        {
            foreach (var input in call.LossInputs)
            {
                if (call.Argument(input.Parameter) is { IsDefault: false, Value.Origin: { } origin } argument
                    && Mismatch(input, argument.Value) is { } descriptor)
                {
                    var (producer, line) = context.Describe(origin, argument.Location);
                    context.Report(descriptor, argument.Location, origin, Fix(call, input, argument, descriptor), call.Name, input.Parameter, producer, line);
                }
            }
        }
    }

    /// <summary>
    /// One-hot labels: pass the class indices they were made from; class indices: the loss that reads them (for a
    /// compiled model, the loss object written in its compile call, in the same file).
    /// </summary>
    private static ImmutableDictionary<string, string?> Fix(CallFact call, LossInputEntry input, ArgumentFact argument, DiagnosticDescriptor descriptor)
    {
        if (descriptor == Catalogue.Descriptors.OneHotIntoSparseLoss)
        {
            return FixPlan.PassInput();
        }

        if (input.LabelsVariant is not { } sparse)
        {
            return FixPlan.None;
        }

        if (RuleContext.IsDirectCall(call, input))
        {
            return FixPlan.Rename(sparse, onArgument: true);
        }

        // Only a loss object written inline in the compile call: one held in a variable may serve other models.
        return call.LossCreation is IInvocationOperation { Parent: IArgumentOperation } creation
            && creation.Syntax.SyntaxTree == argument.Expression.Syntax.SyntaxTree
            ? FixPlan.RenameAt(sparse, creation.Syntax.Span)
            : FixPlan.None;
    }

    private static DiagnosticDescriptor? Mismatch(LossInputEntry input, AbstractValue labels) => (input.Expects, labels.Domain) switch
    {
        (ValueDomain.ClassIndices, ValueDomain.OneHotLabels) when !input.AcceptsDistribution || labels.Integer == true =>
            Catalogue.Descriptors.OneHotIntoSparseLoss,
        (ValueDomain.OneHotLabels, ValueDomain.ClassIndices) => Catalogue.Descriptors.IndicesIntoCategoricalLoss,
        _ => null,
    };
}
