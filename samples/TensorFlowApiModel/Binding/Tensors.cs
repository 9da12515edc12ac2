using System.Collections.Generic;

namespace Tensorflow
{
    public enum TF_DataType
    {
        DtInvalid = 0,
        TF_FLOAT = 1,
        TF_DOUBLE = 2,
        TF_INT32 = 3,
        TF_UINT8 = 4,
        TF_INT16 = 5,
        TF_INT8 = 6,
        TF_STRING = 7,
        TF_INT64 = 9,
        TF_BOOL = 10,
    }

    public class Shape
    {
        public Shape(params int[] dims) { }

        public Shape(params long[] dims) { }

        public static implicit operator Shape(int dims) => null!;

        public static implicit operator Shape(int[] dims) => null!;

        public static implicit operator Shape(long[] dims) => null!;

        public static implicit operator Shape((int, int) dims) => null!;

        public static implicit operator Shape((int, int, int) dims) => null!;

        public static implicit operator Shape((int, int, int, int) dims) => null!;
    }

    public class Axis
    {
        public static implicit operator Axis(int axis) => null!;

        public static implicit operator Axis(int[] axis) => null!;

        public static implicit operator Axis((int, int) axis) => null!;
    }

    /// <summary>No implicit conversion from numbers or arrays: those convert to <c>NDArray</c>, which is a tensor.</summary>
    public partial class Tensor
    {
        public TF_DataType dtype => default;

        public Shape shape => null!;

        public static Tensor operator +(Tensor lhs, Tensor rhs) => null!;

        public static Tensor operator +(Tensor lhs, float rhs) => null!;

        public static Tensor operator +(float lhs, Tensor rhs) => null!;

        public static Tensor operator -(Tensor lhs, Tensor rhs) => null!;

        public static Tensor operator -(Tensor lhs, float rhs) => null!;

        public static Tensor operator -(float lhs, Tensor rhs) => null!;

        public static Tensor operator *(Tensor lhs, Tensor rhs) => null!;

        public static Tensor operator *(Tensor lhs, float rhs) => null!;

        public static Tensor operator *(float lhs, Tensor rhs) => null!;

        public static Tensor operator /(Tensor lhs, Tensor rhs) => null!;

        public static Tensor operator /(Tensor lhs, float rhs) => null!;

        public static Tensor operator /(float lhs, Tensor rhs) => null!;

        public static Tensor operator -(Tensor x) => null!;
    }

    public sealed class Tensors
    {
        public static implicit operator Tensors(Tensor tensor) => null!;

        public static implicit operator Tensors((Tensor, Tensor) tuple) => null!;

        public static implicit operator Tensors(NumPy.NDArray nd) => null!;

        public static implicit operator Tensors(Tensor[] tensors) => null!;

        public static implicit operator Tensors(List<Tensor> tensors) => null!;

        public static implicit operator Tensor(Tensors? tensors) => null!;

        public static implicit operator Tensor[](Tensors tensors) => null!;
    }

    public interface IDatasetV2 : IEnumerable<(Tensors, Tensors)>
    {
    }

    public interface IInitializer
    {
    }
}

namespace Tensorflow.Framework.Models
{
    public class TypeSpec
    {
    }
}

namespace Tensorflow.Util
{
    public class ValidationDataPack
    {
        public ValidationDataPack((NumPy.NDArray, NumPy.NDArray) validation_data) { }

        public static implicit operator ValidationDataPack((NumPy.NDArray, NumPy.NDArray) validation_data) => null!;
    }
}
