namespace LossGuard.Analyzers.Knowledge;

/// <summary>What the numbers in a tensor-like value mean.</summary>
public enum ValueDomain
{
    Unknown,
    Logits,
    Probabilities,
    IndependentProbabilities,
    LogProbabilities,
    ClassIndices,
    OneHotLabels,
    MaxSubtracted,
}
