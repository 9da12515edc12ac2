using System;
using Xunit;

namespace LossGuard.Runtime.Tests;

public sealed class ArgumentValidationTests
{
    [Fact]
    public void Logits_not_a_multiple_of_classes_name_the_logits()
    {
        var e = Assert.Throws<ArgumentException>(() => Losses.SparseSoftmaxCrossEntropyWithLogits(new float[5], new int[2], 2));

        Assert.Equal("logits", e.ParamName);
        Assert.StartsWith("The span logits has 5 elements, which is not a multiple of the number of classes (2).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_count_that_is_not_one_per_row_names_the_labels()
    {
        var e = Assert.Throws<ArgumentException>(() => Losses.SparseSoftmaxCrossEntropyWithLogits(new float[6], new int[2], 2));

        Assert.Equal("labels", e.ParamName);
    }

    [Theory]
    [InlineData(1, 2, "The span labels has 1 element, but 2 are expected (one class index per row).")]
    [InlineData(3, 1, "The span labels has 3 elements, but 1 is expected (one class index per row).")]
    [InlineData(0, 2, "The span labels has 0 elements, but 2 are expected (one class index per row).")]
    public void Length_messages_are_sentences_with_singular_and_plural(int labels, int rows, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => Losses.SparseSoftmaxCrossEntropyWithLogits(new float[rows * 2], new int[labels], 2));

        Assert.Equal($"{message} (Parameter 'labels')", e.Message);
    }

    [Fact]
    public void Short_destinations_say_how_many_elements_are_needed()
    {
        var destination = Assert.Throws<ArgumentException>(() => Activations.Softmax(new float[2], new float[1], 2));
        var rowLosses = Assert.Throws<ArgumentException>(() =>
            Losses.SparseSoftmaxCrossEntropyWithLogits(new float[2], new int[1], 2, reduction: Reduction.None, rowLosses: Span<float>.Empty));

        Assert.StartsWith("The span destination has 1 element, but at least 2 are needed.", destination.Message, StringComparison.Ordinal);
        Assert.StartsWith("Reduction.None writes one loss per row: the span rowLosses has 0 elements, but 1 is needed.", rowLosses.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_outside_the_classes_names_the_row_and_the_value()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Losses.SparseSoftmaxCrossEntropyWithLogits(new float[6], new[] { 0, 1, 7 }, 2));

        Assert.Equal("labels", e.ParamName);
        Assert.StartsWith("The label labels[2] = 7 is not a class index in [0, 2) nor the ignore index (-100).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ignore_index_is_accepted_but_other_negative_labels_are_not()
    {
        Losses.SparseSoftmaxCrossEntropyWithLogits(new float[4], new[] { -100, 1 }, 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Losses.SparseSoftmaxCrossEntropyWithLogits(new float[4], new[] { -1, 1 }, 2));

        Assert.Contains("labels[0] = -1", e.Message);
    }

    [Fact]
    public void Classes_must_be_positive()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Activations.Softmax(new float[4], 0));

        Assert.Equal("classes", e.ParamName);
        Assert.StartsWith("The number of classes must be positive.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_gradient_destination_and_row_losses_are_named()
    {
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() =>
            Losses.SigmoidCrossEntropyWithLogits(new float[4], new float[4], new float[3])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() =>
            Activations.Softmax(new float[4], new float[3], 2)).ParamName);
        Assert.Equal("rowLosses", Assert.Throws<ArgumentException>(() =>
            Losses.SparseSoftmaxCrossEntropyWithLogits(new float[4], new int[2], 2, reduction: Reduction.None)).ParamName);
        Assert.Equal("classWeights", Assert.Throws<ArgumentException>(() =>
            Losses.SparseSoftmaxCrossEntropyWithLogits(new float[4], new int[2], 2, classWeights: new float[3])).ParamName);
    }

    [Fact]
    public void Dense_labels_must_match_the_logits()
    {
        var e = Assert.Throws<ArgumentException>(() => Losses.SoftmaxCrossEntropyWithLogits(new float[4], new float[3], 2));

        Assert.Equal("labels", e.ParamName);
    }
}
