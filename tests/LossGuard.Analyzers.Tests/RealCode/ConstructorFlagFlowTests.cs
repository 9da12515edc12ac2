using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// A <c>bool</c> constructor argument that switches a model's output activation (<c>new Mlp(..., sigmoid_output: true)</c>)
/// is known where the model is made, so its <c>forward</c> takes the branch the switch selects; a switch that is not a
/// constant, or that the model's class or outside code can change later, stays silent.
/// </summary>
public sealed class ConstructorFlagFlowTests
{
    private const string Models = """
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        public sealed class Mlp : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> first;
            private readonly Module<Tensor, Tensor> last;
            private readonly bool sigmoidOutput;
            public Mlp(int input, int hidden, int output, bool sigmoid_output = false) : base("Mlp")
            {
                first = Linear(input, hidden);
                last = Linear(hidden, output);
                sigmoidOutput = sigmoid_output;
                RegisterComponents();
            }
            public override Tensor forward(Tensor x)
            {
                x = last.forward(functional.relu(first.forward(x)));
                if (sigmoidOutput)
                {
                    x = functional.sigmoid(x);
                }
                return x;
            }
        }

        public sealed class Classifier : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private bool probabilities;
            public Classifier(int input, int classes, bool probabilities) : base("Classifier")
            {
                body = Linear(input, classes);
                this.probabilities = probabilities;
                RegisterComponents();
            }
            public void Serve() => probabilities = true;
            public override Tensor forward(Tensor x) => probabilities ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }

        public sealed class Head : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            private readonly bool logits;
            public Head(int input, int classes, bool logits = true) : base("Head")
            {
                body = Linear(input, classes);
                this.logits = logits;
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => !logits ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }

        public sealed class OpenNet : Module<Tensor, Tensor>
        {
            public Module<Tensor, Tensor> Head;
            internal Module<Tensor, Tensor> Body;
            public OpenNet(int input, int classes, bool bias = true) : base("OpenNet")
            {
                Body = Linear(input, 64, hasBias: bias);
                Head = Sequential(Linear(64, classes, hasBias: bias), Softmax(1));
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => Head.forward(Body.forward(x));
        }

        public sealed class Decoder : Module<Tensor, Tensor>
        {
            private readonly Mlp scoreHead;
            public Decoder(int features, bool sigmoid) : base("Decoder")
            {
                scoreHead = new Mlp(features, 64, 1, sigmoid_output: sigmoid);
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => scoreHead.forward(x);
        }

        public sealed class Switchable : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body;
            public bool Probabilities;
            public Switchable(int input, int classes, bool probabilities) : base("Switchable")
            {
                body = Linear(input, classes);
                Probabilities = probabilities;
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => Probabilities ? functional.softmax(body.forward(x), 1) : body.forward(x);
        }

        """;

    private static Task Reported(string code) => Verify.AnalyzerAsync(Models + code, Finding.At(Descriptors.SigmoidIntoLogitsLoss));

    private static Task ReportedSoftmax(string code) => Verify.AnalyzerAsync(Models + code, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));

    private static Task Silent(string code) => Verify.AnalyzerAsync(Models + code);

    [Fact]
    public Task A_model_made_here_with_its_sigmoid_switch_on_ends_in_sigmoid() => Reported("""
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var model = new Mlp(16, 32, 1, sigmoid_output: true);
                return functional.binary_cross_entropy_with_logits({|#0:model.forward(x)|}, y);
            }
        }
        """);

    [Fact]
    public Task A_model_in_a_field_initialiser_with_its_sigmoid_switch_on_ends_in_sigmoid() => Reported("""
        public sealed class Trainer
        {
            private readonly Mlp model = new Mlp(16, 32, 1, sigmoid_output: true);
            public Tensor Batch(Tensor x, Tensor y) => functional.binary_cross_entropy_with_logits({|#0:model.forward(x)|}, y);
        }
        """);

    [Fact]
    public Task A_model_field_set_in_the_constructor_with_its_switch_on_ends_in_sigmoid() => Reported("""
        public sealed class Trainer
        {
            private readonly Module<Tensor, Tensor> model;
            public Trainer(int features) => model = new Mlp(features, 32, 1, true);
            public Tensor Batch(Tensor x, Tensor y) => functional.binary_cross_entropy_with_logits({|#0:model.forward(x)|}, y);
        }
        """);

    [Fact]
    public Task A_switch_read_in_a_conditional_expression_selects_its_arm() => ReportedSoftmax("""
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var model = new Head(16, 4, logits: false);
                return functional.cross_entropy({|#0:model.forward(x)|}, y);
            }
        }
        """);

    [Fact]
    public Task A_model_made_with_its_switch_off_gives_logits_to_a_logits_loss() => Silent("""
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var model = new Mlp(16, 32, 1, sigmoid_output: false);
                var other = new Mlp(16, 32, 1);
                return functional.binary_cross_entropy_with_logits(model.forward(x), y) + functional.binary_cross_entropy_with_logits(other.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task A_switch_from_a_parameter_is_silent() => Silent("""
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y, bool serving)
            {
                var model = new Mlp(16, 32, 1, serving);
                return functional.binary_cross_entropy_with_logits(model.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task A_switch_that_a_method_of_the_class_changes_is_silent() => Silent("""
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var model = new Classifier(16, 4, probabilities: false);
                model.Serve();
                return functional.cross_entropy(model.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task A_switch_in_a_public_field_that_outside_code_can_set_is_silent() => Silent("""
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var model = new Switchable(16, 4, probabilities: false);
                model.Probabilities = true;
                return functional.cross_entropy(model.forward(x), y);
            }
        }
        """);

    [Fact]
    public Task A_field_holding_models_made_with_either_setting_is_silent() => Silent("""
        public sealed class Trainer
        {
            private Module<Tensor, Tensor> model = new Mlp(16, 32, 1, sigmoid_output: false);
            public void Serve() => model = new Mlp(16, 32, 1, sigmoid_output: true);
            public Tensor Batch(Tensor x, Tensor y) => functional.binary_cross_entropy_with_logits(model.forward(x), y);
        }
        """);

    [Fact]
    public Task A_switch_that_selects_nothing_keeps_what_the_class_construction_knows() => ReportedSoftmax("""
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var model = new OpenNet(16, 4, bias: false);
                return functional.cross_entropy({|#0:model.forward(x)|}, y);
            }
        }
        """);

    [Fact]
    public Task A_switch_handed_on_to_an_inner_model_selects_its_branch() => Reported("""
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var model = new Decoder(16, sigmoid: true);
                return functional.binary_cross_entropy_with_logits({|#0:model.forward(x)|}, y);
            }
        }
        """);

    [Fact]
    public Task A_model_made_with_its_default_switch_gives_logits_to_a_probability_loss() => Verify.AnalyzerAsync(Models + """
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var model = new Mlp(16, 32, 1);
                return functional.binary_cross_entropy({|#0:model.forward(x)|}, y);
            }
        }
        """, Finding.At(Descriptors.WrongDomainForLoss));

    [Theory]
    [InlineData("new OpenNet(16, 4)")]
    [InlineData("new OpenNet(16, 4, bias: false)")]
    public Task A_public_field_reassigned_after_the_creation_is_silent(string creation) => Silent($$"""
        public static class Local
        {
            public static Tensor Batch(Tensor x, Tensor y)
            {
                var model = {{creation}};
                model.Head = Linear(64, 4);
                return functional.cross_entropy(model.forward(x), y);
            }
        }
        """);
}
