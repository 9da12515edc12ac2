using System.Threading.Tasks;
using Xunit;
using static LossGuard.Analyzers.Tests.Flow.FlowProbe;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.Flow;

public sealed class FieldFlowTests
{
    [Fact]
    public Task A_field_assigned_in_the_same_body_carries_the_softmax_output()
    {
        const string source = """
            using LossGuard;

            class Trainer
            {
                private float[] probabilities = new float[0];

                float Step(float[] z, float[] y)
                {
                    probabilities = {|#1:Activations.Softmax(z, 4)|};
                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:this.probabilities|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, SoftmaxReachesLoss(9, "this.probabilities"));
    }

    [Fact]
    public Task A_field_set_in_another_method_is_of_unknown_origin()
    {
        const string source = """
            using LossGuard;

            class Trainer
            {
                private float[] probabilities = new float[0];

                void Forward(float[] z) => probabilities = Activations.Softmax(z, 4);

                float Loss(float[] y) => Losses.SoftmaxCrossEntropyWithLogits(probabilities, y, 4);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_call_to_another_method_of_the_class_forgets_the_fields()
    {
        const string source = """
            using LossGuard;

            class Trainer
            {
                private float[] scores = new float[0];

                void Reset(float[] z) => scores = z;

                float Step(float[] z, float[] y)
                {
                    scores = Activations.Softmax(z, 4);
                    Reset(z);
                    return Losses.SoftmaxCrossEntropyWithLogits(scores, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
