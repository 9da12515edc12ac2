using System;
using LossGuard.Samples.Gallery.Runtime;
using LossGuard.Samples.Gallery.TensorPrimitives;

float[] logits = { 4f, 1f, -2f, 0.5f, 3f, 0f };
int[] labels = { 0, 1 };
float[] targets = { 1f, 0f, 0f, 1f, 1f, 0f };

Console.WriteLine($"LG0001 double softmax: loss {LG0001_SoftmaxIntoLogitsLoss.Misuse(logits, labels, 3):F4}, "
    + $"fixed {LG0001_SoftmaxIntoLogitsLoss.Fixed(logits, labels, 3, out _):F4}");
Console.WriteLine($"LG0002 double sigmoid: loss {LG0002_SigmoidIntoLogitsLoss.Misuse(logits, targets):F4}, "
    + $"fixed {LG0002_SigmoidIntoLogitsLoss.Fixed(logits, targets):F4}");
Console.WriteLine($"LG0003 log of softmax: loss {LG0003_LogOfSoftmax.Misuse(logits, labels, 3):F4}, "
    + $"fixed {LG0003_LogOfSoftmax.Fixed(logits, labels, 3):F4}");
Console.WriteLine($"LG0004 one-class softmax: predictions [{string.Join(", ", LG0004_SingleClassSoftmax.Misuse(new[] { -3f, 0f, 5f }))}], "
    + $"fixed [{string.Join(", ", LG0004_SingleClassSoftmax.Fixed(new[] { -3f, 0f, 5f }))}]");
Console.WriteLine($"LG0007 probabilities into NLL: loss {LG0007_ProbabilitiesIntoNegativeLogLikelihood.Misuse(logits, labels, 3):F4}, "
    + $"fixed {LG0007_ProbabilitiesIntoNegativeLogLikelihood.Fixed(logits, labels, 3):F4}");
float[] large = { 100f, 0f, -1f };
Console.WriteLine($"LG0010 TensorPrimitives.SoftMax of [100, 0, -1]: [{LG0010_UnstableSoftMax.Show(LG0010_UnstableSoftMax.Misuse(large))}], "
    + $"fixed [{LG0010_UnstableSoftMax.Show(LG0010_UnstableSoftMax.Fixed(large))}]");
