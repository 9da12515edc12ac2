using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LossGuard.Analyzers.Tests.Robustness;

/// <summary>
/// Deterministic training code across the four libraries (misuse and correct code mixed), and plain code that
/// references none: inputs for the robustness test and the cost benchmark.
/// </summary>
public static class TrainingCodeGenerator
{
    private static readonly Func<int, string>[] TrainingMembers =
    {
        RuntimeStep,
        RuntimeBufferLoop,
        PrimitivesSoftMax,
        TorchSequential,
        TorchTrainLoop,
        TensorFlowHandWritten,
        KerasModel,
    };

    private static readonly Func<int, string>[] Members = TrainingMembers.Append(PlainHelper).ToArray();

    /// <summary><paramref name="count"/> files of training code; each holds a model class and a trainer with several members.</summary>
    public static IReadOnlyList<string> Files(int count, int seed) =>
        Generate(count, seed, TrainingFile);

    /// <summary><paramref name="count"/> files of ordinary code (text, collections, arithmetic) that reference no ML library.</summary>
    public static IReadOnlyList<string> PlainFiles(int count, int seed) =>
        Generate(count, seed, PlainFile);

    /// <summary>
    /// <paramref name="count"/> files of an ML application: besides the model, each trainer holds one or two training
    /// members (a loss computed), three members that use the libraries without a loss or softmax (batches, metrics,
    /// scaling, predictions) and three members of ordinary code.
    /// </summary>
    public static IReadOnlyList<string> ApplicationFiles(int count, int seed) =>
        Generate(count, seed, ApplicationFile);

    private static string ApplicationFile(int index, Random random)
    {
        var members = new List<string>();
        for (var member = 0; member < 1 + random.Next(2); member++)
        {
            members.Add(TrainingMembers[random.Next(TrainingMembers.Length)]((index * 100) + member));
        }

        for (var member = 0; member < 3; member++)
        {
            members.Add(DataMembers[random.Next(DataMembers.Length)]((index * 100) + 10 + member));
            members.Add(random.Next(2) == 0 ? PlainHelper((index * 100) + 20 + member) : PlainText((index * 100) + 20 + member));
        }

        return ModelAndTrainer(index, members);
    }

    private static string TrainingFile(int index, Random random)
    {
        var members = new List<string>();
        var count = 4 + random.Next(4);
        for (var member = 0; member < count; member++)
        {
            members.Add(Members[random.Next(Members.Length)]((index * 100) + member));
        }

        return ModelAndTrainer(index, members);
    }

    private static string ModelAndTrainer(int index, IEnumerable<string> members)
    {
        var text = new StringBuilder();
        text.AppendLine("using System;");
        text.AppendLine("using System.Collections.Generic;");
        text.AppendLine("using System.Linq;");
        text.AppendLine("using System.Text;");
        text.AppendLine("using System.Numerics.Tensors;");
        text.AppendLine("using LossGuard;");
        text.AppendLine("using TorchSharp;");
        text.AppendLine("using Tensorflow;");
        text.AppendLine("using Tensorflow.NumPy;");
        text.AppendLine("using static TorchSharp.torch;");
        text.AppendLine("using static Tensorflow.KerasApi;");
        text.AppendLine("using F = TorchSharp.torch.nn.functional;");
        text.AppendLine("using tfb = Tensorflow.Binding;");
        text.AppendLine("using Tensor = TorchSharp.torch.Tensor;");
        text.AppendLine(Invariant($"namespace Generated.Training{index};"));
        text.AppendLine(Invariant($"sealed class Model{index} : torch.nn.Module<Tensor, Tensor>"));
        text.AppendLine("{");
        text.AppendLine(Invariant($"    private readonly torch.nn.Module<Tensor, Tensor> hidden = torch.nn.Linear(32, {8 + index % 5});"));
        text.AppendLine(Invariant($"    private readonly torch.nn.Module<Tensor, Tensor> head = {(index % 3 == 0 ? "torch.nn.Softmax(1)" : "torch.nn.LogSoftmax(1)")};"));
        text.AppendLine(Invariant($"    public Model{index}() : base(\"model{index}\") => RegisterComponents();"));
        text.AppendLine("    public override Tensor forward(Tensor input) => head.forward(F.relu(hidden.forward(input)));");
        text.AppendLine("}");
        text.AppendLine(Invariant($"static class Trainer{index}"));
        text.AppendLine("{");
        foreach (var member in members)
        {
            text.AppendLine(member.Replace("MODEL", Invariant($"Model{index}"), StringComparison.Ordinal));
        }

        text.AppendLine("}");
        return text.ToString();
    }

    private static readonly Func<int, string>[] DataMembers =
    {
        TorchBatch,
        TorchAccuracy,
        PrimitivesScaling,
        RuntimePrediction,
        TensorFlowBatch,
    };

    private static string PlainFile(int index, Random random)
    {
        var text = new StringBuilder();
        text.AppendLine("using System;");
        text.AppendLine("using System.Collections.Generic;");
        text.AppendLine("using System.Linq;");
        text.AppendLine("using System.Text;");
        text.AppendLine(Invariant($"namespace Generated.Plain{index};"));
        text.AppendLine(Invariant($"static class Utilities{index}"));
        text.AppendLine("{");
        var members = 6 + random.Next(4);
        for (var member = 0; member < members; member++)
        {
            text.AppendLine(PlainHelper((index * 100) + member));
            text.AppendLine(PlainText((index * 100) + member));
        }

        text.AppendLine("}");
        return text.ToString();
    }

    private static string RuntimeStep(int n) => Invariant($$"""
            static float RuntimeStep{{n}}(float[] logits, int[] labels, bool normalise)
            {
                var classes = {{2 + n % 7}};
                var scores = normalise ? Activations.Softmax(logits, classes) : logits;
                var predicted = Labels.ArgMax(Activations.Softmax(logits, classes), classes);
                var hits = 0;
                for (var i = 0; i < labels.Length; i++) { hits += predicted[i] == labels[i] ? 1 : 0; }
                return Losses.SparseSoftmaxCrossEntropyWithLogits(scores, labels, classes) + hits;
            }
        """);

    private static string RuntimeBufferLoop(int n) => Invariant($$"""
            static float RuntimeBuffer{{n}}(float[][] batches, float[] targets)
            {
                var probabilities = new float[batches[0].Length];
                float total = 0;
                foreach (var batch in batches)
                {
                    Activations.Sigmoid(batch, probabilities);
                    total += Losses.BinaryCrossEntropy(probabilities, targets);
                    total -= MathF.Log(Math.Clamp(probabilities[0], 1e-7f, 1f));
                    total += Losses.SigmoidCrossEntropyWithLogits(batch, targets);
                }
                return total;
            }
        """);

    private static string PrimitivesSoftMax(int n) => Invariant($$"""
            static void Primitives{{n}}(float[] scores, float[] destination, bool shift)
            {
                if (shift)
                {
                    var shifted = new float[scores.Length];
                    TensorPrimitives.Subtract(scores, TensorPrimitives.Max(scores), shifted);
                    TensorPrimitives.SoftMax(shifted, destination);
                }
                else
                {
                    TensorPrimitives.SoftMax(scores, destination);
                }
                TensorPrimitives.Log(destination, destination);
            }
        """);

    private static string TorchSequential(int n) => Invariant($$"""
            static Tensor Torch{{n}}(Tensor x, Tensor y)
            {
                var model = torch.nn.Sequential(("fc1", torch.nn.Linear(16, 32)), ("relu", torch.nn.ReLU()), ("fc2", torch.nn.Linear(32, {{1 + n % 4}})), ("out", torch.nn.Softmax(1)));
                var output = model.forward(x);
                var shown = F.softmax(output, 0);
                return torch.nn.CrossEntropyLoss().forward(output, y) + F.nll_loss(F.log_softmax(output, 1), y) + shown.sum();
            }
        """);

    private static string TorchTrainLoop(int n) => Invariant($$"""
            static void TorchTrain{{n}}()
            {
                var model = new MODEL();
                var loss = {{(n % 2 == 0 ? "torch.nn.NLLLoss()" : "torch.nn.CrossEntropyLoss()")}};
                for (var epoch = 0; epoch < 3; epoch++) { TorchEpoch{{n}}(model, loss, torch.randn(8, 32), torch.zeros(8, ScalarType.Int64)); }
            }

            static void TorchEpoch{{n}}(MODEL model, Loss<Tensor, Tensor, Tensor> criterion, Tensor data, Tensor target)
            {
                var prediction = model.call(data);
                var output = criterion.call(prediction, target);
                output.backward();
                var oneHot = F.one_hot(target, 10);
                F.cross_entropy(prediction, oneHot).backward();
            }
        """);

    private static string TensorFlowHandWritten(int n) => Invariant($$"""
            static Tensorflow.Tensor TensorFlow{{n}}(Tensorflow.Tensor x, Tensorflow.Tensor w, Tensorflow.Tensor y)
            {
                var tf = tfb.tf;
                Func<Tensorflow.Tensor, Tensorflow.Tensor> predict = input => tf.nn.softmax(tf.matmul(input, w));
                var p = predict(x);
                var crossEntropy = -tf.reduce_sum(y * tf.log(tf.clip_by_value(p, 1e-10f, 1.0f)));
                var labels = tf.cast(y, tf.int64);
                return crossEntropy + tf.nn.sparse_softmax_cross_entropy_with_logits(labels: labels, logits: p);
            }
        """);

    private static string KerasModel(int n) => Invariant($$"""
            static void Keras{{n}}(NDArray x, NDArray y)
            {
                var model = keras.Sequential();
                model.add(keras.layers.Dense(64, activation: "relu"));
                model.add(keras.layers.Dense({{1 + n % 10}}, activation: "{{(n % 2 == 0 ? "softmax" : "sigmoid")}}"));
                model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: {{(n % 3 == 0 ? "true" : "false")}}));
                model.fit(x, Tensorflow.Keras.Utils.np_utils.to_categorical(y, 10));
                if (n{{n}} > 1) { model.compile("adam", "categorical_crossentropy", new[] { "accuracy" }); }
            }

            static int n{{n}} = {{n}};
        """);

    private static string TorchBatch(int n) => Invariant($$"""
            static (Tensor Data, Tensor Target) TorchBatch{{n}}(float[] features, long[] labels, int rows)
            {
                var data = torch.tensor(features, new long[] { rows, features.Length / rows }).to_type(ScalarType.Float32);
                data = (data - data.mean()) / (data.std() + 1e-6f);
                var target = torch.tensor(labels).to_type(ScalarType.Int64);
                return (data.detach(), target);
            }
        """);

    private static string TorchAccuracy(int n) => Invariant($$"""
            static float TorchAccuracy{{n}}(Tensor output, Tensor target)
            {
                var predicted = output.argmax(1);
                var correct = predicted.eq(target).sum().ToSingle();
                return correct / Math.Max(1, target.shape[0]);
            }
        """);

    private static string PrimitivesScaling(int n) => Invariant($$"""
            static float[] PrimitivesScaling{{n}}(float[] values)
            {
                var scaled = new float[values.Length];
                var max = TensorPrimitives.Max(values);
                TensorPrimitives.Subtract(values, TensorPrimitives.Min(values), scaled);
                TensorPrimitives.Divide(scaled, Math.Max(max, 1e-6f), scaled);
                return scaled;
            }
        """);

    private static string RuntimePrediction(int n) => Invariant($$"""
            static int[] RuntimePrediction{{n}}(float[] logits, int classes)
            {
                var probabilities = new float[logits.Length];
                Activations.Sigmoid(logits, probabilities);
                var total = TensorPrimitives.Sum(probabilities);
                return total > 0 ? Labels.ArgMax(logits, classes) : new int[logits.Length / classes];
            }
        """);

    private static string TensorFlowBatch(int n) => Invariant($$"""
            static Tensorflow.Tensor TensorFlowBatch{{n}}(Tensorflow.Tensor x, Tensorflow.Tensor y)
            {
                var tf = tfb.tf;
                var centred = x - tf.reduce_mean(x);
                var labels = tf.cast(y, tf.int64);
                return tf.matmul(centred, tf.cast(labels, tf.float32));
            }
        """);

    private static string PlainHelper(int n) => Invariant($$"""
            static double Helper{{n}}(IReadOnlyList<double> values, int window)
            {
                double best = double.MinValue;
                for (var start = 0; start + window <= values.Count; start++)
                {
                    double sum = 0;
                    for (var i = start; i < start + window; i++) { sum += values[i] > 0 ? Math.Log(values[i]) : 0; }
                    best = Math.Max(best, sum / window);
                }
                return best;
            }
        """);

    private static string PlainText(int n) => Invariant($$"""
            static string Text{{n}}(IEnumerable<string> words)
            {
                var counts = new Dictionary<string, int>();
                foreach (var word in words.Where(w => w.Length > 2).Select(w => w.ToLowerInvariant()))
                {
                    counts[word] = counts.TryGetValue(word, out var count) ? count + 1 : 1;
                }
                var text = new StringBuilder();
                foreach (var pair in counts.OrderByDescending(p => p.Value).Take(10)) { text.Append(pair.Key).Append(':').Append(pair.Value).Append(' '); }
                return text.ToString();
            }
        """);

    /// <summary><paramref name="count"/> files, the <c>index</c>-th made by <paramref name="file"/>, all from one random sequence of <paramref name="seed"/>.</summary>
    internal static IReadOnlyList<string> Generate(int count, int seed, Func<int, Random, string> file)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(index => file(index, random)).ToList();
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
