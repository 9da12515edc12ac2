using System.Linq;
using ScottPlot;

namespace LossGuard.Samples.Training;

/// <summary>Both runs' cross-entropy per epoch, as a PNG.</summary>
internal static class TrainingCurves
{
    public static void Save(string path, params Curve[] curves)
    {
        var plot = new Plot();
        foreach (var curve in curves)
        {
            var epochs = Enumerable.Range(1, curve.Loss.Count).Select(epoch => (double)epoch).ToArray();
            var line = plot.Add.ScatterLine(epochs, curve.Loss.ToArray());
            line.LegendText = curve.Name;
            line.LineWidth = 2;
        }

        plot.Title("Softmax regression on Iris: training cross-entropy");
        plot.XLabel("epoch");
        plot.YLabel("cross-entropy of the logits (train)");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 900, 520);
    }
}
