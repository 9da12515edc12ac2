namespace LossGuard.Analyzers.Tests.Infrastructure;

/// <summary>Message arguments LG0001 and LG0002 share: the argument as the user wrote it, and what to do.</summary>
internal static class Messages
{
    public const string PassTheLogits = "pass the logits";

    public static string LogitsInput(string argument) => $"'{argument}'";
}
