using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Rules;
using Microsoft.CodeAnalysis.Testing;

namespace LossGuard.Analyzers.Tests.Flow;

/// <summary>The flow tests probe the engine through LG0001: markup #0 is the loss argument, #1 the softmax it came from.</summary>
internal static class FlowProbe
{
    public static DiagnosticResult SoftmaxReachesLoss(int softmaxLine, string loss = "Losses.SoftmaxCrossEntropyWithLogits") =>
        Infrastructure.Verify<ValueDomainAnalyzer>.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss)
            .WithLocation(0)
            .WithLocation(1)
            .WithArguments(loss, "logits", "Activations.Softmax", softmaxLine.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
