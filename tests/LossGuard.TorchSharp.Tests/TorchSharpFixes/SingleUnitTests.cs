using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LossGuard.TorchSharp.Tests.TorchSharpFixes;

/// <summary>LG0004, TorchSharp: a softmax over a one-unit head becomes a sigmoid.</summary>
public sealed class SingleUnitTests(ITestOutputHelper output)
{
    private const int Rows = 6;
    private const int Features = 3;

    [Theory]
    [InlineData("""
        public static Tensor Predict(Tensor features)
        {
            manual_seed(21);
            var head = Linear(3, 1);
            return head.forward(features).softmax(1);
        }
        """, "head.forward(features).sigmoid()")]
    [InlineData("""
        public static Tensor Predict(Tensor features)
        {
            manual_seed(21);
            return Sequential(Linear(3, 1), Softmax(dim: 1)).forward(features);
        }
        """, "Sequential(Linear(3, 1), Sigmoid())")]
    public async Task LG0004_sigmoid_of_the_one_unit_logit_replaces_a_softmax_that_is_always_one(string member, string rewritten)
    {
        var pair = await FixedPair<Func<Tensor, Tensor>>.CreateAsync(Snippets.Torch(member), "LG0004", rewritten, "Predict");
        float[] features = Inputs.Logits(22, Rows * Features);
        NativeTorch.Require();

        // The snippet's layer (same seed, same construction order) gives the logits the sigmoid must read.
        manual_seed(21);
        using var head = Linear(Features, 1);
        using var logitTensor = head.forward(tensor(features, [Rows, Features]));
        double[] expected = logitTensor.data<float>().ToArray().Select(z => Formula.Sigmoid(z)).ToArray();

        var original = Evaluated.Of((x, _) => pair.Original(x).sum(), features, [Rows, Features], Evaluated.Floats([0f], 1));
        float[] originalValues = Run(pair.Original, features);
        float[] fixedValues = Run(pair.Fixed, features);
        output.WriteLine($"original [{string.Join(", ", originalValues)}], fixed [{string.Join(", ", fixedValues)}]");

        Close.Equal(expected, fixedValues);
        Assert.All(originalValues, p => Assert.Equal(1f, p));
        Assert.True(original.GradientVanished, "a one-class softmax passes no gradient back");
    }

    private static float[] Run(Func<Tensor, Tensor> predict, float[] features)
    {
        using var scope = NewDisposeScope();
        return predict(tensor(features, [Rows, Features])).data<float>().ToArray();
    }
}
