using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.TensorFlow;

/// <summary>tf.nn, tf, tf.math and tf.losses, against the TensorFlow.NET API model.</summary>
public sealed class TensorFlowNnTests
{
    [Fact]
    public Task A_softmax_passed_by_name_as_logits_is_LG0001()
    {
        const string source = """
            using Tensorflow;
            using static Tensorflow.Binding;

            static class Step
            {
                static Tensor Loss(Tensor z, Tensor y)
                {
                    var probabilities = {|#1:tf.nn.softmax(z)|};
                    return tf.nn.sparse_softmax_cross_entropy_with_logits(labels: y, logits: {|#0:probabilities|})
                        + tf.losses.sparse_softmax_cross_entropy(y, {|#2:probabilities|});
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("tf.nn.sparse_softmax_cross_entropy_with_logits", "'probabilities'", "tf.nn.softmax", "8", "pass the logits"),
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(2).WithLocation(1)
                .WithArguments("tf.losses.sparse_softmax_cross_entropy", "'probabilities'", "tf.nn.softmax", "8", "pass the logits"));
    }

    [Fact]
    public Task A_sigmoid_into_the_sigmoid_loss_is_LG0002()
    {
        const string source = """
            using Tensorflow;
            using static Tensorflow.Binding;

            static class Step
            {
                static Tensor Loss(Tensor z, Tensor t) =>
                    tf.nn.sigmoid_cross_entropy_with_logits(t, {|#0:{|#1:tf.sigmoid(z)|}|});
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SigmoidIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("tf.nn.sigmoid_cross_entropy_with_logits", "'tf.sigmoid(z)'", "tf.sigmoid", "7", "pass the logits"));
    }

    [Fact]
    public Task Hand_written_cross_entropy_is_LG0003_on_the_log_with_or_without_clipping()
    {
        const string source = """
            using Tensorflow;
            using static Tensorflow.Binding;

            static class Step
            {
                static Tensor Loss(Tensor x, Tensor w, Tensor y)
                {
                    var prediction = {|#1:tf.nn.softmax(tf.matmul(x, w))|};
                    var plain = -tf.reduce_sum(y * {|#0:tf.log(prediction)|});
                    var clipped = -tf.reduce_sum(y * {|#2:tf.math.log(tf.clip_by_value(prediction, 1e-10f, 1.0f))|});
                    return plain + clipped;
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.UnstableComposition).WithLocation(0).WithLocation(1)
                .WithArguments("tf.log", "tf.nn.softmax", "8", "use the fused 'tf.nn.softmax_cross_entropy_with_logits'"),
            Verify.Diagnostic(Descriptors.UnstableComposition).WithLocation(2).WithLocation(1)
                .WithArguments("tf.math.log", "tf.nn.softmax", "8", "use the fused 'tf.nn.softmax_cross_entropy_with_logits'"));
    }

    [Fact]
    public Task Hand_written_cross_entropy_through_two_lambdas_is_LG0003_on_the_log()
    {
        const string source = """
            using System;
            using Tensorflow;
            using static Tensorflow.Binding;

            static class Step
            {
                static Tensor Train(Tensor x, Tensor w, Tensor y)
                {
                    Func<Tensor, Tensor> predict = input => {|#1:tf.nn.softmax(tf.matmul(input, w))|};
                    Func<Tensor, Tensor, Tensor> loss = (p, labels) => -tf.reduce_sum(labels * {|#0:tf.log(tf.clip_by_value(p, 1e-10f, 1.0f))|});
                    return loss(predict(x), y);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.UnstableComposition).WithLocation(0).WithLocation(1)
                .WithArguments("tf.log", "tf.nn.softmax", "9", "use the fused 'tf.nn.softmax_cross_entropy_with_logits'"));
    }

    [Fact]
    public Task One_hot_into_a_sparse_loss_is_LG0005_and_integer_labels_into_a_dense_loss_are_LG0006()
    {
        const string source = """
            using Tensorflow;
            using static Tensorflow.Binding;

            static class Step
            {
                static Tensor Loss(Tensor z, Tensor y)
                {
                    var oneHot = {|#1:tf.one_hot(y, 10)|};
                    var indices = {|#3:tf.cast(y, tf.int64)|};
                    var labels = tf.placeholder(tf.int32);
                    return tf.nn.sparse_softmax_cross_entropy_with_logits(labels: {|#0:oneHot|}, logits: z)
                        + tf.nn.softmax_cross_entropy_with_logits(labels: {|#2:indices|}, logits: z)
                        + tf.nn.softmax_cross_entropy_with_logits_v2(labels: oneHot, logits: z)
                        + tf.nn.sparse_softmax_cross_entropy_with_logits(labels: labels, logits: z);
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.OneHotIntoSparseLoss).WithLocation(0).WithLocation(1)
                .WithArguments("tf.nn.sparse_softmax_cross_entropy_with_logits", "labels", "tf.one_hot", "8"),
            Verify.Diagnostic(Descriptors.IndicesIntoCategoricalLoss).WithLocation(2).WithLocation(3)
                .WithArguments("tf.nn.softmax_cross_entropy_with_logits", "labels", "tf.cast", "9"));
    }

    [Fact]
    public Task Softmax_for_accuracy_beside_a_loss_on_logits_and_a_variable_named_logits_holding_losses_are_silent()
    {
        const string source = """
            using Tensorflow;
            using static Tensorflow.Binding;

            static class Step
            {
                static Tensor Evaluate(Tensor z, Tensor y, Tensor scores, Tensor values)
                {
                    var accuracy = tf.reduce_mean(tf.cast(tf.math.argmax(tf.nn.softmax(z), 1), tf.float32));
                    var logits = tf.nn.sparse_softmax_cross_entropy_with_logits(labels: y, logits: z);
                    var attention = tf.matmul(tf.nn.softmax(scores), values);
                    return tf.reduce_mean(logits) + accuracy + tf.reduce_sum(attention);
                }

                static Tensor Attend(Tensor logits, Tensor values) => tf.matmul(tf.nn.softmax(logits), values);
            }
            """;
        return Verify.AnalyzerAsync(source);
    }
}
