namespace LossGuard.CodeFixes;

/// <summary>Equivalence keys of LossGuard's code actions (Fix All groups actions by these).</summary>
public static class EquivalenceKeys
{
    /// <summary>LG0001, LG0002: the loss gets the logits.</summary>
    public const string PassLogits = "LossGuard.PassLogits";

    /// <summary>LG0005: the loss gets the class indices the one-hot labels were made from.</summary>
    public const string PassClassIndices = "LossGuard.PassClassIndices";

    /// <summary>LG0007: a Poisson loss that reads log-rates gets what an <c>exp</c> made its rates from.</summary>
    public const string PassLogRates = "LossGuard.PassLogRates";

    /// <summary>LG0003, LG0004, LG0006, LG0007: the call becomes the library's fused, sigmoid, sparse or with-logits variant.</summary>
    public const string UseVariant = "LossGuard.UseVariant";

    /// <summary>LG0003: the log of an activation becomes the fused log-activation.</summary>
    public const string UseFusedLog = "LossGuard.UseFusedLog";

    /// <summary>LG0001, LG0002, LG0004, LG0007, LG0008: an argument set (<c>from_logits</c>, <c>activation</c>, <c>dim</c>).</summary>
    public const string SetArgument = "LossGuard.SetArgument";

    /// <summary>LG0009: compile with optimizer and loss objects instead of names.</summary>
    public const string PassObjects = "LossGuard.PassObjects";

    /// <summary>LG0011: cosine similarities multiplied by a scale.</summary>
    public const string MultiplyByScale = "LossGuard.MultiplyByScale";

    /// <summary>LG0010: LossGuard's stable softmax.</summary>
    public const string UseStableSoftmax = "LossGuard.UseStableSoftmax";
}
