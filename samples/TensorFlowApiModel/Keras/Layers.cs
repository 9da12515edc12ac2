using Tensorflow.Framework.Models;
using Tensorflow.Keras.Engine;

namespace Tensorflow.Keras.Layers
{
    /// <summary>
    /// The layer factories behind <c>keras.layers</c>; code also makes its own (<c>new LayersApi()</c>). Upstream
    /// <c>src/TensorFlowNET.Keras/Layers/LayersApi.cs</c> and <c>LayersApi.Activation.cs</c> (a public partial class with
    /// an implicit parameterless constructor).
    /// </summary>
    public partial class LayersApi : ILayersApi
    {
        public ILayer Dense(int units,
            Activation activation = null!,
            IInitializer kernel_initializer = null!,
            bool use_bias = true,
            IInitializer bias_initializer = null!,
            Shape input_shape = null!) => null!;

        public ILayer Dense(int units) => null!;

        public ILayer Dense(int units,
            string activation = null!,
            Shape input_shape = null!) => null!;

        public ILayer Dropout(float rate, Shape noise_shape = null!, int? seed = null) => null!;

        public ILayer Flatten(string data_format = null!) => null!;

        public KerasTensor Input(Shape shape = null!,
            int batch_size = -1,
            string name = null!,
            TF_DataType dtype = TF_DataType.DtInvalid,
            bool sparse = false,
            Tensor tensor = null!,
            bool ragged = false,
            TypeSpec type_spec = null!,
            Shape batch_input_shape = null!,
            Shape batch_shape = null!) => null!;

        public ILayer InputLayer(Shape input_shape,
            string name = null!,
            bool sparse = false,
            bool ragged = false) => null!;
    }

    public partial class LayersApi
    {
        public ILayer Softmax(int axis = -1) => null!;

        public ILayer Softmax(Axis axis) => null!;
    }
}
