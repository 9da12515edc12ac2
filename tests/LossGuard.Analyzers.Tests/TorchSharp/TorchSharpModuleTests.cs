using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.TorchSharp;

/// <summary>Modules, Sequential, user-defined models and losses passed around, compiled against the real TorchSharp 0.107.0.</summary>
public sealed class TorchSharpModuleTests
{
    [Fact]
    public Task A_sequential_ending_in_softmax_trained_with_CrossEntropyLoss_is_LG0001()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class IrisTest
            {
                static Tensor Step(Tensor x, Tensor y)
                {
                    var model = Sequential(("fc1", Linear(4, 16)), ("relu", ReLU()), ("fc2", Linear(16, 3)), ("sm", {|#1:Softmax(1)|}));
                    var loss = CrossEntropyLoss();
                    var output = model.forward(x);
                    return loss.forward({|#0:output|}, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("CrossEntropyLoss.forward", "'output'", "nn.Softmax", "8", "pass the logits"));
    }

    [Fact]
    public Task A_discriminator_ending_in_Sigmoid_trained_with_BCELoss_is_LG0003_on_the_loss_call()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Gan
            {
                static Tensor Step(Tensor images, Tensor labels)
                {
                    var discriminator = Sequential(Linear(784, 256), LeakyReLU(0.2), Linear(256, 1), {|#1:Sigmoid()|});
                    var criterion = BCELoss();
                    return {|#0:criterion.call(discriminator.call(images), labels)|};
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.UnstableComposition).WithLocation(0).WithLocation(1)
                .WithArguments("BCELoss.call", "nn.Sigmoid", "8", "use the fused 'BCEWithLogitsLoss'"));
    }

    [Fact]
    public Task A_softmax_after_a_one_unit_linear_layer_is_LG0004_on_the_softmax()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Binary
            {
                static Tensor Predict(Tensor x)
                {
                    var head = Sequential(Linear(32, 1), {|#0:Softmax(1)|});
                    return head.forward(x);
                }

                static Tensor Functional(Tensor x)
                {
                    var linear = Linear(32, 1);
                    return {|#1:F.softmax(linear.forward(x), 1)|};
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SingleClassSoftmax).WithLocation(0).WithArguments("'Softmax' over an axis of size 1"),
            Verify.Diagnostic(Descriptors.SingleClassSoftmax).WithLocation(1).WithArguments("'functional.softmax' over an axis of size 1"));
    }

    [Fact]
    public Task Layers_appended_to_a_sequential_are_followed()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Appended
            {
                static Tensor Step(Tensor x, Tensor y)
                {
                    var model = Sequential();
                    model.append("fc", Linear(10, 4));
                    model.append({|#1:Softmax(1)|});
                    return NLLLoss().forward({|#0:model.forward(x)|}, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(0).WithLocation(1)
                .WithArguments("NLLLoss.forward", "log-probabilities", "'model.forward(x)'", "probabilities", "nn.Softmax", "10", "use the fused 'LogSoftmax' in its place"));
    }

    [Fact]
    public Task A_user_model_whose_forward_ends_in_softmax_is_followed_through_its_constructor_fields()
    {
        const string source = """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Classifier : Module<Tensor, Tensor>
            {
                private readonly Linear fc1;
                private readonly Module<Tensor, Tensor> head = {|#1:Softmax(1)|};

                public Classifier() : base(nameof(Classifier))
                {
                    fc1 = Linear(784, 10);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input) => head.forward(fc1.forward(input));
            }

            static class Program
            {
                static Tensor Step(Tensor x, Tensor y)
                {
                    var model = new Classifier();
                    var criterion = CrossEntropyLoss();
                    return criterion.forward({|#0:model.call(x)|}, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("CrossEntropyLoss.forward", "'model.call(x)'", "nn.Softmax", "9", "pass the logits"));
    }

    [Fact]
    public Task A_loss_and_model_passed_as_parameters_are_known_when_every_call_site_agrees()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Training
            {
                static void Main()
                {
                    var model = Sequential(Linear(784, 10), {|#1:Softmax(1)|});
                    Train(model, NLLLoss(), torch.randn(64, 784), torch.zeros(64, ScalarType.Int64));
                    Train(model, NLLLoss(), torch.randn(32, 784), torch.zeros(32, ScalarType.Int64));
                }

                static void Train(Module<Tensor, Tensor> model, Loss<Tensor, Tensor, Tensor> criterion, Tensor data, Tensor target)
                {
                    var output = model.forward(data);
                    var loss = criterion.forward({|#0:output|}, target);
                    loss.backward();
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(0).WithLocation(1)
                .WithArguments("NLLLoss.forward", "log-probabilities", "'output'", "probabilities", "nn.Softmax", "9", "use the fused 'LogSoftmax' in its place"));
    }

    [Fact]
    public Task A_call_site_named_in_comments_and_strings_too_is_still_known()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Training
            {
                static void Main()
                {
                    // Train(model, CrossEntropyLoss(), ...) was the old call.
                    var model = Sequential(Linear(784, 10), {|#1:Softmax(1)|});
                    System.Console.WriteLine("Train(model, CrossEntropyLoss())");
                    Train(model, NLLLoss(), torch.randn(64, 784), torch.zeros(64, ScalarType.Int64));
                }

                static void Train(Module<Tensor, Tensor> model, Loss<Tensor, Tensor, Tensor> criterion, Tensor data, Tensor target)
                {
                    var loss = criterion.forward({|#0:model.forward(data)|}, target);
                    loss.backward();
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(0).WithLocation(1)
                .WithArguments("NLLLoss.forward", "log-probabilities", "'model.forward(data)'", "probabilities", "nn.Softmax", "10", "use the fused 'LogSoftmax' in its place"));
    }

    [Theory]
    [InlineData("Train<int>")]
    [InlineData("@Train")]
    [InlineData("Tr\\u0061in")]
    public Task A_call_site_spelled_another_way_still_counts_and_disagreeing_sites_are_silent(string spelling)
    {
        var source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Training
            {
                static void Main()
                {
                    var model = Sequential(Linear(784, 10), Softmax(1));
                    Train(model, NLLLoss(), torch.randn(64, 784), torch.zeros(64, ScalarType.Int64), 0);
                    SPELLING(model, CrossEntropyLoss(), torch.randn(64, 784), torch.zeros(64, ScalarType.Int64), 0);
                }

                static void Train<T>(Module<Tensor, Tensor> model, Loss<Tensor, Tensor, Tensor> criterion, Tensor data, Tensor target, T tag) =>
                    criterion.forward(model.forward(data), target).backward();
            }
            """.Replace("SPELLING", spelling, System.StringComparison.Ordinal);
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_loss_chosen_by_configuration_is_unknown_and_silent()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Training
            {
                static void Main(string[] args)
                {
                    var model = Sequential(Linear(784, 10), Softmax(1));
                    Loss<Tensor, Tensor, Tensor> criterion = args[0] switch
                    {
                        "nll" => NLLLoss(),
                        _ => CrossEntropyLoss(),
                    };
                    Train(model, criterion, torch.randn(64, 784), torch.zeros(64, ScalarType.Int64));
                    Train(model, args.Length > 1 ? NLLLoss() : BCELoss(), torch.randn(64, 784), torch.zeros(64, ScalarType.Int64));
                }

                static void Train(Module<Tensor, Tensor> model, Loss<Tensor, Tensor, Tensor> criterion, Tensor data, Tensor target) =>
                    criterion.forward(model.forward(data), target).backward();
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_public_method_of_a_library_may_be_called_from_outside_and_its_parameters_stay_unknown()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            public static class Trainer
            {
                public static void Run() => Train(Sequential(Linear(784, 10), Softmax(1)), CrossEntropyLoss(), torch.randn(8, 784), torch.zeros(8));

                public static void Train(Module<Tensor, Tensor> model, Loss<Tensor, Tensor, Tensor> criterion, Tensor data, Tensor target) =>
                    criterion.forward(model.forward(data), target).backward();
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_loss_module_made_with_new_and_a_softmax_over_the_batch_axis_of_a_model_output_are_found()
    {
        const string source = """
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Inference
            {
                static Tensor Step(Tensor y)
                {
                    var model = Sequential(Linear(784, 10));
                    var pred = model.forward(randn(1, 784));
                    var shown = {|#2:F.softmax(pred, dim: 0)|};
                    var criterion = new CrossEntropyLoss();
                    return criterion.forward({|#0:{|#1:pred.softmax(1)|}|}, y) + shown.sum();
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxAlongBatchAxis).WithLocation(2).WithArguments("functional.softmax", "0", "a batch-first value", "1 or -1"),
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("CrossEntropyLoss.forward", "'pred.softmax(1)'", "Tensor.softmax", "14", "pass the logits"));
    }

    [Fact]
    public Task A_two_unit_softmax_head_and_a_serving_softmax_that_is_never_trained_are_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            static class Heads
            {
                static Tensor TwoUnits(Tensor x) => Sequential(Linear(32, 2), Softmax(1)).forward(x);

                static Tensor Train(Tensor x, Tensor y)
                {
                    var model = Sequential(Linear(32, 10));
                    var serving = Sequential(("model", model), ("probabilities", Softmax(1)));
                    serving.save("model.bin");
                    return CrossEntropyLoss().forward(model.forward(x), y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
