using System;
using LossGuard.Samples.Gallery.Runtime;

float[] logits = { 4f, 1f, -2f, 0.5f, 3f, 0f };
int[] labels = { 0, 1 };
float[] targets = { 1f, 0f, 0f, 1f, 1f, 0f };

Console.WriteLine($"LG0001 double softmax: loss {LG0001_SoftmaxIntoLogitsLoss.Misuse(logits, labels, 3):F4}, "
    + $"fixed {LG0001_SoftmaxIntoLogitsLoss.Fixed(logits, labels, 3, out _):F4}");
Console.WriteLine($"LG0002 double sigmoid: loss {LG0002_SigmoidIntoLogitsLoss.Misuse(logits, targets):F4}, "
    + $"fixed {LG0002_SigmoidIntoLogitsLoss.Fixed(logits, targets):F4}");
