using static Tensorflow.KerasApi;

namespace LossGuard.Samples.Gallery.TensorFlow;

/// <summary>LG0009 (Keras): compile(string, string, string[]) knows only "mse" and "mae"; any other name trains with MSE.</summary>
internal static class LG0009_UnrecognisedLossName
{
    public static void Misuse()
    {
        var model = keras.Sequential(keras.layers.Dense(10));
        model.compile("adam", "sparse_categorical_crossentropy", new[] { "accuracy" });
    }

    public static void Fixed()
    {
        var model = keras.Sequential(keras.layers.Dense(10));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
    }
}
