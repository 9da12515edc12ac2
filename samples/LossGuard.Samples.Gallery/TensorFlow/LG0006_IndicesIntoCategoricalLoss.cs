using Tensorflow;
using static Tensorflow.Binding;

namespace LossGuard.Samples.Gallery.TensorFlow;

/// <summary>LG0006 (tf.nn): integer class indices given to a loss that reads a distribution per row.</summary>
internal static class LG0006_IndicesIntoCategoricalLoss
{
    public static Tensor Misuse(Tensor logits, Tensor labels) =>
        tf.nn.softmax_cross_entropy_with_logits(labels: tf.cast(labels, tf.int64), logits: logits);

    public static Tensor Fixed(Tensor logits, Tensor labels) =>
        tf.nn.sparse_softmax_cross_entropy_with_logits(labels: tf.cast(labels, tf.int64), logits: logits);
}
