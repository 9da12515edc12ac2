namespace Tensorflow
{
    public enum VariableAggregation
    {
        None = 0,
        Sum = 1,
        Mean = 2,
        OnlyFirstReplica = 3,
    }

    public class BaseResourceVariable
    {
    }

    /// <summary><c>tf.Variable(...)</c>: converts to <c>Tensor</c> but is not one.</summary>
    public partial class ResourceVariable : BaseResourceVariable
    {
        public static implicit operator Tensor(ResourceVariable var) => null!;

        public static Tensor operator +(ResourceVariable x, float y) => null!;

        public static Tensor operator -(ResourceVariable x, Tensor y) => null!;

        public static Tensor operator *(ResourceVariable x, ResourceVariable y) => null!;
    }

    public partial class Tensor
    {
        public static Tensor operator +(Tensor lhs, ResourceVariable rhs) => null!;
    }

    public partial class tensorflow
    {
        public ResourceVariable Variable<T>(T data, bool trainable = true, bool validate_shape = true, bool use_resource = true, string name = null!,
            TF_DataType dtype = TF_DataType.DtInvalid, VariableAggregation aggregation = VariableAggregation.None, Shape shape = null!) => null!;

        public Tensor zeros(Shape shape, TF_DataType dtype = TF_DataType.TF_FLOAT, string name = null!) => null!;

        public Tensor ones(Shape shape, TF_DataType dtype = TF_DataType.TF_FLOAT, string name = null!) => null!;
    }
}
