using System.Collections.Generic;
using Tensorflow.Common.Types;
using Tensorflow.Keras.Engine;
using Tensorflow.Keras.Layers;
using Tensorflow.Keras.Losses;
using Tensorflow.NumPy;

namespace Tensorflow
{
    public static class KerasApi
    {
        public static Keras.KerasInterface keras { get; } = new Keras.KerasInterface();
    }
}

namespace Tensorflow.Keras
{
    public class KerasInterface : IKerasApi
    {
        public ILayersApi layers => null!;

        public ILossesApi losses => null!;

        public IActivationsApi activations => null!;

        public IOptimizerApi optimizers => null!;

        public Utils.KerasUtils utils => null!;

        public Sequential Sequential(List<ILayer> layers = null!, string name = null!) => null!;

        public Sequential Sequential(params ILayer[] layers) => null!;

        public IModel Model(Tensors inputs, Tensors outputs, string name = null!) => null!;
    }
}

namespace Tensorflow.Keras.Engine
{
    public abstract class Layer : ILayer
    {
        public string Name => string.Empty;

        public Tensors Apply(Tensors inputs, Tensors states = null!, bool training = false, IOptionalArgs? optional_args = null) => null!;

        protected virtual Tensors Call(Tensors inputs, Tensors state = null!, bool? training = null, IOptionalArgs? optional_args = null) => inputs;
    }

    public class ModelArgs
    {
        public string Name { get; set; } = string.Empty;
    }

    public class Model : Layer, IModel
    {
        public Model(ModelArgs args) { }

        public void compile(IOptimizer optimizer, ILossFunc loss) { }

        public void compile(IOptimizer optimizer, ILossFunc loss, string[] metrics) { }

        public void compile(string optimizer, string loss, string[] metrics) { }

        public void compile(IOptimizer optimizer, ILossFunc loss, IMetricFunc[] metrics) { }

        public ICallback fit(NDArray x, NDArray y, int batch_size = -1, int epochs = 1, int verbose = 1, float validation_split = 0f, bool shuffle = true) => null!;

        public Tensors predict(Tensors x, int batch_size = -1, int verbose = 0) => null!;
    }

    public class Sequential : Model
    {
        public Sequential() : base(new ModelArgs()) { }

        public void add(ILayer layer) { }
    }
}

namespace Tensorflow.Keras.Losses
{
    public abstract class Loss : ILossFunc
    {
        public string Reduction => string.Empty;

        public string Name => string.Empty;

        public virtual Tensor Call(Tensor y_true, Tensor y_pred, Tensor sample_weight = null!) => null!;
    }

    public class LossFunctionWrapper : Loss
    {
    }

    public class CategoricalCrossentropy : LossFunctionWrapper
    {
        public CategoricalCrossentropy(bool from_logits = false, float label_smoothing = 0, string reduction = null!, string name = null!) { }
    }

    public class SparseCategoricalCrossentropy : LossFunctionWrapper
    {
        public SparseCategoricalCrossentropy(bool from_logits = false, string reduction = null!, string name = null!) { }
    }

    public class BinaryCrossentropy : LossFunctionWrapper
    {
        public BinaryCrossentropy(bool from_logits = false, float label_smoothing = 0, string reduction = null!, string name = null!) { }
    }
}

namespace Tensorflow.Keras.Utils
{
    public class KerasUtils
    {
        public NDArray to_categorical(NDArray y, int num_classes = -1, TF_DataType dtype = TF_DataType.TF_FLOAT) => null!;
    }

    public static class np_utils
    {
        public static NDArray to_categorical(NDArray y, int num_classes = -1, TF_DataType dtype = TF_DataType.TF_FLOAT) => null!;
    }
}
