using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Rules;
using Microsoft.CodeAnalysis.Testing;

namespace LossGuard.Analyzers.Tests.Flow;

/// <summary>The flow tests probe the engine through LG0001: markup #0 is the loss argument, #1 the softmax it came from.</summary>
internal static class FlowProbe
{
    /// <param name="argument">The loss argument as written (the message names it).</param>
    public static DiagnosticResult SoftmaxReachesLoss(int softmaxLine, string argument, string loss = "Losses.SoftmaxCrossEntropyWithLogits") =>
        Infrastructure.Verify<ValueDomainAnalyzer>.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss)
            .WithLocation(0)
            .WithLocation(1)
            .WithArguments(
                loss,
                Infrastructure.Messages.LogitsInput(argument),
                "Activations.Softmax",
                softmaxLine.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Infrastructure.Messages.PassTheLogits);
}
