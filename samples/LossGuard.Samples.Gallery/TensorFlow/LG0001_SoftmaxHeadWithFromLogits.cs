using static Tensorflow.KerasApi;

namespace LossGuard.Samples.Gallery.TensorFlow;

/// <summary>LG0001 (Keras): a softmax head compiled with a loss told the model outputs logits.</summary>
internal static class LG0001_SoftmaxHeadWithFromLogits
{
    public static void Misuse()
    {
        var model = keras.Sequential(keras.layers.Dense(64, activation: "relu"), keras.layers.Dense(10, activation: "softmax"));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
    }

    public static void Fixed()
    {
        var model = keras.Sequential(keras.layers.Dense(64, activation: "relu"), keras.layers.Dense(10, activation: "softmax"));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: false));
    }
}
