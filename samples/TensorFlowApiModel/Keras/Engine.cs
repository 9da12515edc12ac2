using System.Collections.Generic;
using Tensorflow.Common.Types;
using Tensorflow.Keras.ArgsDefinition;
using Tensorflow.Keras.Losses;
using Tensorflow.Keras.Metrics;
using Tensorflow.NumPy;
using Tensorflow.Util;

namespace Tensorflow.Keras.Engine
{
    public abstract partial class Layer : ILayer
    {
        public Layer(LayerArgs args) { }

        public string Name => string.Empty;

        public virtual Tensors Apply(Tensors inputs, Tensors states = null!, bool? training = false, IOptionalArgs? optional_args = null) => null!;

        protected virtual Tensors Call(Tensors inputs, Tensors state = null!, bool? training = null, IOptionalArgs? optional_args = null) => inputs;
    }

    public partial class Model : Layer, IModel
    {
        public Model(ModelArgs args) : base(args) { }

        public void compile(IOptimizer optimizer, ILossFunc loss) { }

        public void compile(IOptimizer optimizer, ILossFunc loss, string[] metrics) { }

        public void compile(string optimizer, string loss, string[] metrics) { }

        public void compile(IOptimizer optimizer, ILossFunc loss, IMetricFunc[] metrics) { }

        public ICallback fit(NDArray x, NDArray y, int batch_size = -1, int epochs = 1, int verbose = 1, List<ICallback> callbacks = null!,
            float validation_split = 0f, ValidationDataPack validation_data = null!, int validation_step = 10, bool shuffle = true,
            Dictionary<int, float> class_weight = null!, NDArray sample_weight = null!, int initial_epoch = 0, int max_queue_size = 10,
            int workers = 1, bool use_multiprocessing = false) => null!;

        public ICallback fit(IEnumerable<NDArray> x, NDArray y, int batch_size = -1, int epochs = 1, int verbose = 1, List<ICallback> callbacks = null!,
            float validation_split = 0f, ValidationDataPack validation_data = null!, bool shuffle = true, Dictionary<int, float> class_weight = null!,
            NDArray sample_weight = null!, int initial_epoch = 0, int max_queue_size = 10, int workers = 1, bool use_multiprocessing = false) => null!;

        public ICallback fit(IDatasetV2 dataset, int batch_size = -1, int epochs = 1, int verbose = 1, List<ICallback> callbacks = null!,
            IDatasetV2 validation_data = null!, int validation_step = 10, bool shuffle = true, Dictionary<int, float> class_weight = null!,
            int initial_epoch = 0, int max_queue_size = 10, int workers = 1, bool use_multiprocessing = false) => null!;

        public Dictionary<string, float> evaluate(NDArray x, NDArray y, int batch_size = -1, int verbose = 1, NDArray sample_weight = null!, int steps = -1,
            int max_queue_size = 10, int workers = 1, bool use_multiprocessing = false, bool return_dict = false, bool is_val = false) => null!;

        public Tensors predict(Tensors x, int batch_size = -1, int verbose = 0, int steps = -1, int max_queue_size = 10, int workers = 1,
            bool use_multiprocessing = false) => null!;

        public Tensors predict(IDatasetV2 dataset, int batch_size = -1, int verbose = 0, int steps = -1, int max_queue_size = 10, int workers = 1,
            bool use_multiprocessing = false) => null!;
    }

    /// <summary>A model defined as a graph of layers from its inputs to its outputs (what <c>keras.Model(inputs, outputs)</c> builds).</summary>
    public partial class Functional : Model
    {
        public Functional(Tensors inputs, Tensors outputs, string name = null!) : base(new ModelArgs()) { }
    }

    public class Sequential : Functional
    {
        public Sequential(SequentialArgs args) : base(args.Inputs, args.Outputs, args.Name) { }

        public void add(Tensor tensor) { }

        public void add(ILayer layer) { }
    }
}
