using System.Text;

namespace LossGuard.CodeFixes.Benchmarks;

/// <summary>
/// One C# file of LossGuard.Runtime training steps, each with one fixable finding (LG0001 through a local, LG0003
/// on a probability-space loss, in turn), padded with plain methods to the number of lines asked for.
/// </summary>
internal static class TrainingFile
{
    private const int LinesPerStep = 6;
    private const int LinesPerPlainMethod = 2;

    public static string Create(int lines, int findings)
    {
        var text = new StringBuilder("using LossGuard;\n\nstatic class Training\n{\n");
        for (int step = 0; step < findings; step++)
        {
            text.Append(step % 2 == 0
                ? $"    static float Step{step}(float[] z, int[] y)\n    {{\n        var p = Activations.Softmax(z, 4);\n        return Losses.SparseSoftmaxCrossEntropyWithLogits(p, y, 4);\n    }}\n\n"
                : $"    static float Step{step}(float[] z, int[] y)\n    {{\n        return Losses.SparseCategoricalCrossEntropy(Activations.Softmax(z, 4), y, 4);\n    }}\n\n\n");
        }

        int padding = (lines - 6 - (findings * LinesPerStep)) / LinesPerPlainMethod;
        for (int method = 0; method < padding; method++)
        {
            text.Append($"    static int Plain{method}(int a, int b) => (a * {method}) + b;\n\n");
        }

        return text.Append("}\n").ToString();
    }
}
