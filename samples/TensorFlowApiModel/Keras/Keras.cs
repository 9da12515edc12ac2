using System.Collections.Generic;
using Tensorflow.Framework.Models;
using Tensorflow.Keras.Engine;
using Tensorflow.Keras.Layers;
using Tensorflow.Keras.Losses;

namespace Tensorflow
{
    public static class KerasApi
    {
        public static Keras.KerasInterface keras { get; } = new Keras.KerasInterface();
    }
}

namespace Tensorflow.Keras
{
    /// <summary><c>keras</c>: the layer, loss, activation and optimizer factories, <c>Sequential</c>, and the functional API.</summary>
    public class KerasInterface : IKerasApi
    {
        public ILayersApi layers { get; } = new LayersApi();

        public ILossesApi losses => null!;

        public IActivationsApi activations => null!;

        public IOptimizerApi optimizers => null!;

        public Utils.KerasUtils utils => null!;

        public Sequential Sequential(List<ILayer> layers = null!, string name = null!) => null!;

        public Sequential Sequential(params ILayer[] layers) => null!;

        public IModel Model(Tensors inputs, Tensors outputs, string name = null!) => null!;

        public Tensors Input(Shape shape = null!, int batch_size = -1, string name = null!, TF_DataType dtype = TF_DataType.DtInvalid, bool sparse = false,
            Tensor tensor = null!, bool ragged = false, TypeSpec type_spec = null!, Shape batch_input_shape = null!, Shape batch_shape = null!) => null!;
    }
}

namespace Tensorflow.Keras.Utils
{
    /// <summary>File helpers; it has no <c>to_categorical</c> (that is <c>np_utils</c>'s).</summary>
    public class KerasUtils
    {
        public string get_file(string fname, string origin) => string.Empty;
    }

    public class np_utils
    {
        public static NumPy.NDArray to_categorical(NumPy.NDArray y, int num_classes = -1, TF_DataType dtype = TF_DataType.TF_FLOAT) => null!;
    }
}
