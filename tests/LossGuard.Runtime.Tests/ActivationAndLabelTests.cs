using System;
using System.Linq;
using Xunit;

namespace LossGuard.Runtime.Tests;

public sealed class ActivationAndLabelTests
{
    [Fact]
    public void Softmax_rows_sum_to_one_and_match_the_reference_even_for_large_logits()
    {
        float[] logits = { 1000f, 999f, 0f, -5f, 2f, 3f };

        float[] p = Activations.Softmax(logits, 3);

        for (int r = 0; r < 2; r++)
        {
            double[] expected = Reference.Softmax(Reference.Row(logits, r, 3));
            Assert.Equal(1.0, p.Skip(r * 3).Take(3).Sum(v => (double)v), 6);
            for (int c = 0; c < 3; c++)
            {
                Assert.Equal(expected[c], p[r * 3 + c], 6);
            }
        }
    }

    [Fact]
    public void Log_softmax_and_log_sigmoid_are_finite_where_the_naive_log_is_not()
    {
        float[] logSoftmax = Activations.LogSoftmax(new[] { 200f, 0f }, 2);
        float[] logSigmoid = Activations.LogSigmoid(new[] { -200f, 200f });

        Assert.Equal(-200f, logSoftmax[1], 3);
        Assert.Equal(-200f, logSigmoid[0], 3);
        Assert.Equal(0f, logSigmoid[1], 6);
    }

    [Fact]
    public void Activations_may_write_over_their_input()
    {
        float[] values = { 1f, 2f, 3f, 4f };
        float[] expected = Activations.Softmax(values, 2);

        Activations.Softmax(values, values, 2);

        Assert.Equal(expected, values);
    }

    [Fact]
    public void Sigmoid_matches_the_logistic_function_in_float_and_double()
    {
        double[] x = { -30, -1, 0, 1, 30 };

        double[] d = Activations.Sigmoid(x);
        float[] f = Activations.Sigmoid(x.Select(v => (float)v).ToArray());

        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(1 / (1 + Math.Exp(-x[i])), d[i], 12);
            Assert.Equal(d[i], f[i], 6);
        }
    }

    [Fact]
    public void One_hot_and_arg_max_are_inverse()
    {
        int[] labels = { 2, 0, 1, 2 };

        Assert.Equal(labels, Labels.ArgMax(Labels.OneHot(labels, 3), 3));
    }
}
