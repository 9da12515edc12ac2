using System;
using System.IO;
using System.Linq;
using ScottPlot;

namespace LossGuard.Samples.TrainingDisplay;

/// <summary>Each run's cross-entropy per epoch, as a PNG.</summary>
internal static class TrainingCurves
{
    /// <summary>The path given on the command line, else FILE_NAME in the sample's output folder (bin/...).</summary>
    public static string OutputPath(string[] args, string fileName) =>
        args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, fileName);

    public static void Save(string path, string title, string lossLabel, params Curve[] curves)
    {
        var plot = new Plot();
        foreach (var curve in curves)
        {
            var epochs = Enumerable.Range(1, curve.Loss.Count).Select(epoch => (double)epoch).ToArray();
            var line = plot.Add.ScatterLine(epochs, curve.Loss.ToArray());
            line.LegendText = curve.Name;
            line.LineWidth = 2;
        }

        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(lossLabel);
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 900, 520);
    }
}
