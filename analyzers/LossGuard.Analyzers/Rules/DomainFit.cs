using LossGuard.Analyzers.Knowledge;

namespace LossGuard.Analyzers.Rules;

/// <summary>Which value domains a loss parameter's expected domain rules out, and which it takes.</summary>
internal static class DomainFit
{
    /// <summary>What a parameter expects when its log flag (<c>log_target</c>, <c>log_input</c>) is true.</summary>
    public static ValueDomain LogOf(ValueDomain expects) => expects switch
    {
        ValueDomain.Probabilities => ValueDomain.LogProbabilities,
        ValueDomain.Rates => ValueDomain.LogRates,
        _ => expects,
    };

    /// <summary>
    /// Values that cannot be what the parameter expects. Log-rates may be any real number: only values that are positive
    /// by construction (rates, probabilities) are wrong there; rates must be positive: raw outputs and log-probabilities are not.
    /// </summary>
    public static bool IsWrong(ValueDomain expects, ValueDomain actual) => expects switch
    {
        ValueDomain.LogProbabilities => actual is ValueDomain.Probabilities or ValueDomain.IndependentProbabilities or ValueDomain.Logits,
        ValueDomain.Probabilities or ValueDomain.IndependentProbabilities => actual is ValueDomain.LogProbabilities or ValueDomain.Logits,
        ValueDomain.LogRates => actual is ValueDomain.Rates or ValueDomain.Probabilities or ValueDomain.IndependentProbabilities,
        ValueDomain.Rates => actual is ValueDomain.Logits or ValueDomain.LogProbabilities,
        _ => false,
    };

    /// <summary>Values that are what the parameter expects (probabilities are rates; a raw output or log-probabilities are log-rates).</summary>
    public static bool Fits(ValueDomain expects, ValueDomain actual) => expects switch
    {
        ValueDomain.Rates => actual is ValueDomain.Rates or ValueDomain.Probabilities or ValueDomain.IndependentProbabilities,
        ValueDomain.LogRates => actual is ValueDomain.Logits or ValueDomain.LogProbabilities,
        _ => actual == expects,
    };
}
