using System;
using System.Globalization;
using LossGuard.Samples.Gallery.Runtime;
using LossGuard.Samples.Gallery.TensorPrimitives;

// Each misuse against its fix, first on ordinary logits, then on confidently wrong logits of ±100: every row puts -100
// on its labelled class and +100 on another, so the loss the code means is 200 per row (100 per binary output).
float[] logits = { 4f, 1f, -2f, 0.5f, 3f, 0f };
int[] labels = { 0, 1 };
float[] targets = { 1f, 0f, 0f, 1f, 1f, 0f };
float[] wrong = { -100f, 100f, 0f, 0f, -100f, 100f };
float[] wrongBinary = { -100f, 100f, 100f, -100f, -100f, 100f };

Compare("LG0001 double softmax", "stuck at log(e + 2) however wrong the model is",
    z => LG0001_SoftmaxIntoLogitsLoss.Misuse(z, labels, 3), z => LG0001_SoftmaxIntoLogitsLoss.Fixed(z, labels, 3, out _), logits, wrong);
Compare("LG0002 double sigmoid", "sigmoid(sigmoid(x)) only spans [0.5, 0.73]",
    z => LG0002_SigmoidIntoLogitsLoss.Misuse(z, targets), z => LG0002_SigmoidIntoLogitsLoss.Fixed(z, targets), logits, wrongBinary);
Compare("LG0003 log of softmax", "exp(-200) is 0 in float and log(0) is -inf; this demo adds two cross-entropies, 2 x 200",
    z => LG0003_LogOfSoftmax.Misuse(z, labels, 3), z => LG0003_LogOfSoftmax.Fixed(z, labels, 3), logits, wrong);
Compare("LG0007 probabilities into NLL", "-p[label] lies in [-1, 0]: the loss cannot see how wrong the model is",
    z => LG0007_ProbabilitiesIntoNegativeLogLikelihood.Misuse(z, labels, 3), z => LG0007_ProbabilitiesIntoNegativeLogLikelihood.Fixed(z, labels, 3), logits, wrong);

float[] scores = { -3f, 0f, 5f };
Console.WriteLine($"LG0004 one-class softmax: predictions [{Show(LG0004_SingleClassSoftmax.Misuse(scores))}] for logits [{Show(scores)}], "
    + $"fixed [{Show(LG0004_SingleClassSoftmax.Fixed(scores))}]");
foreach (float[] large in new[] { new[] { 100f, 0f, -1f }, new[] { -200f, -201f, -205f } })
{
    Console.WriteLine($"LG0010 TensorPrimitives.SoftMax of [{Show(large)}]: [{Show(LG0010_UnstableSoftMax.Misuse(large))}], "
        + $"fixed [{Show(LG0010_UnstableSoftMax.Fixed(large))}]");
}

static void Compare(string title, string why, Func<float[], float> misuse, Func<float[], float> fix, float[] ordinary, float[] large) =>
    Console.WriteLine($"{title}: loss {Format(misuse(ordinary))}, fixed {Format(fix(ordinary))}; "
        + $"logits ±100: loss {Format(misuse(large))}, fixed {Format(fix(large))} ({why})");

static string Format(float value) =>
    float.IsNaN(value) ? "NaN" : float.IsInfinity(value) ? (value > 0 ? "+inf" : "-inf") : (value + 0f).ToString("0.####", CultureInfo.InvariantCulture);

static string Show(float[] values) => string.Join(", ", Array.ConvertAll(values, Format));
