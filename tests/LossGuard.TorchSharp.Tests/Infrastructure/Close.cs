namespace LossGuard.TorchSharp.Tests.Infrastructure;

/// <summary>Comparisons with a tolerance relative to the expected value's size (float32 results against float64 formulas).</summary>
internal static class Close
{
    public static void Equal(double expected, double actual, double tolerance = 1e-5)
    {
        double allowed = tolerance * Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= allowed, $"expected {expected:R}, got {actual:R} (allowed difference {allowed:G3})");
    }

    public static void Equal(double[] expected, float[] actual, double tolerance = 1e-5)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 1e-30;
        foreach (double value in expected)
        {
            scale = Math.Max(scale, Math.Abs(value));
        }

        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= tolerance * scale,
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R} (allowed difference {tolerance * scale:G3})");
        }
    }

    /// <summary>The values are measurably apart: a fix that changed nothing would fail here.</summary>
    public static void Different(double unexpected, double actual, double tolerance = 1e-3) =>
        Assert.True(Math.Abs(unexpected - actual) > tolerance * Math.Max(1.0, Math.Abs(unexpected)), $"expected a value other than {unexpected:R}, got {actual:R}");
}
