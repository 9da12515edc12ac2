using static TorchSharp.torch;

namespace LossGuard.TorchSharp.Tests.Infrastructure;

/// <summary>A loss computed by TorchSharp and its gradient with respect to the logits (autograd).</summary>
internal sealed record Evaluated(double Loss, float[] Gradient)
{
    public bool GradientIsFinite => Gradient.All(float.IsFinite);

    public double LargestGradient => Gradient.Max(v => Math.Abs((double)v));

    /// <summary>No element of the gradient above 1e-30 (a saturated activation leaves zeros or denormals).</summary>
    public bool GradientVanished => LargestGradient < 1e-30;

    /// <summary>Runs <paramref name="loss"/> on a fresh leaf tensor holding <paramref name="logits"/> and back-propagates.</summary>
    public static Evaluated Of(Func<Tensor, Tensor, Tensor> loss, float[] logits, long[] shape, Tensor target)
    {
        NativeTorch.Require();
        using var scope = NewDisposeScope();
        var x = tensor(logits, shape, requires_grad: true);
        var value = loss(x, target);
        value.backward();
        return new Evaluated(value.item<float>(), x.grad!.data<float>().ToArray());
    }

    /// <summary>Class indices as TorchSharp's Int64 targets.</summary>
    public static Tensor Indices(long[] labels)
    {
        NativeTorch.Require();
        return tensor(labels);
    }

    /// <summary>Float targets of <paramref name="shape"/>.</summary>
    public static Tensor Floats(float[] values, params long[] shape)
    {
        NativeTorch.Require();
        return tensor(values, shape);
    }
}
