using System;
using System.Globalization;
using System.IO;
using LossGuard.Samples.TorchSharp;
using LossGuard.Samples.TrainingDisplay;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// A digit classifier trained twice on the same seven-segment digits from the same initial weights: as first written
// (LossGuard reports LG0007 in it) and fixed. Usage: dotnet run --project samples/LossGuard.Samples.TorchSharp [-- output.png]
const int Epochs = 10;
const int BatchSize = 64;
const double LearningRate = 1e-3;
const int Seed = 7;
var output = TrainingCurves.OutputPath(args, "torchsharp-training.png");
// The matrices are small: one thread runs them fastest (three times faster than two on a 2-core machine).
torch.set_num_threads(1);
var train = SegmentDigits.Make(count: 2000, seed: 1);
var test = SegmentDigits.Make(count: 1000, seed: 2);
Console.WriteLine($"seven-segment digits: {train.Count} training and {test.Count} test images of 28x28 pixels, {SegmentDigits.Classes} classes");
var progress = new ProgressBar();

// As first written: the serving model, softmax included, trained with NLLLoss, which reads log-probabilities (LG0007).
torch.manual_seed(Seed);
var classifier = new DigitClassifier();
var serving = Sequential(("classifier", classifier), ("probabilities", Softmax(1)));
var nll = NLLLoss();
var adam = optim.Adam(serving.parameters(), LearningRate);
var buggy = new Scorecard("NLLLoss(softmax)", classifier, train, test, Epochs, progress);
for (var epoch = 1; epoch <= Epochs; epoch++)
{
    serving.train();
    foreach (var (images, labels) in train.Batches(BatchSize))
    {
        adam.zero_grad();
        var loss = nll.forward(serving.forward(images), labels);
        loss.backward();
        adam.step();
    }

    buggy.Record(epoch);
}

// Fixed: the classifier's logits into CrossEntropyLoss, which applies log-softmax itself; the serving model keeps its
// softmax for prediction.
torch.manual_seed(Seed);
var fixedClassifier = new DigitClassifier();
var optimizer = optim.Adam(fixedClassifier.parameters(), LearningRate);
var fixedRun = new Scorecard("CrossEntropyLoss", fixedClassifier, train, test, Epochs, progress);
for (var epoch = 1; epoch <= Epochs; epoch++)
{
    Trainer.Epoch(fixedClassifier, CrossEntropyLoss(), optimizer, train, BatchSize);
    fixedRun.Record(epoch);
}

foreach (var curve in new[] { buggy.Curve, fixedRun.Curve })
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{curve.Name,-16} after {Epochs} epochs: cross-entropy {curve.Loss[^1]:F4}, train accuracy {curve.TrainAccuracy[^1]:P1}, test accuracy {curve.TestAccuracy[^1]:P1}"));
}

var buggyAccuracy = buggy.Curve.TestAccuracy[^1];
var reached = fixedRun.Curve.TestAccuracy.FindIndex(accuracy => accuracy >= buggyAccuracy) + 1;
Console.WriteLine(reached > 0
    ? string.Create(CultureInfo.InvariantCulture, $"what the bug cost: the fixed loop reached the buggy loop's final test accuracy ({buggyAccuracy:P1}) in epoch {reached} of {Epochs}")
    : string.Create(CultureInfo.InvariantCulture, $"the fixed loop did not reach the buggy loop's final test accuracy ({buggyAccuracy:P1}) in {Epochs} epochs"));
TrainingCurves.Save(output, "A digit classifier in TorchSharp: training cross-entropy", "cross-entropy of the logits (train)", buggy.Curve, fixedRun.Curve);
Console.WriteLine($"training curves: {Path.GetFullPath(output)}");
