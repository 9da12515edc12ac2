using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Float softmax cross-entropy without class weights, over chunks of rows (on several threads for large inputs);
/// returns the sum of the row losses. Arguments are validated by the caller.
/// </summary>
internal static unsafe class FloatSoftmaxCrossEntropy
{
    /// <summary>
    /// Rows from this long prefetch the next row as they go (<see cref="RowKernels{TVec}.SumExp"/>); shorter ones are
    /// left to the hardware prefetcher (65536x128 dense ran 6 % slower with software prefetches).
    /// </summary>
    private const int PrefetchClasses = 256;

    public static double Sparse(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes, Span<float> gradient, Span<float> rowLosses,
        double scale, double labelSmoothing, int ignoreIndex, bool anyIgnored)
    {
        fixed (float* z = logits)
        fixed (int* y = labels)
        fixed (float* g = gradient)
        fixed (float* r = rowLosses)
        {
            var rows = new Pointers(z, null, y, g, r, labels.Length, classes, scale, labelSmoothing, ignoreIndex, anyIgnored);
            return Width.Wide
                ? Chunked.Sum(new Job<Float512>(rows), labels.Length, classes)
                : Chunked.Sum(new Job<Float256>(rows), labels.Length, classes);
        }
    }

    public static double Dense(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> labels, int classes, Span<float> gradient, Span<float> rowLosses,
        double scale, double labelSmoothing)
    {
        fixed (float* z = logits)
        fixed (float* t = labels)
        fixed (float* g = gradient)
        fixed (float* r = rowLosses)
        {
            var rows = new Pointers(z, t, null, g, r, logits.Length / classes, classes, scale, labelSmoothing, 0, false);
            return Width.Wide
                ? Chunked.Sum(new Job<Float512>(rows), logits.Length / classes, classes)
                : Chunked.Sum(new Job<Float256>(rows), logits.Length / classes, classes);
        }
    }

    /// <summary>The pinned buffers (the gradient, row losses, targets or labels may be absent) and the options.</summary>
    private readonly struct Pointers
    {
        public readonly float* Logits;
        public readonly float* Targets;
        public readonly int* Labels;
        public readonly float* Gradient;
        public readonly float* RowLosses;
        public readonly int Rows;
        public readonly int Classes;
        public readonly double Scale;
        public readonly double LabelSmoothing;
        public readonly int IgnoreIndex;

        /// <summary>Whether any label is the ignore index (the short rows' groups then look for it).</summary>
        public readonly bool AnyIgnored;

        public Pointers(
            float* logits, float* targets, int* labels, float* gradient, float* rowLosses, int rows, int classes, double scale, double labelSmoothing, int ignoreIndex,
            bool anyIgnored)
        {
            Rows = rows;
            Logits = logits;
            Targets = targets;
            Labels = labels;
            Gradient = gradient;
            RowLosses = rowLosses;
            Classes = classes;
            Scale = scale;
            LabelSmoothing = labelSmoothing;
            IgnoreIndex = ignoreIndex;
            AnyIgnored = anyIgnored;
        }

        public Span<float> Row(float* start, int row) => start == null ? default : new Span<float>(start + ((long)row * Classes), Classes);
    }

    private readonly struct Job<TVec> : IRowJob
        where TVec : struct, IFloatVector<TVec>
    {
        private readonly Pointers p;

        public Job(Pointers pointers) => p = pointers;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public double Run(int firstRow, int rowCount)
        {
            var kernel = new SoftmaxCrossEntropyRows<TVec>(p.Classes, p.LabelSmoothing, p.Scale);
            return p.Classes <= ShortRows<TVec>.MaxClasses ? RunShort(firstRow, rowCount, kernel)
                : typeof(TVec) == typeof(Float512) && MediumRows.Handles(p.Classes) ? RunMedium(firstRow, rowCount, kernel)
                : RunLong(firstRow, rowCount, kernel);
        }

        /// <summary>Blocks of 16 rows through <see cref="MediumRows"/>; a block it leaves, and the last rows, row by row.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private double RunMedium(int firstRow, int rowCount, in SoftmaxCrossEntropyRows<TVec> kernel)
        {
            float* scratch = stackalloc float[MediumRows.ScratchFloats];
            float* losses = stackalloc float[BlockRows.Count];
            var keep = (float)(1.0 - p.LabelSmoothing);
            var spread = (float)(p.LabelSmoothing / p.Classes);
            double sum = 0;
            int row = firstRow;
            for (; row <= firstRow + rowCount - BlockRows.Count; row += BlockRows.Count)
            {
                long offset = (long)row * p.Classes;
                if (!MediumRows.Block(
                    p.Logits + offset, p.Labels == null ? null : p.Labels + row, p.Targets == null ? null : p.Targets + offset, p.Classes,
                    p.Gradient == null ? null : p.Gradient + offset, losses, scratch, keep, spread, (float)p.Scale, p.IgnoreIndex,
                    row + (2 * BlockRows.Count) <= p.Rows))
                {
                    sum += RunLong(row, BlockRows.Count, kernel);
                    continue;
                }

                sum += BlockSum(losses);

                if (p.RowLosses != null)
                {
                    new ReadOnlySpan<float>(losses, BlockRows.Count).CopyTo(new Span<float>(p.RowLosses + row, BlockRows.Count));
                }
            }

            return sum + RunLong(row, firstRow + rowCount - row, kernel);
        }

        /// <summary>
        /// A block's 16 row losses added up in double pairwise, in a fixed order: in the loop above, a running sum kept
        /// across the block's call waited on memory for each of 16 additions.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double BlockSum(float* losses)
        {
            var pairs = Vector512.Load(losses);
            var eight = Vector512.WidenLower(pairs) + Vector512.WidenUpper(pairs);
            var four = eight.GetLower() + eight.GetUpper();
            var two = four.GetLower() + four.GetUpper();
            return two.ToScalar() + two.GetElement(1);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private double RunShort(int firstRow, int rowCount, in SoftmaxCrossEntropyRows<TVec> kernel)
        {
            int classes = p.Classes;
            Span<float> scratch = p.Gradient == null ? stackalloc float[ShortRows<TVec>.GroupRows * ShortRows<TVec>.MaxClasses] : default;
            double sum = 0;
            for (int first = firstRow; first < firstRow + rowCount; first += ShortRows<TVec>.GroupRows)
            {
                int rows = Math.Min(ShortRows<TVec>.GroupRows, firstRow + rowCount - first);
                int length = rows * classes;
                long offset = (long)first * classes;
                var exps = p.Gradient == null ? scratch.Slice(0, length) : new Span<float>(p.Gradient + offset, length);
                sum += ShortRows<TVec>.Group(
                    new ReadOnlySpan<float>(p.Logits + offset, length),
                    p.Labels == null ? default : new ReadOnlySpan<int>(p.Labels + first, rows),
                    p.Targets == null ? default : new ReadOnlySpan<float>(p.Targets + offset, length),
                    classes,
                    exps,
                    p.Gradient != null,
                    p.RowLosses == null ? default : new Span<float>(p.RowLosses + first, rows),
                    kernel,
                    p.LabelSmoothing,
                    p.Scale,
                    p.IgnoreIndex,
                    p.AnyIgnored);
            }

            return sum;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private double RunLong(int firstRow, int rowCount, in SoftmaxCrossEntropyRows<TVec> kernel)
        {
            double sum = 0;
            for (int row = firstRow; row < firstRow + rowCount; row++)
            {
                double loss;
                bool ahead = row + 1 < p.Rows && p.Classes >= PrefetchClasses;
                var next = ahead ? p.Row(p.Logits, row + 1) : default;
                var nextGradient = ahead ? p.Row(p.Gradient, row + 1) : default;
                if (p.Labels == null)
                {
                    loss = kernel.Dense(p.Row(p.Logits, row), p.Row(p.Targets, row), p.Row(p.Gradient, row), next, nextGradient);
                }
                else if (p.Labels[row] == p.IgnoreIndex)
                {
                    loss = 0;
                    p.Row(p.Gradient, row).Clear();
                }
                else
                {
                    loss = kernel.Sparse(p.Row(p.Logits, row), p.Labels[row], p.Row(p.Gradient, row), next, nextGradient);
                }

                if (p.RowLosses != null)
                {
                    p.RowLosses[row] = (float)loss;
                }

                sum += loss;
            }

            return sum;
        }
    }
}
