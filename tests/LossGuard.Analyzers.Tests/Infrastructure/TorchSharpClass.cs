namespace LossGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// A TorchSharp test source of one class: the usings flow tests open with (<c>torch</c>, <c>torch.nn</c>, and
/// <c>torch.nn.functional</c> as <c>F</c>), the class with its members, then any other types.
/// </summary>
internal static class TorchSharpClass
{
    public static string Of(string declaration, string members, string types = "") => $$"""
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        using F = TorchSharp.torch.nn.functional;

        {{declaration}}
        {
        {{members}}
        }

        {{types}}
        """;
}
