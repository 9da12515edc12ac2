using System;
using System.Globalization;

namespace LossGuard.Samples.Gallery;

/// <summary>Numbers as the gallery prints them: four decimals at most, NaN and infinities by name.</summary>
internal static class Show
{
    public static string Number(float value) =>
        float.IsNaN(value) ? "NaN" : float.IsInfinity(value) ? (value > 0 ? "+inf" : "-inf") : (value + 0f).ToString("0.####", CultureInfo.InvariantCulture);

    public static string Numbers(float[] values) => string.Join(", ", Array.ConvertAll(values, Number));
}
