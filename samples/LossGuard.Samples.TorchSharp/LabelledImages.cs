using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace LossGuard.Samples.TorchSharp;

/// <summary>Images and their class indices.</summary>
internal sealed record LabelledImages(Tensor Images, Tensor Labels)
{
    public long Count => Labels.shape[0];

    /// <summary>Consecutive mini-batches; the tensors made while one is in use are disposed when the next is taken.</summary>
    public IEnumerable<(Tensor Images, Tensor Labels)> Batches(int size)
    {
        for (var start = 0L; start + size <= Count; start += size)
        {
            using var scope = torch.NewDisposeScope();
            yield return (Images.narrow(0, start, size), Labels.narrow(0, start, size));
        }
    }
}
