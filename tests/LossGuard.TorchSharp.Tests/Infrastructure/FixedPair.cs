namespace LossGuard.TorchSharp.Tests.Infrastructure;

/// <summary>A snippet before and after LossGuard's code fix for one finding, both compiled and ready to run.</summary>
internal sealed class FixedPair<T>
    where T : Delegate
{
    private FixedPair(T original, T @fixed, string fixedSource)
    {
        Original = original;
        Fixed = @fixed;
        FixedSource = fixedSource;
    }

    public T Original { get; }

    public T Fixed { get; }

    public string FixedSource { get; }

    /// <summary>
    /// Applies the fix for <paramref name="rule"/> to <paramref name="source"/>; the rewritten source must contain
    /// <paramref name="rewritten"/> (what the rule page says the fix writes). <paramref name="method"/> is then compiled twice.
    /// </summary>
    public static async Task<FixedPair<T>> CreateAsync(string source, string rule, string rewritten, string method = "Loss")
    {
        string fixedSource = await LossGuardFix.ApplyAsync(source, rule);
        Assert.Contains(rewritten, fixedSource, StringComparison.Ordinal);
        return new FixedPair<T>(SnippetAssembly.Method<T>(source, method), SnippetAssembly.Method<T>(fixedSource, method), fixedSource);
    }
}
