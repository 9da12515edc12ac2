using System;
using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// A module or tensor changed where the engine does not follow the change (through a helper's parameter, an alias, a
/// property, a fluent chain): what it holds is no longer known, and each case must stay silent.
/// </summary>
public sealed class ValueChangeSoundnessTests
{
    [Fact]
    public Task A_sequential_field_whose_hidden_sigmoid_gets_a_linear_head_through_a_helper_an_alias_a_property_or_a_fluent_call_is_silent()
    {
        // Correct: each model ends in a linear head added after its initialiser, and trains with cross_entropy on logits;
        // each was wrongly LG0002 (only changes through the field's own name were seen).
        const string source = """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            sealed class BuiltByHelper
            {
                private readonly Sequential layers = Sequential(Linear(784, 128), Sigmoid());

                public BuiltByHelper() => AddHead(layers, 10);

                private static void AddHead(Sequential body, long classes) => body.append(Linear(128, classes));

                public Tensor Loss(Tensor x, Tensor y) => F.cross_entropy(layers.forward(x), y);
            }

            sealed class BuiltThroughAlias
            {
                private readonly Sequential layers = Sequential(Linear(784, 128), Sigmoid());

                public BuiltThroughAlias()
                {
                    var body = layers;
                    body.append(Linear(128, 10));
                }

                public Tensor Loss(Tensor x, Tensor y) => F.cross_entropy(layers.forward(x), y);
            }

            sealed class BuiltByCaller
            {
                private readonly Sequential layers = Sequential(Linear(784, 128), Sigmoid());

                public Sequential Layers => layers;

                public Tensor Loss(Tensor x, Tensor y) => F.cross_entropy(layers.forward(x), y);

                static Tensor Run(Tensor x, Tensor y)
                {
                    var model = new BuiltByCaller();
                    model.Layers.append(Linear(128, 10));
                    return model.Loss(x, y);
                }
            }

            sealed class BuiltOnDevice
            {
                private readonly Sequential layers = Sequential(Linear(784, 128), Sigmoid());

                public BuiltOnDevice(Device device) => layers.to(device).append(Linear(128, 10));

                public Tensor Loss(Tensor x, Tensor y) => F.cross_entropy(layers.forward(x), y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_static_sequential_field_that_the_static_constructor_extends_through_a_helper_is_silent()
    {
        // Correct: the static constructor appends a linear head through a helper's parameter; wrongly LG0002 (the static construction run does not see the helper's append either).
        const string source = """
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Mlp
            {
                private static readonly Sequential Layers = Sequential(Linear(784, 128), Sigmoid());

                static Mlp() => AddHead(Layers);

                private static void AddHead(Sequential body) => body.append(Linear(128, 10));

                public static Tensor Loss(Tensor x, Tensor y) => F.cross_entropy(Layers.forward(x), y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_tensor_field_that_a_helper_logs_in_place_is_not_LG0007_at_the_nll_loss()
    {
        // After the helper's log_() the field holds log-probabilities, so nll_loss(scores) is correct; was wrongly LG0007 (the field read as its initialiser's softmax).
        // The log_() of softmax output is a true LG0003 that is not reported: the field handed to a helper that changes it is no longer known anywhere.
        const string source = """
            using static TorchSharp.torch;
            using F = TorchSharp.torch.nn.functional;

            sealed class Scorer
            {
                private readonly Tensor scores = F.softmax(randn(4, 3), 1);

                public Scorer() => ToLog(scores);

                private static void ToLog(Tensor t) => t.log_();

                public Tensor Loss(Tensor y) => F.nll_loss(scores, y);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_keras_sequential_field_that_a_helper_gives_a_linear_head_is_silent()
    {
        // Correct: a Keras Sequential field whose hidden Dense is sigmoid, extended with a linear Dense(1) by a helper (the log is of a linear output); wrongly LG0003 naming the hidden layer's "sigmoid".
        const string source = TensorFlowUsings.Eager + """
            using Tensorflow.Keras.Engine;

            sealed class Net
            {
                private readonly Sequential model = keras.Sequential(keras.layers.Dense(64, activation: "sigmoid"));

                public Net() => AddHead(model);

                private static void AddHead(Sequential m) => m.add(keras.layers.Dense(1));

                public Tensor Score(Tensor h, Tensor y) => -tf.reduce_sum(y * tf.log(model.Apply(h)));
            }
            """;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task A_local_sequential_that_a_helper_extends_is_silent_while_one_a_helper_only_applies_is_reported()
    {
        const string source = """
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using F = TorchSharp.torch.nn.functional;

            static class Train
            {
                static void AddHead(Sequential body) => body.append(Linear(128, 10));

                static Tensor Apply(Sequential body, Tensor x) => body.forward(x);

                static Tensor Extended(Tensor x, Tensor y)
                {
                    var layers = Sequential(Linear(784, 128), Softmax(1));
                    AddHead(layers);
                    return F.cross_entropy(layers.forward(x), y);
                }

                static Tensor Applied(Tensor x, Tensor y)
                {
                    var layers = Sequential(Linear(784, 10), Softmax(1));
                    Apply(layers, x);
                    return F.cross_entropy({|#0:layers.forward(x)|}, y);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    /// <summary>A <c>Step</c> whose statements end with <c>p</c> holding a sigmoid output that may have been changed in place.</summary>
    private static string SigmoidStep(string statements) => $$"""
        using System;
        using TorchSharp;
        using static TorchSharp.torch;
        using F = TorchSharp.torch.nn.functional;

        static class Shifts
        {
            public static void ShiftBy(this Tensor by, Tensor t) => t.sub_(by);
        }

        static class Trainer
        {
            static void Shift(Tensor t) => t.sub_(0.5);
            static void Keep(Tensor t) { }

            static Tensor Step(Tensor a, Tensor b, Tensor target)
            {
                {{statements}}
                return F.binary_cross_entropy(p, target);
            }
        }
        """;

    [Theory]
    // Another variable holds the same tensor (or a view of it) and changes it in place.
    [InlineData("var p = F.sigmoid(a); var q = p; q.sub_(0.5);")]
    [InlineData("Tensor p; var q = p = F.sigmoid(a); q.sub_(0.5);")]
    [InlineData("var p = F.sigmoid(a); var v = p.view(-1); v.mul_(2);")]
    [InlineData("var s = F.sigmoid(a); var pair = (s, 1); s.sub_(0.5); var p = pair.Item1;")]
    // Written through an indexer, whole or in part.
    [InlineData("var p = F.sigmoid(a); p[TensorIndex.Ellipsis] = F.relu(b);")]
    [InlineData("var p = F.sigmoid(a); p[0] = F.relu(b)[0];")]
    [InlineData("var p = F.sigmoid(a); var q = p; q[TensorIndex.Ellipsis] = F.relu(b);")]
    // A library function told to work in place.
    [InlineData("var p = F.sigmoid(a); F.dropout(p, 0.5, true, true);")]
    [InlineData("var p = F.sigmoid(a); F.dropout(p, 0.5, training: true, inplace: true);")]
    // A delegate whose method or lambda changes its argument in place.
    [InlineData("var p = F.sigmoid(a); Action<Tensor> shift = Shift; shift(p);")]
    [InlineData("var p = F.sigmoid(a); Action<Tensor> shift = t => t.sub_(0.5); shift(p);")]
    [InlineData("var p = F.sigmoid(a); Action<Tensor> shift = b.ShiftBy; shift(p);")]
    public Task A_tensor_changed_in_place_through_an_alias_an_indexer_an_inplace_argument_or_a_delegate_is_silent(string statements) =>
        Verify.AnalyzerAsync(SigmoidStep(statements));

    [Theory]
    // Changed in place: another tensor, a copy, or a delegate that only reads.
    [InlineData("var p = F.sigmoid(a); var other = F.relu(b); other.sub_(0.5);")]
    [InlineData("var p = F.sigmoid(a); var r = F.relu(b); r[TensorIndex.Ellipsis] = F.relu(a);")]
    [InlineData("var p = F.sigmoid(a); F.dropout(b, 0.5, true, true); F.dropout(p, 0.5, true, false);")]
    [InlineData("var p = F.sigmoid(a); Action<Tensor> keep = Keep; keep(p);")]
    public Task A_sigmoid_output_that_nothing_changes_in_place_is_still_LG0003(string statements) =>
        Verify.AnalyzerAsync(
            SigmoidStep(statements).Replace("return F.binary_cross_entropy(p, target);", "return {|#0:F.binary_cross_entropy(p, target)|};", StringComparison.Ordinal),
            Finding.At(Descriptors.UnstableComposition));
}
