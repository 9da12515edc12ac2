using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace LossGuard.TorchSharp.Tests.Comparison;

/// <summary>
/// LossGuard.Runtime's fused losses and gradients against TorchSharp's (libtorch 2.10, autograd) on the same float32
/// inputs, option by option: both compute in float32, so they agree to a few ulps of the loss's size.
/// </summary>
public sealed class RuntimeAgainstTorchSharpTests(ITestOutputHelper output)
{
    private const int Rows = 16;
    private const int Classes = 7;
    private const double Tolerance = 2e-5;

    [Theory]
    [InlineData(false, 0.0, false, Reduction.Mean)]
    [InlineData(false, 0.0, false, Reduction.Sum)]
    [InlineData(false, 0.1, false, Reduction.Mean)]
    [InlineData(true, 0.0, false, Reduction.Mean)]
    [InlineData(false, 0.0, true, Reduction.Mean)]
    [InlineData(true, 0.0, true, Reduction.Mean)]
    [InlineData(true, 0.0, true, Reduction.Sum)]
    [InlineData(false, 0.2, true, Reduction.Mean)]
    [InlineData(true, 0.1, false, Reduction.Mean)]
    public void Sparse_softmax_cross_entropy_matches_cross_entropy(bool weighted, double smoothing, bool ignoring, Reduction reduction)
    {
        const int Ignored = 5;
        float[] logits = Inputs.Logits(51, Rows * Classes, scale: 4);
        long[] labels = Inputs.Labels(52, Rows, Classes).Select((label, row) => ignoring && row % 4 == 1 ? Ignored : label).ToArray();
        float[]? weights = weighted ? Inputs.Targets(53, Classes).Select(w => w + 0.5f).ToArray() : null;

        float[] gradient = new float[logits.Length];
        float loss = Losses.SparseSoftmaxCrossEntropyWithLogits(
            logits, labels.Select(label => (int)label).ToArray(), Classes, gradient, reduction,
            classWeights: weights, labelSmoothing: (float)smoothing, ignoreIndex: ignoring ? Ignored : Losses.DefaultIgnoreIndex);
        var torchLoss = Evaluated.Of(
            (x, y) => F.cross_entropy(x, y, Weight(weights), ignoring ? Ignored : -100, Torch(reduction), smoothing),
            logits, [Rows, Classes], Evaluated.Indices(labels));

        Report(torchLoss, loss, gradient);
        Close.Equal(torchLoss.Loss, loss, Tolerance);
        Close.Equal(torchLoss.Gradient.Select(v => (double)v).ToArray(), gradient, Tolerance);
    }

    [Fact]
    public void Per_row_sparse_losses_match_cross_entropy_without_reduction()
    {
        float[] logits = Inputs.Logits(59, Rows * Classes, scale: 4);
        long[] labels = Inputs.Labels(60, Rows, Classes);
        float[] rowLosses = new float[Rows];
        float[] gradient = new float[logits.Length];
        float total = Losses.SparseSoftmaxCrossEntropyWithLogits(
            logits, labels.Select(label => (int)label).ToArray(), Classes, gradient, Reduction.None, labelSmoothing: 0.1f, rowLosses: rowLosses);

        NativeTorch.Require();
        using var scope = NewDisposeScope();
        var x = tensor(logits, [Rows, Classes], requires_grad: true);
        var perRow = F.cross_entropy(x, tensor(labels), reduction: nn.Reduction.None, label_smoothing: 0.1);
        perRow.sum().backward();

        Close.Equal(perRow.data<float>().ToArray().Select(v => (double)v).ToArray(), rowLosses, Tolerance);
        Close.Equal(perRow.sum().item<float>(), total, Tolerance);
        Close.Equal(x.grad!.data<float>().ToArray().Select(v => (double)v).ToArray(), gradient, Tolerance);
    }

    [Theory]
    [InlineData(false, 0.0, Reduction.Mean)]
    [InlineData(false, 0.0, Reduction.Sum)]
    [InlineData(false, 0.15, Reduction.Mean)]
    [InlineData(true, 0.0, Reduction.Mean)]
    [InlineData(true, 0.1, Reduction.Sum)]
    public void Dense_softmax_cross_entropy_matches_cross_entropy_with_probability_targets(bool weighted, double smoothing, Reduction reduction)
    {
        float[] logits = Inputs.Logits(54, Rows * Classes, scale: 4);
        float[] targets = Formula.RowSoftmax(Inputs.Logits(55, Rows * Classes), Classes).Select(p => (float)p).ToArray();
        float[]? weights = weighted ? Inputs.Targets(56, Classes).Select(w => w + 0.5f).ToArray() : null;

        float[] gradient = new float[logits.Length];
        float loss = Losses.SoftmaxCrossEntropyWithLogits(logits, targets, Classes, gradient, reduction, classWeights: weights, labelSmoothing: (float)smoothing);
        var torchLoss = Evaluated.Of(
            (x, t) => F.cross_entropy(x, t, Weight(weights), reduction: Torch(reduction), label_smoothing: smoothing),
            logits, [Rows, Classes], Evaluated.Floats(targets, Rows, Classes));

        Report(torchLoss, loss, gradient);
        Close.Equal(torchLoss.Loss, loss, Tolerance);
        Close.Equal(torchLoss.Gradient.Select(v => (double)v).ToArray(), gradient, Tolerance);
    }

    [Theory]
    [InlineData(1.0f, Reduction.Mean)]
    [InlineData(3.0f, Reduction.Mean)]
    [InlineData(0.25f, Reduction.Sum)]
    public void Sigmoid_cross_entropy_matches_binary_cross_entropy_with_logits_and_pos_weights(float positiveWeight, Reduction reduction)
    {
        const int Length = Rows * Classes;
        float[] logits = Inputs.Logits(57, Length, scale: 6);
        float[] targets = Inputs.Targets(58, Length);

        float[] gradient = new float[Length];
        float loss = Losses.SigmoidCrossEntropyWithLogits(logits, targets, gradient, reduction, positiveWeight: positiveWeight);
        var torchLoss = Evaluated.Of(
            (x, t) => F.binary_cross_entropy_with_logits(x, t, reduction: Torch(reduction), pos_weights: full(Length, positiveWeight)),
            logits, [Length], Evaluated.Floats(targets, Length));

        Report(torchLoss, loss, gradient);
        Close.Equal(torchLoss.Loss, loss, Tolerance);
        Close.Equal(torchLoss.Gradient.Select(v => (double)v).ToArray(), gradient, Tolerance);
    }

    private void Report(Evaluated torchLoss, float loss, float[] gradient) =>
        output.WriteLine($"TorchSharp {torchLoss.Loss:R}, LossGuard.Runtime {loss:R}; largest gradient difference {torchLoss.Gradient.Zip(gradient, (a, b) => Math.Abs(a - b)).Max():G3}");

    private static Tensor? Weight(float[]? weights) => weights is null ? null : tensor(weights);

    private static nn.Reduction Torch(Reduction reduction) => reduction switch
    {
        Reduction.Sum => nn.Reduction.Sum,
        Reduction.None => nn.Reduction.None,
        _ => nn.Reduction.Mean,
    };
}
