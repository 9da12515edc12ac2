using Tensorflow;
using static Tensorflow.Binding;
using static Tensorflow.KerasApi;

namespace LossGuard.Samples.Gallery.TensorFlow;

/// <summary>LG0003 (Keras): a hand-written binary cross-entropy on a discriminator whose last layer is a sigmoid.</summary>
internal static class LG0003_LogOfSigmoidLayer
{
    public static Tensor Misuse(Tensor images, Tensor y)
    {
        var image = keras.Input(shape: 784);
        var x = keras.layers.Dense(128, activation: "relu").Apply(image);
        x = keras.layers.Dense(1, activation: "sigmoid").Apply(x);
        var discriminator = keras.Model(image, x);
        Tensor p = tf.clip_by_value(discriminator.Apply(images), 1e-6f, 1.0f - 1e-6f);
        return -tf.reduce_sum(y * tf.log(p) + (1 - y) * tf.log(1 - p));
    }

    public static Tensor Fixed(Tensor images, Tensor y)
    {
        var image = keras.Input(shape: 784);
        var x = keras.layers.Dense(128, activation: "relu").Apply(image);
        x = keras.layers.Dense(1).Apply(x);
        var discriminator = keras.Model(image, x);
        return tf.reduce_sum(tf.nn.sigmoid_cross_entropy_with_logits(labels: y, logits: discriminator.Apply(images)));
    }
}
