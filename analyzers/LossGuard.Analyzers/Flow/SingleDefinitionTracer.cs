using System.Threading;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Finds the producer call a value comes from when that is certain without a flow analysis: the value is the call
/// itself, or a local whose only write is an initializer that is such a call and whose contents nothing may change.
/// </summary>
internal static class SingleDefinitionTracer
{
    private const int MaxHops = 8;

    public static ProducedValue? Trace(IOperation value, LibraryKnowledge knowledge, CancellationToken cancellationToken)
    {
        for (int hop = 0; hop < MaxHops; hop++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            value = Unwrap(value);
            switch (value)
            {
                case IInvocationOperation call:
                    var producer = knowledge.FindProducer(call.TargetMethod);
                    return producer is not null && !call.TargetMethod.ReturnsVoid ? new ProducedValue(producer, call) : null;
                case ILocalReferenceOperation local:
                    var initializer = LocalWrites.SoleInitializer(local, cancellationToken);
                    if (initializer is null)
                    {
                        return null;
                    }

                    value = initializer;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>Strips what does not change a value: implicit conversions (array to span) and parentheses.</summary>
    public static IOperation Unwrap(IOperation value)
    {
        while (true)
        {
            switch (value)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    value = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    value = parenthesized.Operand;
                    break;
                default:
                    return value;
            }
        }
    }
}
