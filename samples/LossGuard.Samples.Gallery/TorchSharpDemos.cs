using System;
using System.Runtime.InteropServices;
using LossGuard.Samples.Gallery.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace LossGuard.Samples.Gallery;

/// <summary>
/// The TorchSharp files run with the real library: each loss with the largest gradient autograd carries back to its
/// input, on inputs that show the misuse (logits of ±100 wrong by 200 per row, a student equal to its teacher, a
/// count model at the true rates, a perfect cosine classifier). Every call starts from the same seed, so a misuse and its fix build the same weights.
/// </summary>
internal static class TorchSharpDemos
{
    private const int Seed = 7;

    public static void Run()
    {
        using var scope = torch.NewDisposeScope();
        var labels = tensor(new long[] { 0, 1 });
        var wrong = tensor(new[] { -100f, 100f, 0f, 0f, -100f, 100f }, new long[] { 2, 3 });
        var wrongTags = tensor(new[] { -100f, 100f, 100f, -100f, -100f, 100f }, new long[] { 2, 3 });
        var tags = tensor(new[] { 1f, 0f, 0f, 1f, 1f, 0f }, new long[] { 2, 3 });

        Compare("LG0007 NLLLoss(softmax), logits ±100", "-p[label] is 0 and so is its gradient: the model learns nothing",
            z => LG0007_SoftmaxIntoNLLLoss.Misuse(z, labels), z => LG0007_SoftmaxIntoNLLLoss.Fixed(z, labels), wrong);
        Compare("LG0002 multilabel_soft_margin_loss(sigmoid), logits ±100", "the sigmoid saturates: each output's loss is log 2 or log(1 + e), and no gradient passes",
            z => LG0002_SigmoidIntoMultiLabelSoftMargin.Misuse(z, tags), z => LG0002_SigmoidIntoMultiLabelSoftMargin.Fixed(z, tags), wrongTags);

        manual_seed(Seed);
        var features = randn(8, 4) * 1000;
        var classes = randint(0, 3, new long[] { 8 });
        Compare("LG0001 Softmax model + CrossEntropyLoss, inputs x1000", "gradient at the input: the saturated softmax passes none",
            x => LG0001_SoftmaxModelWithCrossEntropyLoss.Misuse(x, classes), x => LG0001_SoftmaxModelWithCrossEntropyLoss.Fixed(x, classes), features);
        var images = randn(4, 784) * 1000;
        var real = ones(4, 1);
        Compare("LG0003 Sigmoid model + BCELoss, inputs x1000", "BCELoss clamps log(0) to -100, and the saturated sigmoid passes no gradient",
            x => LG0003_SigmoidModelWithBCELoss.Misuse(x, real), x => LG0003_SigmoidModelWithBCELoss.Fixed(x, real), images);

        var student = randn(4, 5);
        Compare("LG0007 kl_div(log_softmax, softmax) under log_target: true, student = teacher", "KL divergence of a distribution from itself is 0",
            s => LG0007_KlDivTargetUnderDefaultLogTarget.Misuse(s, s.detach()), s => LG0007_KlDivTargetUnderDefaultLogTarget.Fixed(s, s.detach()), student);

        var counts = tensor(new[] { 1f, 2f, 5f, 10f, 20f });
        Compare("LG0007 poisson_nll_loss(exp(z)) under log_input: true, z = log of the counts", "at the true rates the likelihood is at its optimum; the misuse reads each rate r as a log-rate, exp(r)",
            z => LG0007_ExpRatesIntoPoissonLoss.Misuse(z, counts), z => LG0007_ExpRatesIntoPoissonLoss.Fixed(z, counts), counts.log());

        var prototypes = eye(10);
        Compare("LG0011 cosine logits without a scale, perfect embeddings", "cosines in [-1, 1] cannot separate classes: the floor is log(1 + 9/e)",
            e => LG0011_UnscaledCosineLogits.Misuse(e, prototypes, arange(10)), e => LG0011_UnscaledCosineLogits.Fixed(e, prototypes, arange(10)), prototypes);

        manual_seed(Seed);
        var heads = randn(3, 32);
        Console.WriteLine($"LG0004 Softmax over one unit: predictions [{Values(Seeded(() => LG0004_SoftmaxOverOneUnit.Misuse(heads)))}], fixed [{Values(Seeded(() => LG0004_SoftmaxOverOneUnit.Fixed(heads)))}] (a softmax over one value is always 1)");
        Console.WriteLine($"LG0008 softmax along dim 0 of a [1, 10] output: probabilities sum to {Values(Seeded(LG0008_SoftmaxAlongBatchAxis.Misuse).sum())}, "
            + $"fixed {Values(Seeded(LG0008_SoftmaxAlongBatchAxis.Fixed).sum())} (each of the ten is 1)");
        try
        {
            LG0005_OneHotIntoCrossEntropy.Misuse(randn(2, 10), tensor(new long[] { 3, 7 }));
        }
        catch (ExternalException error)
        {
            var fixedLoss = LG0005_OneHotIntoCrossEntropy.Fixed(zeros(2, 10), tensor(new long[] { 3, 7 }));
            Console.WriteLine($"LG0005 one_hot (Int64) into cross_entropy: throws \"{error.Message.Split('\n')[0]}\"; fixed {Values(fixedLoss)} for all-zero logits (log 10)");
        }
    }

    private static void Compare(string title, string why, Func<Tensor, Tensor> misuse, Func<Tensor, Tensor> fix, Tensor input)
    {
        var (loss, gradient) = LossAndGradient(misuse, input);
        var (fixedLoss, fixedGradient) = LossAndGradient(fix, input);
        Console.WriteLine($"{title}: loss {Show.Number(loss)} (largest gradient {Show.Number(gradient)}), "
            + $"fixed {Show.Number(fixedLoss)} ({Show.Number(fixedGradient)}) ({why})");
    }

    private static (float Loss, float Gradient) LossAndGradient(Func<Tensor, Tensor> loss, Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var variable = input.detach().requires_grad_(true);
        var value = Seeded(() => loss(variable));
        value.backward();
        return (value.item<float>(), variable.grad!.abs().max().item<float>());
    }

    private static Tensor Seeded(Func<Tensor> run)
    {
        manual_seed(Seed);
        return run();
    }

    private static string Values(Tensor values) => Show.Numbers(values.detach().flatten().data<float>().ToArray());
}
