using System;
using static TorchSharp.torch;

namespace LossGuard.Samples.TorchSharp;

/// <summary>
/// A small image-like data set made on the spot: the digits 0-9 as seven-segment glyphs on a 28x28 grid, each drawn
/// at a random place and stroke width, with a segment sometimes missing and pixel noise, from a fixed seed.
/// </summary>
internal static class SegmentDigits
{
    public const int Side = 28;
    public const int Classes = 10;

    // Segments a (top), b (top right), c (bottom right), d (bottom), e (bottom left), f (top left), g (middle).
    private static readonly string[] Glyphs = { "abcdef", "bc", "abdeg", "abcdg", "bcfg", "acdfg", "acdefg", "abc", "abcdefg", "abcdfg" };

    private const double MissingSegment = 0.03;
    private const double Noise = 0.15;

    public static LabelledImages Make(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new float[count * Side * Side];
        var labels = new long[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = random.Next(Classes);
            Draw(pixels.AsSpan(i * Side * Side, Side * Side), Glyphs[labels[i]], random);
            for (var p = i * Side * Side; p < (i + 1) * Side * Side; p++)
            {
                pixels[p] += (float)(Noise * Gaussian(random));
            }
        }

        return new LabelledImages(tensor(pixels, new long[] { count, 1, Side, Side }), tensor(labels));
    }

    private static void Draw(Span<float> image, string glyph, Random random)
    {
        var width = random.Next(11, 15);
        var height = random.Next(18, 23);
        var stroke = random.Next(2, 4);
        var left = ((Side - width) / 2) + random.Next(-2, 3);
        var top = ((Side - height) / 2) + random.Next(-2, 3);
        var middle = top + (height / 2) - (stroke / 2);
        foreach (var segment in glyph)
        {
            if (random.NextDouble() < MissingSegment)
            {
                continue;
            }

            var (x, y, w, h) = segment switch
            {
                'a' => (left, top, width, stroke),
                'd' => (left, top + height - stroke, width, stroke),
                'g' => (left, middle, width, stroke),
                'f' => (left, top, stroke, middle - top + stroke),
                'b' => (left + width - stroke, top, stroke, middle - top + stroke),
                'e' => (left, middle, stroke, top + height - middle),
                _ => (left + width - stroke, middle, stroke, top + height - middle),
            };
            Fill(image, x, y, w, h, 0.6f + (0.4f * random.NextSingle()));
        }
    }

    private static void Fill(Span<float> image, int x, int y, int w, int h, float intensity)
    {
        for (var row = y; row < y + h; row++)
        {
            image.Slice((row * Side) + x, w).Fill(intensity);
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
