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

    /// <summary>Vectors scaled to unit L2 norm along one axis (<c>functional.normalize</c>).</summary>
    UnitVectors,

    /// <summary>Cosine similarities in [-1, 1]: unit vectors against unit vectors (<c>linear</c>, <c>mm</c>), or <c>cosine_similarity</c>.</summary>
    Cosines,

    /// <summary>Strictly positive rates (<c>exp</c>, <c>softplus</c> output): what a Poisson loss reads with <c>log_input: false</c>.</summary>
    Rates,

    /// <summary>Log-rates, any real number: what a Poisson loss reads with <c>log_input: true</c> (a raw linear output fits).</summary>
    LogRates,
}
