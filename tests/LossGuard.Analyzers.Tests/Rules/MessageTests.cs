using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.Rules;

/// <summary>What messages name (the argument written, the file of the activation) and what they tell the user to do.</summary>
public sealed class MessageTests
{
    private const string Model = """
        using LossGuard;

        public static class Model
        {
            public static float[] Predict(float[] z) => {|#1:Activations.Softmax(z, 4)|};
        }
        """;

    [Fact]
    public Task LG0001_names_the_argument_written_not_the_loss_parameter_a_correct_variable_shares_its_name_with()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] logits, float[] y)
                {
                    var p = {|#1:Activations.Softmax(logits, 4)|};
                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:p|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("Losses.SoftmaxCrossEntropyWithLogits", "'p'", "Activations.Softmax", "7", Messages.PassTheLogits));
    }

    [Fact]
    public Task An_activation_in_another_file_is_named_with_its_file()
    {
        const string train = """
            using LossGuard;

            static class Train
            {
                static float Loss(float[] z, float[] y) => Losses.SoftmaxCrossEntropyWithLogits({|#0:Model.Predict(z)|}, y, 4);
            }
            """;
        return Verify.FilesAsync(
            new[] { ("Model.cs", Model), ("Train.cs", train) },
            string.Empty,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("Losses.SoftmaxCrossEntropyWithLogits", "'Model.Predict(z)'", "Activations.Softmax", "5 of Model.cs", Messages.PassTheLogits));
    }

    [Fact]
    public Task An_invalid_setting_is_reported_once_for_a_compilation_of_several_files()
    {
        const string other = """
            static class Other
            {
            }
            """;
        return Verify.FilesAsync(
            new[] { ("Model.cs", Model.Replace("{|#1:", string.Empty).Replace("|}", string.Empty)), ("Other.cs", other) },
            "lossguard.max_call_depth = banana",
            Verify.Diagnostic(Descriptors.InvalidSetting).WithArguments("banana", "lossguard.max_call_depth", "a whole number from 0 to 8", "3"));
    }

    [Fact]
    public Task LG0007_says_what_to_do()
    {
        const string source = """
            using LossGuard;

            static class Step
            {
                static float Loss(float[] z, float[] t, int[] y)
                {
                    var logProbabilities = {|#1:Activations.LogSigmoid(z)|};
                    return Losses.BinaryCrossEntropy({|#0:logProbabilities|}, t) + Losses.NegativeLogLikelihood({|#2:{|#3:Activations.Softmax(z, 4)|}|}, y, 4);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(0).WithLocation(1)
                .WithArguments("Losses.BinaryCrossEntropy", "sigmoid probabilities", "'logProbabilities'", "log-probabilities", "Activations.LogSigmoid", "7", "pass sigmoid probabilities"),
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(2).WithLocation(3)
                .WithArguments("Losses.NegativeLogLikelihood", "log-probabilities", "'Activations.Softmax(z, 4)'", "probabilities", "Activations.Softmax", "8", "use the fused 'Activations.LogSoftmax' in its place"));
    }
}
