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
        public Shape(params long[] dims) { }

        public static implicit operator Shape(int[] dims) => null!;

        public static implicit operator Shape(long[] dims) => null!;
    }

    public class Axis
    {
        public static implicit operator Axis(int axis) => null!;
    }

    public class Tensor
    {
        public TF_DataType dtype => default;

        public Shape shape => null!;

        public static Tensor operator +(Tensor x, Tensor y) => null!;

        public static Tensor operator -(Tensor x, Tensor y) => null!;

        public static Tensor operator *(Tensor x, Tensor y) => null!;

        public static Tensor operator /(Tensor x, Tensor y) => null!;

        public static Tensor operator -(Tensor x) => null!;

        public static Tensor operator *(float x, Tensor y) => null!;

        public static Tensor operator -(float x, Tensor y) => null!;

        public static implicit operator Tensor(float value) => null!;

        public static implicit operator Tensor(int[] values) => null!;

        public static implicit operator Tensor(long[] values) => null!;

        public static implicit operator Tensor(float[] values) => null!;

        public static implicit operator Tensor(float[,] values) => null!;
    }

    public class Tensors
    {
        public static implicit operator Tensors(Tensor tensor) => null!;

        public static implicit operator Tensor(Tensors tensors) => null!;
    }
}

namespace Tensorflow.NumPy
{
    public class NDArray : Tensorflow.Tensor
    {
        public static implicit operator NDArray(int[] values) => null!;

        public static implicit operator NDArray(long[] values) => null!;

        public static implicit operator NDArray(float[] values) => null!;

        public static implicit operator NDArray(float[,] values) => null!;
    }

    public static class np
    {
        public static NDArray array(System.Array array) => null!;
    }
}
