namespace LossGuard.Analyzers.Flow;

/// <summary>A buffer that came from outside the analysed code (a parameter, a field, an unknown call's result).</summary>
/// <param name="Source">The symbol or operation it came from; equal sources are the same buffer.</param>
internal sealed record ExternalStorage(object Source);

/// <summary>Storage identities that are not a single allocation.</summary>
internal static class Storages
{
    /// <summary>A buffer that may be any buffer at all: a write through it forgets every buffer.</summary>
    public static object Any { get; } = new AnyStorage();

    private sealed class AnyStorage
    {
        public override string ToString() => "any buffer";
    }
}
