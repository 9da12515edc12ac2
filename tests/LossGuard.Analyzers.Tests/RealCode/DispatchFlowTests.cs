using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// An interface or virtual call returns the join of what every method it may run returns, when the compilation knows
/// them all: an executable's, or a library's internal interfaces and methods. A model chosen by a factory behind an
/// interface and passed to a training helper is followed like a model held directly.
/// </summary>
public sealed class DispatchFlowTests
{
    private const string Nets = """
        using System;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        public interface INetModel
        {
            Tensor Forward(Tensor x);
        }

        public sealed class SmallNet : Module<Tensor, Tensor>, INetModel
        {
            private readonly Module<Tensor, Tensor> hidden = Linear(24, 1);

            public SmallNet() : base("small") => RegisterComponents();

            public Tensor Forward(Tensor x) => forward(x);

            public override Tensor forward(Tensor x)
            {
                using var s = functional.sigmoid(hidden.forward(x));
                return s.squeeze(-1).MoveToOuterDisposeScope();
            }
        }

        public sealed class WideNet : Module<Tensor, Tensor>, INetModel
        {
            private readonly Module<Tensor, Tensor> hidden = Linear(24, 1);

            public WideNet() : base("wide") => RegisterComponents();

            public Tensor Forward(Tensor x) => forward(x);

            public override Tensor forward(Tensor x) => OUTPUT;
        }

        public static class NetFactory
        {
            public static INetModel Create(int mode) => mode switch
            {
                0 => new SmallNet(),
                _ => new WideNet(),
            };
        }
        """;

    private const string Trainer = """

        public static class Trainer
        {
            public static void Train(int mode, Tensor x, Tensor y)
            {
                var model = NetFactory.Create(mode);
                var loss = BCELoss();
                RunEpoch(model, x, y, loss);
            }

            private static float RunEpoch(INetModel model, Tensor x, Tensor y, Loss<Tensor, Tensor, Tensor> loss)
            {
                using var prediction = model.Forward(x);
                using var l = {|#0:loss.forward(prediction, y)|};
                return l.item<float>();
            }
        }
        """;

    [Fact]
    public Task A_model_from_a_factory_behind_an_interface_whose_every_implementation_ends_in_a_sigmoid_is_followed_into_the_loss()
    {
        var source = Nets.Replace("OUTPUT", "functional.sigmoid(hidden.forward(x)).squeeze(-1)", System.StringComparison.Ordinal)
            + Trainer + "static class Program { public static void Main() => Trainer.Train(0, TorchSharp.torch.zeros(1), TorchSharp.torch.zeros(1)); }";
        return Verify.ProgramAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task One_implementation_that_returns_logits_keeps_the_interface_call_unknown()
    {
        var source = Nets.Replace("OUTPUT", "hidden.forward(x).squeeze(-1)", System.StringComparison.Ordinal)
            + Trainer.Replace("{|#0:loss.forward(prediction, y)|}", "loss.forward(prediction, y)", System.StringComparison.Ordinal)
            + "static class Program { public static void Main() => Trainer.Train(0, TorchSharp.torch.zeros(1), TorchSharp.torch.zeros(1)); }";
        return Verify.ProgramAsync(source);
    }

    [Fact]
    public Task A_public_interface_of_a_library_may_be_implemented_outside_so_its_calls_stay_unknown()
    {
        var source = Nets.Replace("OUTPUT", "functional.sigmoid(hidden.forward(x)).squeeze(-1)", System.StringComparison.Ordinal)
            + """

            public static class Trainer
            {
                public static Tensor Step(INetModel model, Tensor x, Tensor y) => functional.binary_cross_entropy(model.Forward(x), y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task An_internal_interface_of_a_library_is_known_by_its_implementations()
    {
        var source = Nets.Replace("OUTPUT", "functional.sigmoid(hidden.forward(x)).squeeze(-1)", System.StringComparison.Ordinal)
            .Replace("public interface INetModel", "internal interface INetModel", System.StringComparison.Ordinal)
            .Replace("public static INetModel Create", "internal static INetModel Create", System.StringComparison.Ordinal)
            + """

            internal static class Trainer
            {
                internal static Tensor Step(INetModel model, Tensor x, Tensor y) => {|#0:functional.binary_cross_entropy(model.Forward(x), y)|};
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_virtual_call_joins_the_overrides_of_every_class_that_inherits_the_method()
    {
        const string source = """
            using LossGuard;

            class Model
            {
                public virtual float[] Forward(float[] z) => Activations.Softmax(z, 4);

                public float Loss(float[] z, float[] y) => Losses.SoftmaxCrossEntropyWithLogits({|#0:Forward(z)|}, y, 4);
            }

            class Calibrated : Model
            {
                public override float[] Forward(float[] z) => Activations.Softmax(z, 4);
            }

            sealed class Raw : Model
            {
                public override float[] Forward(float[] z) => z;
            }

            sealed class Tuned : Calibrated
            {
            }
            """;
        return Verify.AnalyzerAsync(source.Replace("{|#0:Forward(z)|}", "Forward(z)", System.StringComparison.Ordinal));
    }

    [Fact]
    public Task A_virtual_call_whose_every_override_returns_softmax_is_LG0001()
    {
        const string source = """
            using LossGuard;

            class Model
            {
                public virtual float[] Forward(float[] z) => Activations.Softmax(z, 4);

                public float Loss(float[] z, float[] y) => Losses.SoftmaxCrossEntropyWithLogits({|#0:Forward(z)|}, y, 4);
            }

            sealed class Calibrated : Model
            {
                public override float[] Forward(float[] z) => Activations.Softmax(z, 4);
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task An_abstract_policy_whose_every_override_ends_in_softmax_is_LG0003_under_the_log()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            abstract class Agent
            {
                protected abstract Tensor Policy(Tensor state);

                public Tensor LogProbability(Tensor state, Tensor action) => {|#0:log(Policy(state))|}.gather(1, action);
            }

            sealed class Greedy : Agent
            {
                protected override Tensor Policy(Tensor state) => F.softmax(state * 2, 1);
            }

            sealed class Calm : Agent
            {
                protected override Tensor Policy(Tensor state) => F.softmax(state, -1);
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.UnstableComposition));
    }

    [Fact]
    public Task A_base_call_runs_the_base_method_whatever_overrides_it()
    {
        const string source = """
            using LossGuard;

            public class Model
            {
                public virtual float[] Forward(float[] z) => Activations.Softmax(z, 4);
            }

            public sealed class Tuned : Model
            {
                public override float[] Forward(float[] z) => z;

                public float Loss(float[] z, float[] y) => Losses.SoftmaxCrossEntropyWithLogits({|#0:base.Forward(z)|}, y, 4);
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task An_internal_interface_implemented_by_an_overridable_public_method_may_run_an_override_from_outside()
    {
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            internal interface IPolicy
            {
                Tensor Probabilities(Tensor state);
            }

            public class SoftmaxPolicy : IPolicy
            {
                public virtual Tensor Probabilities(Tensor state) => F.softmax(state, 1);
            }

            internal static class Trainer
            {
                internal static Tensor Step(IPolicy policy, Tensor state, Tensor y) => F.cross_entropy(policy.Probabilities(state), y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
