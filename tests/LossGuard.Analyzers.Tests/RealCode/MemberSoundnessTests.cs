using System.Threading.Tasks;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>Code where following fields, properties and call sites would claim too much: each must stay silent.</summary>
public sealed class MemberSoundnessTests
{
    [Fact]
    public Task A_null_check_on_a_field_assigned_only_in_a_method_keeps_both_paths()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Agent
            {
                private Module<Tensor, Tensor> policy;

                public void UseSoftmax() => policy = Sequential(Linear(4, 2), Softmax(1));

                public Tensor Step(Tensor s)
                {
                    var p = policy ?? Linear(4, 2);
                    return p.forward(s).log();
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_field_read_by_a_call_between_two_assignments_holds_the_first_value_there()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Agent
            {
                private Module<Tensor, Tensor> policy;

                public Agent()
                {
                    policy = Linear(4, 2);
                    Warmup(ones(1, 4));
                    policy = Sequential(Linear(4, 2), Softmax(1));
                }

                private Tensor Warmup(Tensor s) => policy.forward(s).log();
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_parenthesised_assignment_counts_as_an_assignment()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Agent
            {
                private Module<Tensor, Tensor> policy;

                public Agent() => policy = Sequential(Linear(4, 2), Softmax(1));

                public void UseLogits() => (policy) = Linear(4, 2);

                public Tensor Step(Tensor s) => policy.forward(s).log();
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_user_deconstruct_method_is_not_read_as_a_tuple()
    {
        const string source = """
            using static TorchSharp.torch;

            static class Pairs
            {
                public static void Deconstruct(this Tensor[] pair, out Tensor first, out Tensor second) => (first, second) = (pair[1], pair[0]);
            }

            static class Step
            {
                static Tensor Log(Tensor x)
                {
                    var (a, _) = new[] { softmax(x, 1), x };
                    return a.log();
                }
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task An_internal_helper_of_a_library_that_grants_InternalsVisibleTo_may_have_callers_outside()
    {
        const string source = """
            using static TorchSharp.torch;

            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Other")]

            public static class Losses
            {
                internal static Tensor Log(Tensor p) => p.log();

                public static Tensor Run(Tensor x) => Log(softmax(x, 1));
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_protected_internal_setter_of_a_library_that_grants_InternalsVisibleTo_may_be_assigned_outside()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Other")]

            public class Reinforce
            {
                public Reinforce() => PolicyNet = Sequential(Linear(4, 2), Softmax(-1));

                public Module<Tensor, Tensor> PolicyNet { get; protected internal set; }

                public Tensor Learn(Tensor s, Tensor a) => -log(PolicyNet.forward(s)).gather(1, a).mean();
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_protected_setter_that_a_public_method_of_the_compilation_also_assigns_from_its_argument_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            public class Reinforce
            {
                public Reinforce() => PolicyNet = Sequential(Linear(4, 2), Softmax(-1));

                public Module<Tensor, Tensor> PolicyNet { get; protected set; }

                public void Replace(Module<Tensor, Tensor> net) => PolicyNet = net;

                public Tensor Learn(Tensor s, Tensor a) => -log(PolicyNet.forward(s)).gather(1, a).mean();
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_sequential_field_initialised_with_a_softmax_that_a_constructor_or_a_method_extends_is_silent()
    {
        const string source = """
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Extended
            {
                private readonly Sequential built = Sequential(Linear(4, 3), Softmax(1));
                private readonly Sequential extensible = Sequential(Linear(4, 3), Softmax(1));

                public Extended() => built.append(Linear(3, 3));

                public void Extend() => extensible.append(Linear(3, 3));

                public Tensor Scores(Tensor x) => log(built.forward(x)) + log(extensible.forward(x));
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_property_initialised_with_a_softmax_that_a_constructor_replaces_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            sealed class Classifier
            {
                private Module<Tensor, Tensor> Model { get; } = Sequential(Linear(4, 3), Softmax(1));

                public Classifier(bool logits)
                {
                    if (logits)
                    {
                        Model = Linear(4, 3);
                    }
                }

                public Tensor Scores(Tensor x) => log(Model.forward(x));
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_tensor_field_that_a_method_changes_in_place_is_silent()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            sealed class Scorer
            {
                private readonly Tensor scores = F.softmax(randn(4, 3), 1);

                public void ToLogProbabilities() => scores.log_();

                public Tensor Loss(Tensor y) => F.nll_loss(scores, y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
