using System;
using System.Globalization;
using System.IO;
using LossGuard.Samples.Training;
using LossGuard.Samples.TrainingDisplay;

// Softmax regression on Iris with LossGuard.Runtime, trained twice: as written with a double softmax (LG0001), and
// fixed. Usage: dotnet run -c Release [output.png]
const int Epochs = 300;
const float LearningRate = 0.5f;
var output = TrainingCurves.OutputPath(args, "training-curves.png");
var data = IrisData.Load(Path.Combine(AppContext.BaseDirectory, "data", "iris.csv"), testRows: 30, seed: 42);
Console.WriteLine($"Iris: {data.TrainLabels.Length} training rows, {data.TestLabels.Length} test rows, {IrisData.Classes} classes");

var progress = new ProgressBar();
var misuse = TrainingRun.Train("double softmax", data, doubleSoftmax: true, Epochs, LearningRate, progress);
var fixedRun = TrainingRun.Train("fixed (logits)", data, doubleSoftmax: false, Epochs, LearningRate, progress);

foreach (var curve in new[] { misuse, fixedRun })
{
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{curve.Name,-16} after {Epochs} epochs: cross-entropy {curve.Loss[^1]:F4}, train accuracy {curve.TrainAccuracy[^1]:P1}, test accuracy {curve.TestAccuracy[^1]:P1}"));
}

TrainingCurves.Save(output, "Softmax regression on Iris: training cross-entropy", "cross-entropy of the logits (train)", misuse, fixedRun);
Console.WriteLine($"training curves: {Path.GetFullPath(output)}");
