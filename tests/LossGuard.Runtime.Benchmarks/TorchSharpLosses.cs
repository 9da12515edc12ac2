using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace LossGuard.Runtime.Benchmarks;

/// <summary>
/// TorchSharp (libtorch, CPU) in this process, as a .NET user would call it: <c>cross_entropy</c> on tensors made once
/// per shape, the forward under <c>no_grad</c>, forward+gradient through autograd with the leaf's gradient dropped
/// before each call (as PyTorch's <c>zero_grad(set_to_none=True)</c>), every temporary disposed by a scope.
/// </summary>
public sealed class TorchSharpLosses : ILossCalls
{
    private readonly Dictionary<Shape, (Tensor Logits, Tensor Leaf, Tensor Labels, Tensor Targets)> tensors = new();
    private readonly int defaultThreads = torch.get_num_threads();

    public string Name => "TorchSharp";

    public void SetThreads(int threads) => torch.set_num_threads(threads == 0 ? defaultThreads : threads);

    public float Sparse(Shape shape, bool gradient)
    {
        var (logits, leaf, labels, _) = For(shape);
        return gradient ? Backward(leaf, () => F.cross_entropy(leaf, labels)) : Forward(() => F.cross_entropy(logits, labels));
    }

    public float Dense(Shape shape, bool gradient)
    {
        var (logits, leaf, _, targets) = For(shape);
        return gradient ? Backward(leaf, () => F.cross_entropy(leaf, targets)) : Forward(() => F.cross_entropy(logits, targets));
    }

    private static float Forward(Func<Tensor> loss)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return loss().item<float>();
    }

    private static float Backward(Tensor leaf, Func<Tensor> loss)
    {
        using var scope = NewDisposeScope();
        leaf.grad = null;
        var value = loss();
        value.backward();
        return value.item<float>();
    }

    private (Tensor Logits, Tensor Leaf, Tensor Labels, Tensor Targets) For(Shape shape)
    {
        if (!tensors.TryGetValue(shape, out var made))
        {
            long[] dimensions = { shape.Rows, shape.Classes };
            made = (
                tensor(shape.Logits, dimensions),
                tensor(shape.Logits, dimensions, requires_grad: true),
                tensor(shape.Labels.Select(label => (long)label).ToArray()),
                tensor(shape.Targets, dimensions));
            tensors[shape] = made;
        }

        return made;
    }
}
