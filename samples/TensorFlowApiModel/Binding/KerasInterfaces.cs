using System.Collections.Generic;
using Tensorflow.Framework.Models;
using Tensorflow.Keras.Engine;
using Tensorflow.Keras.Layers;
using Tensorflow.Keras.Losses;
using Tensorflow.Keras.Metrics;
using Tensorflow.NumPy;
using Tensorflow.Util;

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

        Tensors Apply(Tensors inputs, Tensors states = null!, bool? training = false, Common.Types.IOptionalArgs? optional_args = null);
    }

    public class Activation
    {
        public string Name { get; set; } = string.Empty;

        public Tensor Apply(Tensor input, string name = null!) => null!;
    }

    public interface IActivationsApi
    {
        Activation GetActivationFromName(string name);

        Activation Linear { get; }

        Activation Relu { get; }

        Activation Relu6 { get; }

        Activation Sigmoid { get; }

        Activation Softmax { get; }

        Activation Tanh { get; }

        Activation Mish { get; }
    }

    public interface IOptimizerApi
    {
        IOptimizer Adam(float learning_rate = 0.001f, float beta_1 = 0.9f, float beta_2 = 0.999f, float epsilon = 1e-7f, bool amsgrad = false, string name = "Adam");

        IOptimizer RMSprop(float learning_rate = 0.001f, float rho = 0.9f, float momentum = 0.0f, float epsilon = 1e-7f, bool centered = false, string name = "RMSprop");

        IOptimizer SGD(float learning_rate = 0.01f, float momentum = 0f);
    }

    public interface IKerasApi
    {
        ILayersApi layers { get; }

        ILossesApi losses { get; }

        IActivationsApi activations { get; }

        IOptimizerApi optimizers { get; }

        IModel Model(Tensors inputs, Tensors outputs, string name = null!);

        Tensors Input(Shape shape = null!, int batch_size = -1, string name = null!, TF_DataType dtype = TF_DataType.DtInvalid, bool sparse = false,
            Tensor tensor = null!, bool ragged = false, TypeSpec type_spec = null!, Shape batch_input_shape = null!, Shape batch_shape = null!);
    }
}

namespace Tensorflow.Keras.ArgsDefinition
{
    public class LayerArgs
    {
        public virtual string Name { get; set; } = string.Empty;
    }

    public class ModelArgs : LayerArgs
    {
        public Tensors Inputs { get; set; } = null!;

        public Tensors Outputs { get; set; } = null!;
    }

    public class SequentialArgs : ModelArgs
    {
        public List<ILayer> Layers { get; set; } = null!;
    }
}

namespace Tensorflow.Keras.Metrics
{
    public interface IMetricFunc
    {
    }
}

namespace Tensorflow.Keras.Engine
{
    public interface IOptimizer
    {
    }

    public interface ICallback
    {
    }

    /// <summary>A Keras tensor of the functional API; converts to and from <c>Tensor</c> and <c>Tensors</c>.</summary>
    public class KerasTensor
    {
        public static implicit operator Tensors(KerasTensor kt) => null!;

        public static implicit operator Tensor(KerasTensor kt) => null!;

        public static implicit operator KerasTensor(Tensor tensor) => null!;

        public static implicit operator KerasTensor(Tensors tensors) => null!;
    }

    public interface IModel : ILayer
    {
        void compile(IOptimizer optimizer, ILossFunc loss);

        void compile(IOptimizer optimizer, ILossFunc loss, string[] metrics);

        void compile(string optimizer, string loss, string[] metrics);

        void compile(IOptimizer optimizer, ILossFunc loss, IMetricFunc[] metrics);

        ICallback fit(NDArray x, NDArray y, int batch_size = -1, int epochs = 1, int verbose = 1, List<ICallback> callbacks = null!,
            float validation_split = 0f, ValidationDataPack validation_data = null!, int validation_step = 10, bool shuffle = true,
            Dictionary<int, float> class_weight = null!, NDArray sample_weight = null!, int initial_epoch = 0, int max_queue_size = 10,
            int workers = 1, bool use_multiprocessing = false);

        ICallback fit(IEnumerable<NDArray> x, NDArray y, int batch_size = -1, int epochs = 1, int verbose = 1, List<ICallback> callbacks = null!,
            float validation_split = 0f, ValidationDataPack validation_data = null!, bool shuffle = true, Dictionary<int, float> class_weight = null!,
            NDArray sample_weight = null!, int initial_epoch = 0, int max_queue_size = 10, int workers = 1, bool use_multiprocessing = false);

        ICallback fit(IDatasetV2 dataset, int batch_size = -1, int epochs = 1, int verbose = 1, List<ICallback> callbacks = null!,
            IDatasetV2 validation_data = null!, int validation_step = 10, bool shuffle = true, Dictionary<int, float> class_weight = null!,
            int initial_epoch = 0, int max_queue_size = 10, int workers = 1, bool use_multiprocessing = false);

        Dictionary<string, float> evaluate(NDArray x, NDArray y, int batch_size = -1, int verbose = 1, NDArray sample_weight = null!, int steps = -1,
            int max_queue_size = 10, int workers = 1, bool use_multiprocessing = false, bool return_dict = false, bool is_val = false);

        Tensors predict(Tensors x, int batch_size = -1, int verbose = 0, int steps = -1, int max_queue_size = 10, int workers = 1,
            bool use_multiprocessing = false);

        Tensors predict(IDatasetV2 dataset, int batch_size = -1, int verbose = 0, int steps = -1, int max_queue_size = 10, int workers = 1,
            bool use_multiprocessing = false);
    }
}

namespace Tensorflow.Keras.Layers
{
    public interface ILayersApi
    {
        ILayer Dense(int units);

        ILayer Dense(int units, string activation = null!, Shape input_shape = null!);

        ILayer Dense(int units, Activation activation = null!, IInitializer kernel_initializer = null!, bool use_bias = true, IInitializer bias_initializer = null!, Shape input_shape = null!);

        ILayer Softmax(int axis = -1);

        ILayer Softmax(Axis axis);

        ILayer Flatten(string data_format = null!);

        ILayer Dropout(float rate, Shape noise_shape = null!, int? seed = null);

        KerasTensor Input(Shape shape = null!, int batch_size = -1, string name = null!, TF_DataType dtype = TF_DataType.DtInvalid, bool sparse = false,
            Tensor tensor = null!, bool ragged = false, TypeSpec type_spec = null!, Shape batch_input_shape = null!, Shape batch_shape = null!);

        ILayer InputLayer(Shape input_shape, string name = null!, bool sparse = false, bool ragged = false);
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

        ILossFunc MeanAbsoluteError(string reduction = null!, string name = null!);

        ILossFunc CosineSimilarity(string reduction = null!, int axis = -1, string name = null!);

        ILossFunc Huber(string reduction = null!, string name = null!, Tensor delta = null!);

        ILossFunc LogCosh(string reduction = null!, string name = null!);

        ILossFunc SigmoidFocalCrossEntropy(bool from_logits = false, float alpha = 0.25f, float gamma = 2.0f, string reduction = "none", string name = "sigmoid_focal_crossentropy");
    }
}
