using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace LossGuard.Samples.Training;

/// <summary>The Iris measurements (data/iris.csv), standardised, shuffled with a fixed seed and split into train and test rows.</summary>
internal sealed record IrisData(float[] TrainFeatures, int[] TrainLabels, float[] TestFeatures, int[] TestLabels)
{
    public const int Features = 4;
    public const int Classes = 3;

    public static IrisData Load(string path, int testRows, int seed)
    {
        var rows = File.ReadLines(path).Skip(1)
            .Select(line => line.Split(','))
            .Select(cells => (Features: cells.Take(Features).Select(cell => float.Parse(cell, CultureInfo.InvariantCulture)).ToArray(),
                Label: int.Parse(cells[Features], CultureInfo.InvariantCulture)))
            .ToArray();
        new Random(seed).Shuffle(rows);
        Standardise(rows.Select(row => row.Features).ToArray());
        var test = rows.Take(testRows).ToArray();
        var train = rows.Skip(testRows).ToArray();
        return new IrisData(
            train.SelectMany(row => row.Features).ToArray(),
            train.Select(row => row.Label).ToArray(),
            test.SelectMany(row => row.Features).ToArray(),
            test.Select(row => row.Label).ToArray());
    }

    /// <summary>Each feature to mean 0 and standard deviation 1 (over all rows: a demonstration, not a benchmark).</summary>
    private static void Standardise(float[][] features)
    {
        for (var column = 0; column < Features; column++)
        {
            var values = features.Select(row => (double)row[column]).ToArray();
            var mean = values.Average();
            var deviation = Math.Sqrt(values.Average(value => (value - mean) * (value - mean)));
            foreach (var row in features)
            {
                row[column] = (float)((row[column] - mean) / deviation);
            }
        }
    }
}
