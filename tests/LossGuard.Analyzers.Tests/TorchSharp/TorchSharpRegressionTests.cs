using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.TorchSharp;

/// <summary>Correct TorchSharp training code in the shapes of the public TorchSharp examples: no diagnostic at all.</summary>
public sealed class TorchSharpRegressionTests
{
    private const string Mnist = """
        using System;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        sealed class MnistModel : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> conv1 = Conv2d(1, 32, 3);
            private readonly Module<Tensor, Tensor> fc1 = Linear(9216, 128);
            private readonly Module<Tensor, Tensor> fc2 = Linear(128, 10);
            private readonly Module<Tensor, Tensor> logsm = LogSoftmax(1);
            private readonly Module<Tensor, Tensor> flatten = Flatten();

            public MnistModel(string name) : base(name) => RegisterComponents();

            public override Tensor forward(Tensor input)
            {
                var x = functional.relu(conv1.forward(input));
                x = flatten.forward(x);
                x = functional.relu(fc1.forward(x));
                return logsm.forward(fc2.forward(x));
            }
        }

        static class Program
        {
            static void Main()
            {
                var model = new MnistModel("model");
                var optimizer = optim.Adam(model.parameters());
                var loss = NLLLoss(reduction: Reduction.Mean);
                for (var epoch = 1; epoch <= 4; epoch++)
                {
                    Train(model, optimizer, loss, torch.randn(64, 1, 28, 28), torch.zeros(64, ScalarType.Int64));
                    Test(model, loss, torch.randn(64, 1, 28, 28), torch.zeros(64, ScalarType.Int64));
                }
            }

            static void Train(MnistModel model, optim.Optimizer optimizer, Loss<Tensor, Tensor, Tensor> loss, Tensor data, Tensor target)
            {
                model.train();
                optimizer.zero_grad();
                var prediction = model.call(data);
                var output = loss.call(prediction, target);
                output.backward();
                optimizer.step();
            }

            static void Test(MnistModel model, Loss<Tensor, Tensor, Tensor> loss, Tensor data, Tensor target)
            {
                model.eval();
                using var noGrad = torch.no_grad();
                var prediction = model.call(data);
                var testLoss = loss.call(prediction, target).ToSingle();
                var correct = prediction.argmax(1).eq(target).sum().ToInt64();
                Console.WriteLine($"loss {testLoss}, correct {correct}");
            }
        }
        """;
    [Fact]
    public Task Mnist_model_ending_in_LogSoftmax_with_NLLLoss_passed_into_Train_is_silent()
    {
        const string source = Mnist;

        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task The_same_model_ending_in_Softmax_is_LG0007_inside_Train_and_Test()
    {
        var source = Mnist
            .Replace("logsm = LogSoftmax(1);", "logsm = {|#2:Softmax(1)|};")
            .Replace("var output = loss.call(prediction, target);", "var output = loss.call({|#0:prediction|}, target);")
            .Replace("var testLoss = loss.call(prediction, target)", "var testLoss = loss.call({|#1:prediction|}, target)");
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(0).WithLocation(2)
                .WithArguments("NLLLoss.call", "log-probabilities", "'prediction'", "probabilities", "nn.Softmax", "12", "use the fused 'LogSoftmax' in its place"),
            Verify.Diagnostic(Descriptors.WrongDomainForLoss).WithLocation(1).WithLocation(2)
                .WithArguments("NLLLoss.call", "log-probabilities", "'prediction'", "probabilities", "nn.Softmax", "12", "use the fused 'LogSoftmax' in its place"));
    }

    [Fact]
    public Task Cifar_style_log_softmax_right_before_a_loss_parameter_is_silent()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Cifar
            {
                static void Main()
                {
                    var model = Sequential(("fc", Linear(3072, 10)));
                    Step(model, NLLLoss(), torch.randn(16, 3072), torch.zeros(16, ScalarType.Int64));
                }

                static float Step(Module<Tensor, Tensor> model, Loss<Tensor, Tensor, Tensor> criterion, Tensor data, Tensor labels)
                {
                    var output = criterion.forward(F.log_softmax(model.forward(data), 1), labels);
                    output.backward();
                    return output.ToSingle();
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Text_classification_with_CrossEntropyLoss_on_raw_Linear_output_and_softmax_for_display_is_silent()
    {
        const string source = """
            using System;
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class TextClassifier : Module<Tensor, Tensor>
            {
                private readonly EmbeddingBag embedding;
                private readonly Linear fc;

                public TextClassifier(long vocabulary, long dimensions, long classes) : base("TextClassification")
                {
                    embedding = EmbeddingBag(vocabulary, dimensions, sparse: false);
                    fc = Linear(dimensions, classes);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input) => fc.call(embedding.call(input));
            }

            static class Program
            {
                static void Main()
                {
                    var model = new TextClassifier(1000, 64, 4);
                    var criterion = CrossEntropyLoss();
                    var text = torch.zeros(8, 20, ScalarType.Int64);
                    var labels = torch.zeros(8, ScalarType.Int64);
                    var predicted = model.call(text);
                    var loss = criterion.call(predicted, labels);
                    loss.backward();
                    var probabilities = functional.softmax(predicted, 1);
                    Console.WriteLine(probabilities.max().ToSingle());
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task Attention_softmax_over_scores_named_logits_is_silent()
    {
        const string source = """
            using System;
            using TorchSharp;
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            static class Attention
            {
                static Tensor Attend(Tensor query, Tensor key, Tensor value)
                {
                    var logits = query.matmul(key.transpose(-2, -1)) / Math.Sqrt(query.shape[^1]);
                    var weights = F.softmax(logits, -1);
                    return weights.matmul(value);
                }

                static Tensor Loss(Tensor query, Tensor key, Tensor value, Tensor labels) =>
                    F.cross_entropy(Attend(query, key, value).mean(new long[] { 1 }), labels);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
