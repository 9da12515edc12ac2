using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// Tensor and array parameters hold what every call site in the compilation passes, when all call sites are known
/// and agree: helpers taking the prediction, several levels deep, called from top-level statements, local functions
/// and lambdas. The other way, a variable given to a helper's <c>out</c> or <c>ref</c> parameter holds after the call
/// what the helper leaves there on every path that returns (a <c>ref</c> variable left as it came keeps its value).
/// </summary>
public sealed class ParameterFlowTests
{
    [Fact]
    public Task A_helper_taking_a_discriminators_sigmoid_output_is_LG0003_in_the_helper()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Gan
            {
                static Tensor Loss(Tensor prediction, Tensor target) => {|#0:functional.binary_cross_entropy(prediction, target)|};

                static Tensor Step(Tensor images, Tensor ones)
                {
                    var discriminator = Sequential(Linear(784, 256), LeakyReLU(0.2), Linear(256, 1), Sigmoid());
                    return Loss(discriminator.forward(images), ones);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_softmax_passed_to_a_helper_that_computes_cross_entropy_is_LG0001_in_the_helper()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Classifier
            {
                static Tensor ComputeLoss(Tensor output, Tensor target) => F.cross_entropy({|#0:output|}, target);

                static Tensor Step(Tensor logits, Tensor labels) => ComputeLoss(F.softmax(logits, 1), labels);
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_softmax_array_passed_to_a_helper_is_LG0001_with_LossGuard_Runtime()
    {
        const string source = """
            using LossGuard;

            static class Classifier
            {
                static float ComputeLoss(float[] output, float[] target) => Losses.SoftmaxCrossEntropyWithLogits({|#0:output|}, target, 3);

                static float Step(float[] logits, float[] labels) => ComputeLoss(Activations.Softmax(logits, 3), labels);
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_prediction_passed_down_three_levels_reaches_the_loss()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Pipeline
            {
                static Tensor Step(Tensor probabilities, Tensor labels) => F.cross_entropy({|#0:probabilities|}, labels);

                static Tensor TrainLoop(Tensor probabilities, Tensor labels) => Step(probabilities, labels);

                static Tensor Run(Tensor logits, Tensor labels) => TrainLoop(F.softmax(logits, 1), labels);
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_helper_called_from_top_level_statements_sees_what_they_pass()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            var logits = randn(8, 3);
            var labels = randint(0, 3, new long[] { 8 });
            Console.WriteLine(Trainer.Loss(F.softmax(logits, 1), labels).item<float>());

            static class Trainer
            {
                public static Tensor Loss(Tensor output, Tensor target) => F.cross_entropy({|#0:output|}, target);
            }
            """;
        return Verify.ProgramAsync(source.Replace("Console.", "System.Console.", System.StringComparison.Ordinal), Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_helper_called_from_a_local_function_and_a_lambda_sees_what_they_pass()
    {
        const string source = """
            using System;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Trainer
            {
                static Tensor Loss(Tensor output, Tensor target) => F.cross_entropy({|#0:output|}, target);

                static void Run(Tensor logits, Tensor labels, Action<Func<Tensor>> loop)
                {
                    loop(() => Loss(F.softmax(logits, 1), labels));
                    Tensor Once() => Loss(F.softmax(logits, -1), labels);
                    Once();
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_helper_called_once_with_logits_and_once_with_probabilities_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Trainer
            {
                static Tensor Loss(Tensor output, Tensor target) => F.cross_entropy(output, target);

                static Tensor Train(Tensor logits, Tensor labels) => Loss(logits, labels);

                static Tensor Evaluate(Tensor logits, Tensor labels) => Loss(F.softmax(logits, 1), labels);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_public_helper_of_a_library_that_outside_code_may_call_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            public static class Trainer
            {
                public static Tensor Loss(Tensor output, Tensor target) => F.cross_entropy(output, target);

                public static Tensor Evaluate(Tensor logits, Tensor labels) => Loss(F.softmax(logits, 1), labels);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_helper_also_used_as_a_method_group_is_silent()
    {
        const string source = """
            using System;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Trainer
            {
                static Tensor Loss(Tensor output, Tensor target) => F.cross_entropy(output, target);

                static Func<Tensor, Tensor, Tensor> Criterion => Loss;

                static Tensor Evaluate(Tensor logits, Tensor labels) => Loss(F.softmax(logits, 1), labels);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_serving_model_passed_to_a_trainer_from_top_level_statements_is_LG0001_in_the_trainer()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            var images = rand(64, 784);
            var labels = randint(0, 10, new long[] { 64 });
            var serving = Sequential(("classifier", Linear(784, 10)), ("probabilities", Softmax(1)));
            Trainer.Epoch(serving, CrossEntropyLoss(), images, labels);

            static class Trainer
            {
                public static Tensor Epoch(Module<Tensor, Tensor> model, Loss<Tensor, Tensor, Tensor> criterion, Tensor x, Tensor y) =>
                    criterion.forward({|#0:model.forward(x)|}, y);
            }
            """;
        return Verify.ProgramAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_loss_parameter_left_at_its_null_default_and_set_with_a_null_coalescing_assignment_is_that_loss()
    {
        const string source = """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Discriminator : Module<Tensor, Tensor>
            {
                private readonly Sequential layers;

                public Discriminator() : base("d")
                {
                    layers = Sequential(Conv2d(1, 32, 4, 2, 1), LeakyReLU(0.2), Conv2d(32, 1, 4, 1, 0), Sigmoid(), Flatten());
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x) => layers.forward(x);

                public Tensor CalculateError(Tensor data, Tensor target, WeightedLoss<Tensor, Tensor, Tensor> lossFunction = null)
                {
                    lossFunction ??= BCELoss();
                    return {|#0:lossFunction.forward(data, target)|};
                }
            }

            sealed class Trainer
            {
                private readonly Discriminator discriminator = new Discriminator().to(CPU);

                public Tensor Step(Tensor images, Tensor real) => discriminator.CalculateError(discriminator.forward(images), real);
            }
            """;
        return Verify.AnalyzerAsync(source.Replace("= null)", "= null!)", System.StringComparison.Ordinal), Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_loss_parameter_that_a_call_site_sets_is_silent_when_the_sites_disagree()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Trainer
            {
                static Tensor Error(Tensor data, Tensor target, Loss<Tensor, Tensor, Tensor> loss = null!)
                {
                    loss ??= BCELoss();
                    return loss.forward(data, target);
                }

                static Tensor Step(Tensor logits, Tensor real)
                {
                    var d = Sequential(Linear(8, 1), Sigmoid());
                    return Error(d.forward(logits), real) + Error(logits, real, BCEWithLogitsLoss());
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_TensorFlow_prediction_passed_to_a_cross_entropy_helper_is_LG0003_in_the_helper()
    {
        const string source = """
            using Tensorflow;
            using static Tensorflow.Binding;

            static class Eager
            {
                static Tensor NeuralNet(Tensor x, Tensor w) => tf.nn.softmax(tf.matmul(x, w));

                static Tensor CrossEntropy(Tensor prediction, Tensor y) =>
                    -tf.reduce_sum(y * {|#0:tf.math.log(tf.clip_by_value(prediction, 1e-9f, 1.0f))|});

                static Tensor Step(Tensor x, Tensor w, Tensor y) => CrossEntropy(NeuralNet(x, w), y);
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_void_helper_producing_probabilities_through_an_out_parameter_is_LG0001_at_the_callers_loss()
    {
        var source = TorchSharpClass.Of("public static class Trainer", """
            static void Forward(Module<Tensor, Tensor> m, Tensor x, out Tensor probs)
            {
                probs = F.softmax(m.forward(x), 1);
            }

            public static Tensor Step(Module<Tensor, Tensor> model, Tensor x, Tensor y)
            {
                Forward(model, x, out var p);
                return F.cross_entropy({|#0:p|}, y);
            }
            """);
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task An_out_parameter_assigned_probabilities_on_one_path_and_logits_on_another_is_silent()
    {
        var source = TorchSharpClass.Of("public static class Trainer", """
            static void Forward(Module<Tensor, Tensor> m, Tensor x, bool normalise, out Tensor output)
            {
                if (normalise)
                {
                    output = F.softmax(m.forward(x), 1);
                    return;
                }

                output = m.forward(x);
            }

            public static Tensor Step(Module<Tensor, Tensor> model, Tensor x, Tensor y, bool normalise)
            {
                Forward(model, x, normalise, out var output);
                return F.cross_entropy(output, y);
            }
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task An_out_parameter_every_returning_path_assigns_probabilities_is_LG0001_and_a_throwing_path_does_not_count()
    {
        var source = TorchSharpClass.Of("public static class Trainer", """
            static void Forward(Module<Tensor, Tensor> m, Tensor x, bool sharpen, out Tensor probs)
            {
                if (x is null)
                {
                    throw new System.ArgumentNullException(nameof(x));
                }

                if (sharpen)
                {
                    probs = F.softmax(m.forward(x) * 2, -1);
                }
                else
                {
                    probs = F.softmax(m.forward(x), 1);
                }
            }

            public static Tensor Step(Module<Tensor, Tensor> model, Tensor x, Tensor y)
            {
                Tensor p;
                Forward(model, x, true, out p);
                return F.cross_entropy({|#0:p|}, y);
            }
            """);
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_ref_variable_the_helper_only_reads_keeps_the_callers_probabilities()
    {
        var source = TorchSharpClass.Of("public static class Trainer", """
            static void Report(ref Tensor output, System.IO.TextWriter log) => log.WriteLine(output.shape[0]);

            public static Tensor Step(Tensor logits, Tensor y, System.IO.TextWriter log)
            {
                var p = F.softmax(logits, 1);
                Report(ref p, log);
                return F.cross_entropy({|#0:p|}, y);
            }
            """);
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_ref_variable_the_helper_replaces_with_logits_on_one_path_is_silent()
    {
        var source = TorchSharpClass.Of("public static class Trainer", """
            static void Refresh(ref Tensor output, Module<Tensor, Tensor> m, Tensor x, bool raw)
            {
                if (raw)
                {
                    output = m.forward(x);
                }
            }

            public static Tensor Step(Module<Tensor, Tensor> model, Tensor x, Tensor y, bool raw)
            {
                var p = F.softmax(model.forward(x), 1);
                Refresh(ref p, model, x, raw);
                return F.cross_entropy(p, y);
            }
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_local_function_producing_probabilities_through_an_out_parameter_is_LG0001()
    {
        var source = TorchSharpClass.Of("public static class Trainer", """
            public static Tensor Step(Module<Tensor, Tensor> model, Tensor x, Tensor y)
            {
                Predict(x, out var probabilities);
                return F.cross_entropy({|#0:probabilities|}, y);

                void Predict(Tensor input, out Tensor probs) => probs = F.softmax(model.forward(input), 1);
            }
            """);
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task An_out_parameter_of_a_virtual_helper_a_subclass_may_override_is_silent()
    {
        var source = TorchSharpClass.Of(
            "public class Trainer",
            """
            protected virtual void Forward(Module<Tensor, Tensor> m, Tensor x, out Tensor output) => output = F.softmax(m.forward(x), 1);

            public Tensor Step(Module<Tensor, Tensor> model, Tensor x, Tensor y)
            {
                Forward(model, x, out var output);
                return F.cross_entropy(output, y);
            }
            """);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_softmax_array_handed_back_through_out_is_LG0001_and_one_a_helper_masks_through_ref_is_silent_with_LossGuard_Runtime()
    {
        const string source = """
            using LossGuard;

            static class Scores
            {
                static void Normalise(float[] logits, out float[] probabilities) => probabilities = Activations.Softmax(logits, 3);

                static void Mask(ref float[] scores, int index) => scores[index] = -10f;

                static float Handed(float[] logits, float[] labels)
                {
                    Normalise(logits, out var p);
                    return Losses.SoftmaxCrossEntropyWithLogits({|#0:p|}, labels, 3);
                }

                static float Masked(float[] logits, float[] labels)
                {
                    var p = Activations.Softmax(logits, 3);
                    Mask(ref p, 0);
                    return Losses.SoftmaxCrossEntropyWithLogits(p, labels, 3);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }
}
