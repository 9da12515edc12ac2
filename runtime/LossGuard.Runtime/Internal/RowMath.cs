using System;
using System.Numerics;

namespace LossGuard.Internal;

/// <summary>Scalar building blocks, evaluated in double whatever the element type.</summary>
internal static class RowMath
{
    public static double Max<T>(ReadOnlySpan<T> row)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double max = double.NegativeInfinity;
        foreach (T value in row)
        {
            double x = double.CreateTruncating(value);
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            if (x > max)
            {
                max = x;
            }
        }

        return max;
    }

    /// <summary>log(sum(exp(row))), shifted by the row maximum so that no exponent overflows.</summary>
    public static double LogSumExp<T>(ReadOnlySpan<T> row, double max)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (double.IsNaN(max) || double.IsInfinity(max))
        {
            return max;
        }

        double sum = 0.0;
        foreach (T value in row)
        {
            sum += Math.Exp(double.CreateTruncating(value) - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>log(1 + exp(x)) without overflow.</summary>
    public static double Softplus(double x) => Math.Max(x, 0.0) + LogOnePlus(Math.Exp(-Math.Abs(x)));

    public static double Sigmoid(double x)
    {
        if (x >= 0.0)
        {
            return 1.0 / (1.0 + Math.Exp(-x));
        }

        double e = Math.Exp(x);
        return e / (1.0 + e);
    }

    /// <summary>log(1 + x) accurate for small x (the classic correction of the rounded sum).</summary>
    public static double LogOnePlus(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>
    /// One element of the sigmoid cross-entropy with positive weight a, smoothed target t: the loss
    /// (1 - t) x + (1 + (a - 1) t) softplus(-x) and its derivative; at x = +-inf the limits (x times a vanishing factor is 0).
    /// </summary>
    public static double SigmoidElement(double x, double t, double positiveWeight, out double derivative)
    {
        double positiveFactor = 1.0 + ((positiveWeight - 1.0) * t);
        if (double.IsPositiveInfinity(x))
        {
            derivative = 1.0 - t;
            return t < 1.0 ? double.PositiveInfinity : 0.0;
        }

        if (double.IsNegativeInfinity(x))
        {
            derivative = -positiveWeight * t;
            return positiveWeight * t > 0.0 ? double.PositiveInfinity : 0.0;
        }

        derivative = (1.0 - t) - (positiveFactor * Sigmoid(-x));
        return ((1.0 - t) * x) + (positiveFactor * Softplus(-x));
    }
}
