namespace LossGuard.Analyzers.Tests.Infrastructure;

/// <summary>The usings that open test sources written as eager TensorFlow.NET / Keras code is (six lines and a blank one).</summary>
internal static class TensorFlowUsings
{
    public const string Eager = """
        using Tensorflow;
        using Tensorflow.Keras;
        using Tensorflow.Keras.ArgsDefinition;
        using Tensorflow.Keras.Engine;
        using static Tensorflow.Binding;
        using static Tensorflow.KerasApi;

        """;

    /// <summary>Those and three more for Keras model code as projects write it: layer lists, <c>NDArray</c> labels, their own <c>LayersApi</c>.</summary>
    public const string Keras = Eager + """
        using System.Collections.Generic;
        using Tensorflow.Keras.Layers;
        using Tensorflow.NumPy;

        """;
}
