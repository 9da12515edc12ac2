namespace LossGuard.TorchSharp.Tests.Infrastructure;

/// <summary>Snippets as a user writes them: one public class with the code a rule reports.</summary>
internal static class Snippets
{
    public static string Torch(string members) => """
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        using F = TorchSharp.torch.nn.functional;

        """ + Class(members);

    public static string Runtime(string members) => """
                using System.Numerics.Tensors;
        using LossGuard;

        """ + Class(members);

    private static string Class(string members) => """
        public static class Step
        {

        """ + members + """

        }
        """;
}
