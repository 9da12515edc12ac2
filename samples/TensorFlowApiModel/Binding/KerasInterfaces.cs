using System.Collections.Generic;
using Tensorflow.Keras.Engine;
using Tensorflow.Keras.Layers;
using Tensorflow.Keras.Losses;
using Tensorflow.NumPy;

namespace Tensorflow.Common.Types
{
    public interface IOptionalArgs
    {
    }
}

namespace Tensorflow.Keras
{
    public interface ILayer
    {
        string Name { get; }

        Tensors Apply(Tensors inputs, Tensors states = null!, bool training = false, Common.Types.IOptionalArgs? optional_args = null);
    }

    public class Activation
    {
        public string Name { get; set; } = string.Empty;
    }

    public interface IActivationsApi
    {
        Activation Linear { get; }

        Activation Relu { get; }

        Activation Sigmoid { get; }

        Activation Softmax { get; }

        Activation Tanh { get; }
    }

    public interface IOptimizerApi
    {
        IOptimizer Adam(float learning_rate = 0.001f);

        IOptimizer SGD(float learning_rate);

        IOptimizer RMSprop(float learning_rate = 0.001f);
    }

    public interface IKerasApi
    {
        ILayersApi layers { get; }

        ILossesApi losses { get; }

        IActivationsApi activations { get; }

        IOptimizerApi optimizers { get; }
    }
}

namespace Tensorflow.Keras.Engine
{
    public interface IOptimizer
    {
    }

    public interface IMetricFunc
    {
    }

    public interface ICallback
    {
    }

    public interface IModel : ILayer
    {
        void compile(IOptimizer optimizer, ILossFunc loss);

        void compile(IOptimizer optimizer, ILossFunc loss, string[] metrics);

        void compile(string optimizer, string loss, string[] metrics);

        void compile(IOptimizer optimizer, ILossFunc loss, IMetricFunc[] metrics);

        ICallback fit(NDArray x, NDArray y, int batch_size = -1, int epochs = 1, int verbose = 1, float validation_split = 0f, bool shuffle = true);

        Tensors predict(Tensors x, int batch_size = -1, int verbose = 0);
    }
}

namespace Tensorflow.Keras.Layers
{
    public interface ILayersApi
    {
        ILayer Dense(int units);

        ILayer Dense(int units, string activation = null!, Shape input_shape = null!);

        ILayer Dense(int units, Activation activation = null!, object kernel_initializer = null!, bool use_bias = true, object bias_initializer = null!, Shape input_shape = null!);

        ILayer Softmax(int axis = -1);

        ILayer Softmax(Axis axis);

        ILayer Flatten(string data_format = null!);

        ILayer Dropout(float rate);

        ILayer InputLayer(Shape input_shape, string name = null!);
    }
}

namespace Tensorflow.Keras.Losses
{
    public interface ILossFunc
    {
        string Reduction { get; }

        string Name { get; }

        Tensor Call(Tensor y_true, Tensor y_pred, Tensor sample_weight = null!);
    }

    public interface ILossesApi
    {
        ILossFunc BinaryCrossentropy(bool from_logits = false, float label_smoothing = 0f, int axis = -1, string reduction = "auto", string name = "binary_crossentropy");

        ILossFunc SparseCategoricalCrossentropy(string reduction = null!, string name = null!, bool from_logits = false);

        ILossFunc CategoricalCrossentropy(string reduction = null!, string name = null!, bool from_logits = false);

        ILossFunc MeanSquaredError(string reduction = null!, string name = null!);
    }
}
