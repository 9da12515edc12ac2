using System;
using LossGuard.Internal;

namespace LossGuard;

/// <summary>
/// Cross-entropy losses over row-major <c>[rows, classes]</c> spans. The <c>*WithLogits</c> methods are fused and
/// numerically stable: give them raw logits, never softmax or sigmoid output. <c>gradient</c>, when given, receives
/// d(loss)/d(logits), already scaled by the reduction, and may be the logits buffer itself.
/// With <see cref="Reduction.None"/>, per-row losses go to <c>rowLosses</c> and the return value is their sum.
/// </summary>
public static class Losses
{
    /// <summary>The class index that sparse losses skip by default (PyTorch's <c>ignore_index</c>).</summary>
    public const int DefaultIgnoreIndex = -100;

    /// <summary>Softmax cross-entropy against one-hot or distribution <paramref name="labels"/> (one per logit).</summary>
    /// <param name="logits">Raw scores, <c>[rows, classes]</c>.</param>
    /// <param name="labels">Target distribution per row, same shape as the logits.</param>
    /// <param name="classes">Classes per row.</param>
    /// <param name="gradient">Optional: receives d(loss)/d(logits); may alias <paramref name="logits"/>.</param>
    /// <param name="reduction">Mean over rows (default), sum, or none.</param>
    /// <param name="classWeights">Optional: one weight per class, applied to the target mass of that class.</param>
    /// <param name="labelSmoothing">Mixes each target row with the uniform distribution: (1 - s) t + s / classes.</param>
    /// <param name="rowLosses">Optional (required for <see cref="Reduction.None"/>): receives each row's loss.</param>
    public static float SoftmaxCrossEntropyWithLogits(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> labels, int classes,
        Span<float> gradient = default, Reduction reduction = Reduction.Mean,
        ReadOnlySpan<float> classWeights = default, float labelSmoothing = 0, Span<float> rowLosses = default) =>
        SoftmaxCrossEntropyKernel.Dense(logits, labels, classes, gradient, reduction, classWeights, labelSmoothing, rowLosses);

    /// <summary>Softmax cross-entropy against integer class indices (one per row).</summary>
    /// <param name="logits">Raw scores, <c>[rows, classes]</c>.</param>
    /// <param name="labels">The class index of each row, in [0, classes), or <paramref name="ignoreIndex"/>.</param>
    /// <param name="classes">Classes per row.</param>
    /// <param name="gradient">Optional: receives d(loss)/d(logits); may alias <paramref name="logits"/>.</param>
    /// <param name="reduction">Mean over non-ignored rows, weighted by their class weight (default), sum, or none.</param>
    /// <param name="classWeights">Optional: one weight per class.</param>
    /// <param name="labelSmoothing">Mixes each one-hot target with the uniform distribution.</param>
    /// <param name="ignoreIndex">Rows with this label add nothing to the loss or the gradient.</param>
    /// <param name="rowLosses">Optional (required for <see cref="Reduction.None"/>): receives each row's loss.</param>
    public static float SparseSoftmaxCrossEntropyWithLogits(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, int classes,
        Span<float> gradient = default, Reduction reduction = Reduction.Mean,
        ReadOnlySpan<float> classWeights = default, float labelSmoothing = 0, int ignoreIndex = DefaultIgnoreIndex,
        Span<float> rowLosses = default) =>
        SoftmaxCrossEntropyKernel.Sparse(logits, labels, classes, gradient, reduction, classWeights, labelSmoothing, ignoreIndex, rowLosses);

    /// <summary>Elementwise sigmoid (binary) cross-entropy on raw logits, as one fused, overflow-free expression.</summary>
    /// <param name="logits">Raw scores, any shape.</param>
    /// <param name="targets">Targets in [0, 1], one per logit.</param>
    /// <param name="gradient">Optional: receives d(loss)/d(logits); may alias <paramref name="logits"/>.</param>
    /// <param name="reduction">Mean over elements (default), sum, or none.</param>
    /// <param name="positiveWeight">Weight of the positive term (PyTorch's <c>pos_weight</c>).</param>
    /// <param name="labelSmoothing">Moves each target towards 0.5: t (1 - s) + s / 2.</param>
    /// <param name="rowLosses">Optional (required for <see cref="Reduction.None"/>): receives each element's loss.</param>
    public static float SigmoidCrossEntropyWithLogits(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> targets,
        Span<float> gradient = default, Reduction reduction = Reduction.Mean,
        float positiveWeight = 1, float labelSmoothing = 0, Span<float> rowLosses = default) =>
        SigmoidCrossEntropyKernel.Compute(logits, targets, gradient, reduction, positiveWeight, labelSmoothing, rowLosses);

    /// <summary>
    /// Additive angular margin softmax cross-entropy (ArcFace, Deng et al. 2019) on cosine similarities between
    /// normalised embeddings and normalised class centres: the target class's cos(theta) becomes cos(theta + margin),
    /// every logit is multiplied by <paramref name="scale"/>, then softmax cross-entropy, fused and stable.
    /// </summary>
    /// <param name="cosines">cos(theta) per row and class, <c>[rows, classes]</c>, in [-1, 1] (clamped).</param>
    /// <param name="labels">The class index of each row, or <paramref name="ignoreIndex"/>.</param>
    /// <param name="classes">Classes per row.</param>
    /// <param name="gradient">Optional: receives d(loss)/d(cosines); may alias <paramref name="cosines"/>.</param>
    /// <param name="reduction">Mean over non-ignored rows (default), sum, or none.</param>
    /// <param name="margin">The additive angular margin m in radians, in [0, pi/2) (0.5 in the paper).</param>
    /// <param name="scale">The scale s of the logits (64 in the paper).</param>
    /// <param name="easyMargin">Apply the margin only while cos(theta) &gt; 0; otherwise past theta = pi - m the target
    /// logit is cos(theta) - m sin(m), which keeps it decreasing in theta.</param>
    /// <param name="ignoreIndex">Rows with this label add nothing to the loss or the gradient.</param>
    /// <param name="rowLosses">Optional (required for <see cref="Reduction.None"/>): receives each row's loss.</param>
    public static float AdditiveAngularMarginCrossEntropy(
        ReadOnlySpan<float> cosines, ReadOnlySpan<int> labels, int classes,
        Span<float> gradient = default, Reduction reduction = Reduction.Mean,
        float margin = 0.5f, float scale = 64, bool easyMargin = false, int ignoreIndex = DefaultIgnoreIndex,
        Span<float> rowLosses = default) =>
        AngularMarginKernel.Compute(cosines, labels, classes, gradient, reduction, margin, scale, easyMargin, ignoreIndex, rowLosses);

    /// <summary>Categorical cross-entropy of probabilities (rows renormalised, clipped to [1e-7, 1 - 1e-7] like Keras).</summary>
    /// <param name="probabilities">Class probabilities, <c>[rows, classes]</c> (softmax output, not logits); each row is divided by its sum.</param>
    /// <param name="labels">Target distribution per row (one-hot or soft), same shape as the probabilities.</param>
    /// <param name="classes">Classes per row.</param>
    /// <param name="reduction">Mean over rows (default), sum, or none.</param>
    /// <param name="rowLosses">Optional (required for <see cref="Reduction.None"/>): receives each row's loss.</param>
    public static float CategoricalCrossEntropy(
        ReadOnlySpan<float> probabilities, ReadOnlySpan<float> labels, int classes,
        Reduction reduction = Reduction.Mean, Span<float> rowLosses = default) =>
        ProbabilityLossKernel.Categorical(probabilities, labels, classes, reduction, rowLosses);

    /// <summary>Cross-entropy of probabilities against class indices (clipped like Keras).</summary>
    /// <param name="probabilities">Class probabilities, <c>[rows, classes]</c> (softmax output, not logits).</param>
    /// <param name="labels">The class index of each row, in [0, classes).</param>
    /// <param name="classes">Classes per row.</param>
    /// <param name="reduction">Mean over rows (default), sum, or none.</param>
    /// <param name="rowLosses">Optional (required for <see cref="Reduction.None"/>): receives each row's loss.</param>
    public static float SparseCategoricalCrossEntropy(
        ReadOnlySpan<float> probabilities, ReadOnlySpan<int> labels, int classes,
        Reduction reduction = Reduction.Mean, Span<float> rowLosses = default) =>
        ProbabilityLossKernel.SparseCategorical(probabilities, labels, classes, reduction, rowLosses);

    /// <summary>Binary cross-entropy of independent probabilities (clipped like Keras).</summary>
    /// <param name="probabilities">Probabilities in [0, 1] (sigmoid output, not logits), any shape.</param>
    /// <param name="targets">Targets in [0, 1], one per probability.</param>
    /// <param name="reduction">Mean over elements (default), sum, or none.</param>
    /// <param name="rowLosses">Optional (required for <see cref="Reduction.None"/>): receives each element's loss.</param>
    public static float BinaryCrossEntropy(
        ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets,
        Reduction reduction = Reduction.Mean, Span<float> rowLosses = default) =>
        ProbabilityLossKernel.Binary(probabilities, targets, reduction, rowLosses);

    /// <summary>Negative log-likelihood of log-probabilities (for example <see cref="Activations.LogSoftmax(ReadOnlySpan{float}, int)"/> output).</summary>
    /// <param name="logProbabilities">Log-probabilities, <c>[rows, classes]</c>; the loss of a row is minus the value at its label.</param>
    /// <param name="labels">The class index of each row, in [0, classes).</param>
    /// <param name="classes">Classes per row.</param>
    /// <param name="reduction">Mean over rows (default), sum, or none.</param>
    /// <param name="rowLosses">Optional (required for <see cref="Reduction.None"/>): receives each row's loss.</param>
    public static float NegativeLogLikelihood(
        ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> labels, int classes,
        Reduction reduction = Reduction.Mean, Span<float> rowLosses = default) =>
        ProbabilityLossKernel.NegativeLogLikelihood(logProbabilities, labels, classes, reduction, rowLosses);

    /// <summary>Softmax cross-entropy against one-hot or distribution <paramref name="labels"/> (one per logit).</summary>
    /// <param name="logits">Raw scores, <c>[rows, classes]</c>.</param>
    /// <param name="labels">Target distribution per row, same shape as the logits.</param>
    /// <param name="classes">Classes per row.</param>
    /// <param name="gradient">Optional: receives d(loss)/d(logits); may alias <paramref name="logits"/>.</param>
    /// <param name="reduction">Mean over rows (default), sum, or none.</param>
    /// <param name="classWeights">Optional: one weight per class, applied to the target mass of that class.</param>
    /// <param name="labelSmoothing">Mixes each target row with the uniform distribution: (1 - s) t + s / classes.</param>
    /// <param name="rowLosses">Optional (required for <see cref="Reduction.None"/>): receives each row's loss.</param>
    public static double SoftmaxCrossEntropyWithLogits(
        ReadOnlySpan<double> logits, ReadOnlySpan<double> labels, int classes,
        Span<double> gradient = default, Reduction reduction = Reduction.Mean,
        ReadOnlySpan<double> classWeights = default, double labelSmoothing = 0, Span<double> rowLosses = default) =>
        SoftmaxCrossEntropyKernel.Dense(logits, labels, classes, gradient, reduction, classWeights, labelSmoothing, rowLosses);

    /// <summary>Softmax cross-entropy against integer class indices (one per row).</summary>
    /// <param name="logits">Raw scores, <c>[rows, classes]</c>.</param>
    /// <param name="labels">The class index of each row, in [0, classes), or <paramref name="ignoreIndex"/>.</param>
    /// <param name="classes">Classes per row.</param>
    /// <param name="gradient">Optional: receives d(loss)/d(logits); may alias <paramref name="logits"/>.</param>
    /// <param name="reduction">Mean over non-ignored rows, weighted by their class weight (default), sum, or none.</param>
    /// <param name="classWeights">Optional: one weight per class.</param>
    /// <param name="labelSmoothing">Mixes each one-hot target with the uniform distribution.</param>
    /// <param name="ignoreIndex">Rows with this label add nothing to the loss or the gradient.</param>
    /// <param name="rowLosses">Optional (required for <see cref="Reduction.None"/>): receives each row's loss.</param>
    public static double SparseSoftmaxCrossEntropyWithLogits(
        ReadOnlySpan<double> logits, ReadOnlySpan<int> labels, int classes,
        Span<double> gradient = default, Reduction reduction = Reduction.Mean,
        ReadOnlySpan<double> classWeights = default, double labelSmoothing = 0, int ignoreIndex = DefaultIgnoreIndex,
        Span<double> rowLosses = default) =>
        SoftmaxCrossEntropyKernel.Sparse(logits, labels, classes, gradient, reduction, classWeights, labelSmoothing, ignoreIndex, rowLosses);

    /// <summary>Elementwise sigmoid (binary) cross-entropy on raw logits, as one fused, overflow-free expression.</summary>
    /// <param name="logits">Raw scores, any shape.</param>
    /// <param name="targets">Targets in [0, 1], one per logit.</param>
    /// <param name="gradient">Optional: receives d(loss)/d(logits); may alias <paramref name="logits"/>.</param>
    /// <param name="reduction">Mean over elements (default), sum, or none.</param>
    /// <param name="positiveWeight">Weight of the positive term (PyTorch's <c>pos_weight</c>).</param>
    /// <param name="labelSmoothing">Moves each target towards 0.5: t (1 - s) + s / 2.</param>
    /// <param name="rowLosses">Optional (required for <see cref="Reduction.None"/>): receives each element's loss.</param>
    public static double SigmoidCrossEntropyWithLogits(
        ReadOnlySpan<double> logits, ReadOnlySpan<double> targets,
        Span<double> gradient = default, Reduction reduction = Reduction.Mean,
        double positiveWeight = 1, double labelSmoothing = 0, Span<double> rowLosses = default) =>
        SigmoidCrossEntropyKernel.Compute(logits, targets, gradient, reduction, positiveWeight, labelSmoothing, rowLosses);

    /// <summary>
    /// Additive angular margin softmax cross-entropy (ArcFace, Deng et al. 2019) on cosine similarities between
    /// normalised embeddings and normalised class centres: the target class's cos(theta) becomes cos(theta + margin),
    /// every logit is multiplied by <paramref name="scale"/>, then softmax cross-entropy, fused and stable.
    /// </summary>
    /// <param name="cosines">cos(theta) per row and class, <c>[rows, classes]</c>, in [-1, 1] (clamped).</param>
    /// <param name="labels">The class index of each row, or <paramref name="ignoreIndex"/>.</param>
    /// <param name="classes">Classes per row.</param>
    /// <param name="gradient">Optional: receives d(loss)/d(cosines); may alias <paramref name="cosines"/>.</param>
    /// <param name="reduction">Mean over non-ignored rows (default), sum, or none.</param>
    /// <param name="margin">The additive angular margin m in radians, in [0, pi/2) (0.5 in the paper).</param>
    /// <param name="scale">The scale s of the logits (64 in the paper).</param>
    /// <param name="easyMargin">Apply the margin only while cos(theta) &gt; 0; otherwise past theta = pi - m the target
    /// logit is cos(theta) - m sin(m), which keeps it decreasing in theta.</param>
    /// <param name="ignoreIndex">Rows with this label add nothing to the loss or the gradient.</param>
    /// <param name="rowLosses">Optional (required for <see cref="Reduction.None"/>): receives each row's loss.</param>
    public static double AdditiveAngularMarginCrossEntropy(
        ReadOnlySpan<double> cosines, ReadOnlySpan<int> labels, int classes,
        Span<double> gradient = default, Reduction reduction = Reduction.Mean,
        double margin = 0.5, double scale = 64, bool easyMargin = false, int ignoreIndex = DefaultIgnoreIndex,
        Span<double> rowLosses = default) =>
        AngularMarginKernel.Compute(cosines, labels, classes, gradient, reduction, margin, scale, easyMargin, ignoreIndex, rowLosses);

    /// <summary>Categorical cross-entropy of probabilities (rows renormalised, clipped to [1e-7, 1 - 1e-7] like Keras).</summary>
    /// <param name="probabilities">Class probabilities, <c>[rows, classes]</c> (softmax output, not logits); each row is divided by its sum.</param>
    /// <param name="labels">Target distribution per row (one-hot or soft), same shape as the probabilities.</param>
    /// <param name="classes">Classes per row.</param>
    /// <param name="reduction">Mean over rows (default), sum, or none.</param>
    /// <param name="rowLosses">Optional (required for <see cref="Reduction.None"/>): receives each row's loss.</param>
    public static double CategoricalCrossEntropy(
        ReadOnlySpan<double> probabilities, ReadOnlySpan<double> labels, int classes,
        Reduction reduction = Reduction.Mean, Span<double> rowLosses = default) =>
        ProbabilityLossKernel.Categorical(probabilities, labels, classes, reduction, rowLosses);

    /// <summary>Cross-entropy of probabilities against class indices (clipped like Keras).</summary>
    /// <param name="probabilities">Class probabilities, <c>[rows, classes]</c> (softmax output, not logits).</param>
    /// <param name="labels">The class index of each row, in [0, classes).</param>
    /// <param name="classes">Classes per row.</param>
    /// <param name="reduction">Mean over rows (default), sum, or none.</param>
    /// <param name="rowLosses">Optional (required for <see cref="Reduction.None"/>): receives each row's loss.</param>
    public static double SparseCategoricalCrossEntropy(
        ReadOnlySpan<double> probabilities, ReadOnlySpan<int> labels, int classes,
        Reduction reduction = Reduction.Mean, Span<double> rowLosses = default) =>
        ProbabilityLossKernel.SparseCategorical(probabilities, labels, classes, reduction, rowLosses);

    /// <summary>Binary cross-entropy of independent probabilities (clipped like Keras).</summary>
    /// <param name="probabilities">Probabilities in [0, 1] (sigmoid output, not logits), any shape.</param>
    /// <param name="targets">Targets in [0, 1], one per probability.</param>
    /// <param name="reduction">Mean over elements (default), sum, or none.</param>
    /// <param name="rowLosses">Optional (required for <see cref="Reduction.None"/>): receives each element's loss.</param>
    public static double BinaryCrossEntropy(
        ReadOnlySpan<double> probabilities, ReadOnlySpan<double> targets,
        Reduction reduction = Reduction.Mean, Span<double> rowLosses = default) =>
        ProbabilityLossKernel.Binary(probabilities, targets, reduction, rowLosses);

    /// <summary>Negative log-likelihood of log-probabilities (for example <see cref="Activations.LogSoftmax(ReadOnlySpan{double}, int)"/> output).</summary>
    /// <param name="logProbabilities">Log-probabilities, <c>[rows, classes]</c>; the loss of a row is minus the value at its label.</param>
    /// <param name="labels">The class index of each row, in [0, classes).</param>
    /// <param name="classes">Classes per row.</param>
    /// <param name="reduction">Mean over rows (default), sum, or none.</param>
    /// <param name="rowLosses">Optional (required for <see cref="Reduction.None"/>): receives each row's loss.</param>
    public static double NegativeLogLikelihood(
        ReadOnlySpan<double> logProbabilities, ReadOnlySpan<int> labels, int classes,
        Reduction reduction = Reduction.Mean, Span<double> rowLosses = default) =>
        ProbabilityLossKernel.NegativeLogLikelihood(logProbabilities, labels, classes, reduction, rowLosses);
}
