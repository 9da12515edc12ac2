using System;
using System.Runtime.CompilerServices;

namespace LossGuard.Internal.Simd;

/// <summary>
/// Float sigmoid cross-entropy, one pass: e = exp(-|x|) is shared by the softplus (through log1p) and the sigmoid,
/// so each element costs one exp and one log1p. Vectors holding an infinite logit are done element by element on
/// their limits. Returns the sum of the element losses.
/// </summary>
internal static unsafe class FloatSigmoidCrossEntropy
{
    public static double Compute(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, Span<float> gradient, Span<float> losses,
        double scale, double positiveWeight, double labelSmoothing)
    {
        fixed (float* x = logits)
        fixed (float* t = targets)
        fixed (float* g = gradient)
        fixed (float* l = losses)
        {
            var buffers = new Buffers(x, t, g, l, scale, positiveWeight, labelSmoothing);
            return Width.Wide
                ? Chunked.Sum(new Job<Float512>(buffers), logits.Length, 1)
                : Chunked.Sum(new Job<Float256>(buffers), logits.Length, 1);
        }
    }

    private readonly struct Buffers
    {
        public readonly float* Logits;
        public readonly float* Targets;
        public readonly float* Gradient;
        public readonly float* Losses;
        public readonly double Scale;
        public readonly double PositiveWeight;
        public readonly double LabelSmoothing;

        public Buffers(float* logits, float* targets, float* gradient, float* losses, double scale, double positiveWeight, double labelSmoothing)
        {
            Logits = logits;
            Targets = targets;
            Gradient = gradient;
            Losses = losses;
            Scale = scale;
            PositiveWeight = positiveWeight;
            LabelSmoothing = labelSmoothing;
        }

        public static Span<float> Slice(float* start, int first, int count) => start == null ? default : new Span<float>(start + first, count);
    }

    private readonly struct Job<TVec> : IRowJob
        where TVec : struct, IFloatVector<TVec>
    {
        private const int Block = 4096;
        private readonly Buffers b;

        public Job(Buffers buffers) => b = buffers;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public double Run(int firstRow, int rowCount)
        {
            var x = new ReadOnlySpan<float>(b.Logits + firstRow, rowCount);
            var t = new ReadOnlySpan<float>(b.Targets + firstRow, rowCount);
            var g = Buffers.Slice(b.Gradient, firstRow, rowCount);
            var l = Buffers.Slice(b.Losses, firstRow, rowCount);
            double total = 0;
            for (int start = 0; start < rowCount; start += Block)
            {
                int count = Math.Min(Block, rowCount - start);
                total += RunBlock(x.Slice(start, count), t.Slice(start, count), g.IsEmpty ? g : g.Slice(start, count), l.IsEmpty ? l : l.Slice(start, count));
            }

            return total;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private double RunBlock(ReadOnlySpan<float> x, ReadOnlySpan<float> t, Span<float> g, Span<float> l)
        {
            var keep = TVec.Broadcast((float)(1.0 - b.LabelSmoothing));
            var half = TVec.Broadcast((float)(0.5 * b.LabelSmoothing));
            var weightMinusOne = TVec.Broadcast((float)(b.PositiveWeight - 1.0));
            var scale = TVec.Broadcast((float)b.Scale);
            var one = TVec.Broadcast(1f);
            var zero = TVec.Broadcast(0f);
            var sum = zero;
            double scalarSum = 0;
            int i = 0;
            for (; i <= x.Length - TVec.Count; i += TVec.Count)
            {
                var logit = TVec.Load(x, i);
                if (TVec.AnyInfinite(logit))
                {
                    scalarSum += Scalar(x, t, g, l, i, i + TVec.Count);
                    continue;
                }

                var target = TVec.MultiplyAdd(TVec.Load(t, i), keep, half);
                var e = VectorMath.ExpNonPositive(zero - TVec.Abs(logit));
                var softplusOfMinus = TVec.Max(zero - logit, zero) + VectorMath.LogOnePlusUnit(e);
                var positiveFactor = TVec.MultiplyAdd(weightMinusOne, target, one);
                var negative = one - target;
                var loss = TVec.MultiplyAdd(negative, logit, positiveFactor * softplusOfMinus);
                sum += loss;
                if (!l.IsEmpty)
                {
                    loss.Store(l, i);
                }

                if (!g.IsEmpty)
                {
                    var sigmoidOfMinus = TVec.SelectBySign(logit, e, one) / (one + e);
                    ((negative - (positiveFactor * sigmoidOfMinus)) * scale).Store(g, i);
                }
            }

            return sum.Sum() + scalarSum + Scalar(x, t, g, l, i, x.Length);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private double Scalar(ReadOnlySpan<float> x, ReadOnlySpan<float> t, Span<float> g, Span<float> l, int from, int to)
        {
            double total = 0;
            for (int i = from; i < to; i++)
            {
                double target = (t[i] * (1.0 - b.LabelSmoothing)) + (0.5 * b.LabelSmoothing);
                double loss = RowMath.SigmoidElement(x[i], target, b.PositiveWeight, out double derivative);
                total += loss;
                if (!l.IsEmpty)
                {
                    l[i] = (float)loss;
                }

                if (!g.IsEmpty)
                {
                    g[i] = (float)(b.Scale * derivative);
                }
            }

            return total;
        }
    }
}
