namespace Tensorflow
{
    public static partial class Binding
    {
        public static tensorflow tf { get; } = new tensorflow();
    }

    public partial class tensorflow
    {
        public TF_DataType int32 = TF_DataType.TF_INT32;
        public TF_DataType int64 = TF_DataType.TF_INT64;
        public TF_DataType float32 = TF_DataType.TF_FLOAT;
        public TF_DataType float64 = TF_DataType.TF_DOUBLE;

        public nn_internal nn { get; } = new nn_internal();

        public MathApi math { get; } = new MathApi();

        public LossesImpl losses => new LossesImpl();

        public Keras.IKerasApi keras { get; } = null!;

        public Tensor log(Tensor x, string name = null!) => null!;

        public Tensor sigmoid<T>(T x, string name = null!) => null!;

        public Tensor one_hot(Tensor indices, int depth, Tensor on_value = null!, Tensor off_value = null!, TF_DataType dtype = TF_DataType.DtInvalid, int axis = -1, string name = null!) => null!;

        public Tensor matmul(Tensor a, Tensor b, bool transpose_a = false, bool transpose_b = false) => null!;

        public Tensor clip_by_value<T1, T2>(Tensor t, T1 clip_value_min, T2 clip_value_max, string name = "ClipByValue") => null!;

        public Tensor cast(Tensor x, TF_DataType dtype, string name = null!) => null!;

        public Tensor placeholder(TF_DataType dtype, Shape shape = null!, string name = null!) => null!;

        public Tensor reduce_sum(Tensor input, Axis? axis = null, Axis? reduction_indices = null, bool keepdims = false, string name = null!) => null!;

        public Tensor reduce_mean(Tensor input_tensor, Axis? axis = null, bool keepdims = false, string name = null!, int? reduction_indices = null) => null!;

        public Tensor constant(object value, TF_DataType dtype = TF_DataType.DtInvalid, Shape shape = null!, string name = "Const") => null!;

        public class nn_internal
        {
            public Tensor softmax(Tensor logits, int axis = -1, string name = null!) => null!;

            public Tensor sigmoid<T>(T x, string name = null!) => null!;

            public Tensor relu(Tensor features, string name = null!) => null!;

            public Tensor sigmoid_cross_entropy_with_logits(Tensor labels, Tensor logits, string name = null!) => null!;

            public Tensor sparse_softmax_cross_entropy_with_logits(Tensor labels = null!, Tensor logits = null!, string name = null!) => null!;

            public Tensor softmax_cross_entropy_with_logits(Tensor labels, Tensor logits, int dim = -1, string name = null!) => null!;

            public Tensor softmax_cross_entropy_with_logits_v2(Tensor labels, Tensor logits, int axis = -1, string name = null!) => null!;
        }

        public class MathApi
        {
            public Tensor log(Tensor x, string name = null!) => null!;

            public Tensor argmax(Tensor input, Axis axis = null!, string name = null!, int? dimension = null, TF_DataType output_type = TF_DataType.TF_INT64) => null!;
        }
    }

    public class LossesImpl
    {
        public Tensor sparse_softmax_cross_entropy(Tensor labels, Tensor logits, float weights = 1.0f, string scope = null!, string loss_collection = "losses", string reduction = "weighted_sum_by_nonzero_weights") => null!;
    }
}
