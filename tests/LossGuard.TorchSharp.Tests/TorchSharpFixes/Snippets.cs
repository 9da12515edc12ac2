namespace LossGuard.TorchSharp.Tests.TorchSharpFixes;

/// <summary>TorchSharp snippets as a user writes them: one public class with the code a rule reports.</summary>
internal static class Snippets
{
    public static string Torch(string members) => """
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        using F = TorchSharp.torch.nn.functional;

        public static class Step
        {

        """ + members + """

        }
        """;
}
