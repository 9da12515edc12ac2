using static TorchSharp.torch;

namespace LossGuard.TorchSharp.Tests.TorchSharpFixes;

/// <summary>
/// LG0007 on a KL target (TorchSharp's log_target defaults to true) and LG0011 (unscaled cosine logits): the fixed code
/// computes the loss the user meant, the original does not.
/// </summary>
public sealed class DivergenceAndScaleTests(ITestOutputHelper output)
{
    private const int Classes = 4;

    [Fact]
    public async Task LG0007_log_target_false_makes_kl_div_the_divergence_of_the_teacher_from_the_student()
    {
        const string member = "public static Tensor Loss(Tensor s, Tensor t) => F.kl_div(F.log_softmax(s, 1), F.softmax(t, 1));";
        var pair = await FixedPair<Func<Tensor, Tensor, Tensor>>.CreateAsync(Snippets.Torch(member), "LG0007", "log_target: false");

        float[] student = Inputs.Logits(31, 6 * Classes);
        float[] teacher = Inputs.Logits(32, 6 * Classes);
        double expected = Divergence(teacher, student);
        double original = Run(pair.Original, student, teacher);
        double fixedLoss = Run(pair.Fixed, student, teacher);
        output.WriteLine($"KL(teacher || student) {expected:F6}: original {original:F6}, fixed {fixedLoss:F6}");
        Close.Equal(expected, fixedLoss);
        Close.Different(expected, original);

        // A student equal to its teacher diverges by nothing; read as log-probabilities, the teacher does not agree.
        Close.Equal(0, Run(pair.Fixed, teacher, teacher));
        Close.Different(0, Run(pair.Original, teacher, teacher));
    }

    [Fact]
    public async Task LG0011_a_scale_lets_the_softmax_of_cosines_become_confident()
    {
        const string member = """
            public static Tensor Loss(Tensor embeddings, Tensor weights, Tensor labels)
            {
                var cosine = F.linear(F.normalize(embeddings, dim: -1), F.normalize(weights));
                return F.cross_entropy(cosine, labels);
            }
            """;
        var pair = await FixedPair<Func<Tensor, Tensor, Tensor, Tensor>>.CreateAsync(Snippets.Torch(member), "LG0011", "cosine * 64f");

        const int classes = 100;
        const int features = 64;
        float[] weights = Inputs.Logits(33, classes * features);
        long[] labels = Inputs.Labels(34, 8, classes);

        // Embeddings exactly on their class's weight vector: the best a face model can do.
        float[] embeddings = labels.SelectMany(label => weights.Skip((int)label * features).Take(features)).ToArray();
        double original = Run(pair.Original, embeddings, weights, labels, features);
        double fixedLoss = Run(pair.Fixed, embeddings, weights, labels, features);
        double bound = Math.Log(1 + ((classes - 1) * Math.Exp(-2)));
        output.WriteLine($"perfect embeddings, {classes} classes: unscaled loss {original:F4} (bound {bound:F4}), scaled {fixedLoss:F4}");
        Assert.True(original >= bound - 1e-4, $"unscaled loss {original} below the bound {bound}");
        Assert.True(fixedLoss < 0.1 * bound, $"scaled loss {fixedLoss} is not far below the bound {bound}");

        float[] cosines = Cosines(embeddings, weights, features);
        Close.Equal(Formula.CrossEntropy(cosines.Select(c => c * 64f).ToArray(), labels, classes), fixedLoss, 1e-4);
    }

    private static double Run(Func<Tensor, Tensor, Tensor> loss, float[] student, float[] teacher)
    {
        NativeTorch.Require();
        using var scope = NewDisposeScope();
        return loss(tensor(student, new long[] { student.Length / Classes, Classes }), tensor(teacher, new long[] { teacher.Length / Classes, Classes })).item<float>();
    }

    private static double Run(Func<Tensor, Tensor, Tensor, Tensor> loss, float[] embeddings, float[] weights, long[] labels, int features)
    {
        NativeTorch.Require();
        using var scope = NewDisposeScope();
        var e = tensor(embeddings, new long[] { embeddings.Length / features, features });
        var w = tensor(weights, new long[] { weights.Length / features, features });
        return loss(e, w, tensor(labels)).item<float>();
    }

    /// <summary>Mean over all elements of p (log p - log q), p = softmax(teacher), q = softmax(student): TorchSharp's mean reduction.</summary>
    private static double Divergence(float[] teacher, float[] student)
    {
        double[] p = Formula.RowSoftmax(teacher, Classes);
        double[] logP = Formula.RowLogSoftmax(teacher, Classes);
        double[] logQ = Formula.RowLogSoftmax(student, Classes);
        return Enumerable.Range(0, p.Length).Average(i => p[i] * (logP[i] - logQ[i]));
    }

    /// <summary>Each embedding row against each weight row, both scaled to unit length.</summary>
    private static float[] Cosines(float[] embeddings, float[] weights, int features)
    {
        static double[] Unit(float[] values, int row, int width)
        {
            double[] v = values.Skip(row * width).Take(width).Select(x => (double)x).ToArray();
            double norm = Math.Sqrt(v.Sum(x => x * x));
            return v.Select(x => x / norm).ToArray();
        }

        int rows = embeddings.Length / features;
        int classes = weights.Length / features;
        return Enumerable.Range(0, rows).SelectMany(row =>
        {
            double[] e = Unit(embeddings, row, features);
            return Enumerable.Range(0, classes).Select(c => (float)Unit(weights, c, features).Zip(e, (a, b) => a * b).Sum());
        }).ToArray();
    }
}
