using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>A library loss function held as a delegate (a method group in a local or a field) is a loss call where the delegate is invoked.</summary>
public sealed class DelegateLossFlowTests
{
    [Fact]
    public Task A_loss_function_stored_in_a_local_and_invoked_on_a_sigmoid_is_LG0003()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Navigator
            {
                static Tensor Step(Tensor logits, Tensor y)
                {
                    var criterion = functional.binary_cross_entropy;
                    var p = functional.sigmoid(logits);
                    return {|#0:criterion(p, y)|};
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_loss_function_delegate_given_softmax_output_names_the_loss_in_the_message()
    {
        const string source = """
            using System;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Classifier
            {
                static Tensor Step(Tensor logits, Tensor y)
                {
                    Func<Tensor, Tensor, Tensor> criterion = (a, b) => functional.cross_entropy(a, b);
                    var loss = functional.cross_entropy;
                    return loss({|#0:{|#1:functional.softmax(logits, 1)|}|}, y) + criterion(logits, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("functional.cross_entropy", "'functional.softmax(logits, 1)'", "functional.softmax", "11", "pass the logits"));
    }

    [Fact]
    public Task A_delegate_that_holds_one_of_two_losses_is_silent()
    {
        const string source = """
            using System;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Navigator
            {
                static Tensor Step(Tensor logits, Tensor y, bool probabilities)
                {
                    Func<Tensor, Tensor, Tensor> criterion = probabilities
                        ? (p, t) => functional.binary_cross_entropy(p, t)
                        : (z, t) => functional.binary_cross_entropy_with_logits(z, t);
                    var model = probabilities ? functional.sigmoid(logits) : logits;
                    return criterion(model, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
