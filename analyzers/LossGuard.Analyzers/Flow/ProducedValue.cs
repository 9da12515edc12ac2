using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>A value known to come from a library producer call.</summary>
internal sealed record ProducedValue(ProducerEntry Producer, IInvocationOperation Call)
{
    public ValueDomain Domain => Producer.Domain;
}
