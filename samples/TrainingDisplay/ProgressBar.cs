using System;
using System.Globalization;

namespace LossGuard.Samples.TrainingDisplay;

/// <summary>One line per run, redrawn each epoch: [#####.....] epoch 37/300 loss 0.4123 test accuracy 93.3%.</summary>
internal sealed class ProgressBar
{
    private const int Width = 30;
    private readonly bool redraw = !Console.IsOutputRedirected;

    public void Report(string run, int epoch, int epochs, double loss, double accuracy)
    {
        if (!redraw && epoch != epochs && epoch % Math.Max(1, epochs / 5) != 0)
        {
            return;
        }

        var done = epoch * Width / epochs;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{run,-16} [{new string('#', done)}{new string('.', Width - done)}] epoch {epoch,3}/{epochs} loss {loss:F4} test accuracy {accuracy:P1}");
        Console.Write(redraw ? "\r" + line : line + Environment.NewLine);
        if (redraw && epoch == epochs)
        {
            Console.WriteLine();
        }
    }
}
