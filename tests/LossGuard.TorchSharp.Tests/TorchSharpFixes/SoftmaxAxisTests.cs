using static TorchSharp.torch;

namespace LossGuard.TorchSharp.Tests.TorchSharpFixes;

/// <summary>LG0008, TorchSharp: a softmax along the batch axis of a 2-D value moves to the class axis.</summary>
public sealed class SoftmaxAxisTests(ITestOutputHelper output)
{
    private const int Classes = 4;

    [Theory]
    [InlineData("public static Tensor Probabilities(Tensor x) => F.softmax(x.reshape(-1, 4), 0);", "F.softmax(x.reshape(-1, 4), 1)")]
    [InlineData("public static Tensor Probabilities(Tensor x) => F.softmax(x.reshape(-1, 4), dim: 0);", "F.softmax(x.reshape(-1, 4), dim: 1)")]
    public async Task LG0008_dim_1_gives_each_example_its_softmax_where_dim_0_mixes_the_batch(string member, string rewritten)
    {
        var pair = await FixedPair<Func<Tensor, Tensor>>.CreateAsync(Snippets.Torch(member), "LG0008", rewritten, "Probabilities");

        foreach (int rows in new[] { 1, 6 })
        {
            float[] logits = Inputs.Logits(14 + rows, rows * Classes, scale: 3);
            float[] original = Run(pair.Original, logits);
            float[] fixedValues = Run(pair.Fixed, logits);
            Close.Equal(Formula.RowSoftmax(logits, Classes), fixedValues);
            output.WriteLine($"batch of {rows}: original first row [{string.Join(", ", original.Take(Classes))}], fixed [{string.Join(", ", fixedValues.Take(Classes))}]");

            // Along dim 0 the columns sum to one: a batch of one is "certain" of every class.
            for (int column = 0; column < Classes; column++)
            {
                double sum = Enumerable.Range(0, rows).Sum(row => (double)original[row * Classes + column]);
                Close.Equal(1.0, sum);
            }

            double firstRow = original.Take(Classes).Sum(v => (double)v);
            if (rows == 1)
            {
                Assert.All(original, p => Assert.Equal(1f, p));
            }
            else
            {
                Close.Different(1.0, firstRow);
            }
        }
    }

    private static float[] Run(Func<Tensor, Tensor> probabilities, float[] logits)
    {
        NativeTorch.Require();
        using var scope = NewDisposeScope();
        return probabilities(tensor(logits)).data<float>().ToArray();
    }
}
