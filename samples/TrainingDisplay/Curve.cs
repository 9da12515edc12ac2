using System.Collections.Generic;

namespace LossGuard.Samples.TrainingDisplay;

/// <summary>The measured curve of one training run: the true cross-entropy and the accuracies after each epoch.</summary>
internal sealed record Curve(string Name, List<double> Loss, List<double> TrainAccuracy, List<double> TestAccuracy)
{
    public Curve(string name) : this(name, new List<double>(), new List<double>(), new List<double>())
    {
    }

    public void Add(double loss, double trainAccuracy, double testAccuracy)
    {
        Loss.Add(loss);
        TrainAccuracy.Add(trainAccuracy);
        TestAccuracy.Add(testAccuracy);
    }
}
