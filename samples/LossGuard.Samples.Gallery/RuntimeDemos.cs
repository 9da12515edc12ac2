using System;
using LossGuard.Samples.Gallery.Runtime;
using LossGuard.Samples.Gallery.TensorPrimitives;

namespace LossGuard.Samples.Gallery;

/// <summary>
/// The LossGuard.Runtime and TensorPrimitives misuses against their fixes, first on confidently wrong logits of ±100:
/// every row puts -100 on its labelled class and +100 on another, so the loss the code means is 200 per row (100 per
/// binary output); then on ordinary logits, which hide some misuses.
/// </summary>
internal static class RuntimeDemos
{
    private static readonly float[] Ordinary = { 4f, 1f, -2f, 0.5f, 3f, 0f };
    private static readonly int[] Labels = { 0, 1 };
    private static readonly float[] Targets = { 1f, 0f, 0f, 1f, 1f, 0f };
    private static readonly float[] Wrong = { -100f, 100f, 0f, 0f, -100f, 100f };
    private static readonly float[] WrongBinary = { -100f, 100f, 100f, -100f, -100f, 100f };

    public static void Run()
    {
        Compare("LG0001 double softmax", "stuck at log(e + 2) however wrong the model is",
            z => LG0001_SoftmaxIntoLogitsLoss.Misuse(z, Labels, 3), z => LG0001_SoftmaxIntoLogitsLoss.Fixed(z, Labels, 3, out _), Wrong);
        Compare("LG0002 double sigmoid", "sigmoid(sigmoid(x)) only spans [0.5, 0.73]",
            z => LG0002_SigmoidIntoLogitsLoss.Misuse(z, Targets), z => LG0002_SigmoidIntoLogitsLoss.Fixed(z, Targets), WrongBinary);
        Compare("LG0003 log of softmax", "exp(-200) is 0 in float and log(0) is -inf; ordinary logits hide it; this demo adds two cross-entropies, 2 x 200",
            z => LG0003_LogOfSoftmax.Misuse(z, Labels, 3), z => LG0003_LogOfSoftmax.Fixed(z, Labels, 3), Wrong);
        Compare("LG0007 probabilities into NLL", "-p[label] lies in [-1, 0]: the loss cannot see how wrong the model is",
            z => LG0007_ProbabilitiesIntoNegativeLogLikelihood.Misuse(z, Labels, 3), z => LG0007_ProbabilitiesIntoNegativeLogLikelihood.Fixed(z, Labels, 3), Wrong);

        float[] scores = { -3f, 0f, 5f };
        Console.WriteLine($"LG0004 one-class softmax: predictions [{Show.Numbers(LG0004_SingleClassSoftmax.Misuse(scores))}] for logits [{Show.Numbers(scores)}], "
            + $"fixed [{Show.Numbers(LG0004_SingleClassSoftmax.Fixed(scores))}]");
        foreach (float[] large in new[] { new[] { 100f, 0f, -1f }, new[] { -200f, -201f, -205f } })
        {
            Console.WriteLine($"LG0010 TensorPrimitives.SoftMax of [{Show.Numbers(large)}]: [{Show.Numbers(LG0010_UnstableSoftMax.Misuse(large))}], "
                + $"fixed [{Show.Numbers(LG0010_UnstableSoftMax.Fixed(large))}]");
        }
    }

    private static void Compare(string title, string why, Func<float[], float> misuse, Func<float[], float> fix, float[] large) =>
        Console.WriteLine($"{title}: logits ±100: loss {Show.Number(misuse(large))}, fixed {Show.Number(fix(large))}; "
            + $"ordinary logits: loss {Show.Number(misuse(Ordinary))}, fixed {Show.Number(fix(Ordinary))} ({why})");
}
