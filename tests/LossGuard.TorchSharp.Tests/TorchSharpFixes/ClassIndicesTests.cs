using static TorchSharp.torch;

namespace LossGuard.TorchSharp.Tests.TorchSharpFixes;

/// <summary>LG0005, TorchSharp: a sparse loss given one-hot labels gets the class indices they were made from.</summary>
public sealed class ClassIndicesTests(ITestOutputHelper output)
{
    private const int Rows = 7;
    private const int Classes = 3;

    [Theory]
    [InlineData("public static Tensor Loss(Tensor x, Tensor y) => F.cross_entropy(x, F.one_hot(y, 3));", "F.cross_entropy(x, y)")]
    [InlineData("public static Tensor Loss(Tensor x, Tensor y) => F.nll_loss(F.log_softmax(x, 1), F.one_hot(y, 3));", "F.nll_loss(F.log_softmax(x, 1), y)")]
    public async Task LG0005_the_class_indices_give_the_cross_entropy_where_the_one_hot_labels_are_rejected(string member, string rewritten)
    {
        var pair = await FixedPair<Func<Tensor, Tensor, Tensor>>.CreateAsync(Snippets.Torch(member), "LG0005", rewritten);
        long[] labels = Inputs.Labels(12, Rows, Classes);
        long[] shape = [Rows, Classes];

        foreach (float[] logits in new[] { Inputs.Logits(13, Rows * Classes), Inputs.ConfidentlyWrong(labels, Classes, 1e4f) })
        {
            var fixedLoss = Evaluated.Of(pair.Fixed, logits, shape, Evaluated.Indices(labels));
            Close.Equal(Formula.CrossEntropy(logits, labels, Classes), fixedLoss.Loss);
            Close.Equal(Formula.CrossEntropyGradient(logits, labels, Classes), fixedLoss.Gradient);

            // libtorch refuses an Int64 [rows, classes] target: not class probabilities (not float), not indices (one dimension too many).
            var failure = Record.Exception(() => Evaluated.Of(pair.Original, logits, shape, Evaluated.Indices(labels)));
            Assert.NotNull(failure);
            output.WriteLine($"original: {failure.GetType().Name}: {failure.Message.Split('\n')[0]}; fixed: {fixedLoss.Loss} (formula {Formula.CrossEntropy(logits, labels, Classes)})");
        }
    }
}
