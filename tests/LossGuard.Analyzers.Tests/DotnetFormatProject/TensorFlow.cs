using Tensorflow;
using static Tensorflow.Binding;
using static Tensorflow.KerasApi;

namespace Mixed;

internal static class TensorFlowTraining
{
    public static void SoftmaxHeadFromLogits()
    {
        var model = keras.Sequential(keras.layers.Dense(64, activation: "relu"), keras.layers.Dense(10, activation: "softmax"));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
    }

    public static void LinearHeadProbabilityLoss()
    {
        var model = keras.Sequential(keras.layers.Dense(10));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy());
    }

    public static Tensor IndicesIntoCategorical(Tensor logits, Tensor labels) =>
        tf.nn.softmax_cross_entropy_with_logits(labels: tf.cast(labels, tf.int64), logits: logits);

    public static void LossByName()
    {
        var model = keras.Sequential(keras.layers.Dense(10, activation: "softmax"));
        model.compile("adam", "sparse_categorical_crossentropy", new[] { "accuracy" });
    }
}
