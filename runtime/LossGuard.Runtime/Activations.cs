using System;
using LossGuard.Internal;

namespace LossGuard;

/// <summary>
/// Numerically stable activations over row-major <c>[rows, classes]</c> spans. Use them for predictions and metrics;
/// a loss on raw logits belongs in <see cref="Losses"/>' fused <c>*WithLogits</c> methods.
/// </summary>
public static class Activations
{
    /// <summary>Row-wise softmax, max-subtracted (never overflows).</summary>
    /// <param name="logits">Raw scores, <c>[rows, classes]</c>.</param>
    /// <param name="classes">Classes per row.</param>
    /// <returns>The probabilities, same shape as the logits.</returns>
    public static float[] Softmax(ReadOnlySpan<float> logits, int classes)
    {
        var result = ActivationKernel.Allocate<float>(logits.Length);
        Softmax(logits, result, classes);
        return result;
    }

    /// <summary>Row-wise softmax into <paramref name="destination"/>, which may be the logits buffer.</summary>
    /// <param name="logits">Raw scores, <c>[rows, classes]</c>.</param>
    /// <param name="destination">Receives the result, at least as long as <paramref name="logits"/>.</param>
    /// <param name="classes">Classes per row.</param>
    public static void Softmax(ReadOnlySpan<float> logits, Span<float> destination, int classes) =>
        ActivationKernel.Softmax(logits, destination, classes, logarithm: false);

    /// <summary>Row-wise log-softmax, z - logsumexp(z).</summary>
    /// <param name="logits">Raw scores, <c>[rows, classes]</c>.</param>
    /// <param name="classes">Classes per row.</param>
    /// <returns>The log-probabilities, same shape as the logits.</returns>
    public static float[] LogSoftmax(ReadOnlySpan<float> logits, int classes)
    {
        var result = ActivationKernel.Allocate<float>(logits.Length);
        LogSoftmax(logits, result, classes);
        return result;
    }

    /// <summary>Row-wise log-softmax into <paramref name="destination"/>, which may be the logits buffer.</summary>
    /// <param name="logits">Raw scores, <c>[rows, classes]</c>.</param>
    /// <param name="destination">Receives the result, at least as long as <paramref name="logits"/>.</param>
    /// <param name="classes">Classes per row.</param>
    public static void LogSoftmax(ReadOnlySpan<float> logits, Span<float> destination, int classes) =>
        ActivationKernel.Softmax(logits, destination, classes, logarithm: true);

    /// <summary>Elementwise logistic sigmoid.</summary>
    /// <param name="logits">Raw scores, any shape.</param>
    /// <returns>The probabilities, one per logit.</returns>
    public static float[] Sigmoid(ReadOnlySpan<float> logits)
    {
        var result = ActivationKernel.Allocate<float>(logits.Length);
        Sigmoid(logits, result);
        return result;
    }

    /// <summary>Elementwise logistic sigmoid into <paramref name="destination"/>.</summary>
    /// <param name="logits">Raw scores, any shape.</param>
    /// <param name="destination">Receives the result, at least as long as <paramref name="logits"/>.</param>
    public static void Sigmoid(ReadOnlySpan<float> logits, Span<float> destination) =>
        ActivationKernel.Sigmoid(logits, destination, logarithm: false);

    /// <summary>Elementwise log(sigmoid(x)) = -softplus(-x).</summary>
    /// <param name="logits">Raw scores, any shape.</param>
    /// <returns>The log-probabilities, one per logit.</returns>
    public static float[] LogSigmoid(ReadOnlySpan<float> logits)
    {
        var result = ActivationKernel.Allocate<float>(logits.Length);
        LogSigmoid(logits, result);
        return result;
    }

    /// <summary>Elementwise log(sigmoid(x)) into <paramref name="destination"/>.</summary>
    /// <param name="logits">Raw scores, any shape.</param>
    /// <param name="destination">Receives the result, at least as long as <paramref name="logits"/>.</param>
    public static void LogSigmoid(ReadOnlySpan<float> logits, Span<float> destination) =>
        ActivationKernel.Sigmoid(logits, destination, logarithm: true);

    /// <inheritdoc cref="Softmax(ReadOnlySpan{float}, int)"/>
    public static double[] Softmax(ReadOnlySpan<double> logits, int classes)
    {
        var result = ActivationKernel.Allocate<double>(logits.Length);
        Softmax(logits, result, classes);
        return result;
    }

    /// <inheritdoc cref="Softmax(ReadOnlySpan{float}, Span{float}, int)"/>
    public static void Softmax(ReadOnlySpan<double> logits, Span<double> destination, int classes) =>
        ActivationKernel.Softmax(logits, destination, classes, logarithm: false);

    /// <inheritdoc cref="LogSoftmax(ReadOnlySpan{float}, int)"/>
    public static double[] LogSoftmax(ReadOnlySpan<double> logits, int classes)
    {
        var result = ActivationKernel.Allocate<double>(logits.Length);
        LogSoftmax(logits, result, classes);
        return result;
    }

    /// <inheritdoc cref="LogSoftmax(ReadOnlySpan{float}, Span{float}, int)"/>
    public static void LogSoftmax(ReadOnlySpan<double> logits, Span<double> destination, int classes) =>
        ActivationKernel.Softmax(logits, destination, classes, logarithm: true);

    /// <inheritdoc cref="Sigmoid(ReadOnlySpan{float})"/>
    public static double[] Sigmoid(ReadOnlySpan<double> logits)
    {
        var result = ActivationKernel.Allocate<double>(logits.Length);
        Sigmoid(logits, result);
        return result;
    }

    /// <inheritdoc cref="Sigmoid(ReadOnlySpan{float}, Span{float})"/>
    public static void Sigmoid(ReadOnlySpan<double> logits, Span<double> destination) =>
        ActivationKernel.Sigmoid(logits, destination, logarithm: false);

    /// <inheritdoc cref="LogSigmoid(ReadOnlySpan{float})"/>
    public static double[] LogSigmoid(ReadOnlySpan<double> logits)
    {
        var result = ActivationKernel.Allocate<double>(logits.Length);
        LogSigmoid(logits, result);
        return result;
    }

    /// <inheritdoc cref="LogSigmoid(ReadOnlySpan{float}, Span{float})"/>
    public static void LogSigmoid(ReadOnlySpan<double> logits, Span<double> destination) =>
        ActivationKernel.Sigmoid(logits, destination, logarithm: true);
}
