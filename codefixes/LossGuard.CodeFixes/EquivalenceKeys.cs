namespace LossGuard.CodeFixes;

/// <summary>Equivalence keys of LossGuard's code actions (Fix All groups actions by these).</summary>
public static class EquivalenceKeys
{
    public const string PassLogits = "LossGuard.PassLogits";
}
