using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.Rules;

public sealed class SingleClassSoftmaxTests
{
    [Fact]
    public Task A_one_class_softmax_returned_as_the_model_output_is_LG0004_on_the_softmax()
    {
        const string source = """
            using LossGuard;

            static class Model
            {
                static float[] Predict(float[] z) => {|#0:Activations.Softmax(z, 1)|};
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SingleClassSoftmax).WithLocation(0).WithArguments("'Activations.Softmax' with classes = 1"));
    }

    [Fact]
    public Task The_class_count_is_followed_through_constants_and_readonly_fields()
    {
        const string source = """
            using LossGuard;

            class Model
            {
                const int Outputs = 1;
                private readonly int heads = 1;

                float Loss(float[] z, int[] y)
                {
                    var p = {|#0:Activations.Softmax(z, Outputs)|};
                    var q = new float[z.Length];
                    {|#1:Activations.Softmax(z, q, heads)|};
                    return {|#2:Losses.SparseCategoricalCrossEntropy(p, y, 2)|} + {|#3:Losses.SparseCategoricalCrossEntropy(q, y, 2)|};
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SingleClassSoftmax).WithLocation(0).WithArguments("'Activations.Softmax' with classes = 1"),
            Verify.Diagnostic(Descriptors.SingleClassSoftmax).WithLocation(1).WithArguments("'Activations.Softmax' with classes = 1"),
            Verify.Diagnostic(Descriptors.UnstableComposition).WithLocation(2).WithLocation(0)
                .WithArguments("Losses.SparseCategoricalCrossEntropy", "Activations.Softmax", "10", "use the fused 'Losses.SparseSoftmaxCrossEntropyWithLogits'"),
            Verify.Diagnostic(Descriptors.UnstableComposition).WithLocation(3).WithLocation(1)
                .WithArguments("Losses.SparseCategoricalCrossEntropy", "Activations.Softmax", "12", "use the fused 'Losses.SparseSoftmaxCrossEntropyWithLogits'"));
    }

    [Fact]
    public Task A_softmax_cross_entropy_over_one_class_is_LG0004_on_the_loss_call()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, int[] y) => {|#0:Losses.SparseSoftmaxCrossEntropyWithLogits(z, y, classes: 1)|};
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SingleClassSoftmax).WithLocation(0)
                .WithArguments("'Losses.SparseSoftmaxCrossEntropyWithLogits' with classes = 1"));
    }

    [Fact]
    public Task Two_classes_an_unused_softmax_and_an_unknown_count_are_silent()
    {
        const string source = """
            using LossGuard;

            class Model
            {
                private readonly int outputs = 1;

                Model(int outputs) => this.outputs = outputs;

                float[] TwoClass(float[] z) => Activations.Softmax(z, 2);

                void Unused(float[] z) => Activations.Softmax(z, 1);

                float[] Configured(float[] z, int classes) => Activations.Softmax(z, classes);

                float[] AssignedInConstructor(float[] z) => Activations.Softmax(z, outputs);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
