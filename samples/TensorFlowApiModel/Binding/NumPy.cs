namespace Tensorflow.NumPy
{
    /// <summary>A tensor holding host values; numbers and arrays convert to it (they do not convert to <c>Tensor</c>).</summary>
    public partial class NDArray : Tensor
    {
        public static implicit operator NDArray(int[] array) => null!;

        public static implicit operator NDArray(long[] array) => null!;

        public static implicit operator NDArray(float[] array) => null!;

        public static implicit operator NDArray(double[] array) => null!;

        public static implicit operator NDArray(int[,] array) => null!;

        public static implicit operator NDArray(float[,] array) => null!;

        public static implicit operator NDArray(int value) => null!;

        public static implicit operator NDArray(float value) => null!;
    }

    /// <summary>Not static: a partial class of static members.</summary>
    public partial class np
    {
        public static NDArray array(System.Array data, TF_DataType? dtype = null) => null!;

        public static NDArray array<T>(params T[] data)
            where T : unmanaged => null!;
    }
}
