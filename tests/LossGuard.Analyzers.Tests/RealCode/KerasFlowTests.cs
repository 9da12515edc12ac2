using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// Keras code as real TensorFlow.NET projects write it: layers made through a <c>LayersApi</c> of their own (a local,
/// a base-class field, inline) are the layers <c>keras.layers</c> makes; a model held in a field or auto-property that
/// one member assigns and another compiles holds, in the compiling member, what every assignment agrees on.
/// </summary>
public sealed class KerasFlowTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using Tensorflow;
        using Tensorflow.Keras;
        using Tensorflow.Keras.Engine;
        using Tensorflow.Keras.Layers;
        using Tensorflow.NumPy;
        using static Tensorflow.KerasApi;

        """;

    [Fact]
    public Task A_softmax_dense_layer_made_by_a_LayersApi_in_a_local_is_the_models_output()
    {
        const string source = Usings + """
            static class Mnist
            {
                static IModel Build()
                {
                    var inputs = keras.Input(shape: 784);
                    var layers = new LayersApi();
                    var hidden = layers.Dense(64, activation: keras.activations.Relu).Apply(inputs);
                    var outputs = {|#1:layers.Dense(10, activation: "softmax")|}.Apply(hidden);
                    var model = keras.Model(inputs, outputs, name: "mnist");
                    model.compile(loss: {|#0:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|}, optimizer: keras.optimizers.Adam(), metrics: new[] { "accuracy" });
                    return model;
                }
            }
            """;
        return Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.SoftmaxIntoLogitsLoss).WithLocation(0).WithLocation(1)
                .WithArguments("SparseCategoricalCrossentropy", "the model's output", "keras.layers.Dense", "15", "use from_logits: false, or remove the layer's activation \"softmax\" (make the layer linear)"));
    }

    [Fact]
    public Task Layers_made_by_a_protected_LayersApi_field_of_a_base_class_are_keras_layers()
    {
        const string source = Usings + """
            public abstract class Example
            {
                protected LayersApi layers = new LayersApi();

                public IModel Model;
            }

            public class LeNet : Example
            {
                public void BuildModel()
                {
                    var inputs = keras.Input(shape: 784);
                    var outputs = layers.Dense(10, activation: keras.activations.Softmax).Apply(inputs);
                    Model = keras.Model(inputs, outputs);
                    Model.compile(loss: {|#0:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|}, optimizer: keras.optimizers.Adam(), metrics: new[] { "accuracy" });
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_layer_made_by_an_inline_new_LayersApi_is_a_keras_layer()
    {
        const string source = Usings + """
            static class Inline
            {
                static void Build()
                {
                    var inputs = keras.Input(shape: 784);
                    var outputs = new LayersApi().Dense(10, "softmax").Apply(inputs);
                    var model = keras.Model(inputs, outputs);
                    model.compile(keras.optimizers.Adam(), {|#0:keras.losses.CategoricalCrossentropy(from_logits: true)|});

                    var stacked = keras.Sequential(new LayersApi().Dense(10), new LayersApi().Softmax(-1));
                    stacked.compile(keras.optimizers.Adam(), {|#1:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|});
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss), Finding.At(Descriptors.SoftmaxIntoLogitsLoss, 1));
    }

    [Fact]
    public Task A_model_field_assigned_from_a_layer_list_in_one_method_and_compiled_in_another_is_followed()
    {
        const string source = Usings + """
            class IntentClassifier
            {
                private IModel _model;

                private void Build(int labels)
                {
                    var layers = new List<ILayer>
                    {
                        keras.layers.Dense(256, activation: "relu"),
                        keras.layers.Dense(labels, activation: keras.activations.Softmax),
                    };
                    _model = keras.Sequential(layers);
                }

                private void Fit()
                {
                    _model.compile(optimizer: keras.optimizers.Adam(0.001f),
                        loss: {|#0:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|},
                        metrics: new[] { "accuracy" });
                }

                public void Train(int labels)
                {
                    Build(labels);
                    Fit();
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_model_field_assigned_with_its_layers_inline_in_one_method_and_compiled_in_another_is_followed()
    {
        const string source = Usings + """
            class Classifier
            {
                private IModel model;

                public void Build(int classes) =>
                    model = keras.Sequential(new List<ILayer> { keras.layers.Dense(64, activation: "relu"), keras.layers.Dense(classes) });

                public void Compile() =>
                    model.compile(keras.optimizers.Adam(), {|#0:keras.losses.SparseCategoricalCrossentropy()|});
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.WrongDomainForLoss));
    }

    [Fact]
    public Task A_readonly_model_field_assigned_in_the_constructor_is_followed_into_a_method_that_compiles_it()
    {
        const string source = Usings + """
            class Trainer
            {
                private readonly IModel _model;

                public Trainer(int labels)
                {
                    _model = keras.Sequential(new List<ILayer>
                    {
                        keras.layers.Dense(256, activation: "relu"),
                        keras.layers.Dense(labels, activation: "softmax"),
                    });
                }

                public void Fit(NDArray x, NDArray y)
                {
                    _model.compile(optimizer: keras.optimizers.Adam(0.001f),
                        loss: {|#0:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|},
                        metrics: new[] { "accuracy" });
                    _model.fit(x, y, epochs: 5);
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss));
    }

    [Fact]
    public Task A_model_auto_property_with_a_private_setter_assigned_in_the_constructor_is_followed()
    {
        const string source = Usings + """
            public class Detector
            {
                public Detector()
                {
                    var inputs = keras.Input(shape: 16);
                    var outputs = keras.layers.Dense(1, activation: keras.activations.Sigmoid).Apply(inputs);
                    Model = keras.Model(inputs, outputs);
                }

                public IModel Model { get; private set; }

                public void Compile() =>
                    Model.compile(keras.optimizers.Adam(), {|#0:keras.losses.BinaryCrossentropy(from_logits: true)|});
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SigmoidIntoLogitsLoss));
    }

    [Fact]
    public Task A_model_field_that_two_methods_compile_is_still_followed_in_each()
    {
        const string source = Usings + """
            class Experiments
            {
                private Sequential model;

                public Experiments() => model = keras.Sequential(keras.layers.Dense(32, activation: "relu"), keras.layers.Dense(10, activation: "softmax"));

                public void First() => model.compile(keras.optimizers.Adam(), {|#0:keras.losses.SparseCategoricalCrossentropy(from_logits: true)|});

                public void Second() => model.compile(keras.optimizers.SGD(), {|#1:keras.losses.CategoricalCrossentropy(from_logits: true)|});
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.SoftmaxIntoLogitsLoss), Finding.At(Descriptors.SoftmaxIntoLogitsLoss, 1));
    }

    [Fact]
    public Task A_model_field_built_and_compiled_in_one_method_is_followed_into_the_fit_of_another()
    {
        const string source = Usings + """
            class Pipeline
            {
                private IModel model;

                private void Build()
                {
                    model = keras.Sequential(keras.layers.Dense(10));
                    model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
                }

                public void Train(NDArray x, NDArray y)
                {
                    Build();
                    model.fit(x, {|#0:Tensorflow.Keras.Utils.np_utils.to_categorical(y, 10)|});
                }
            }
            """;
        return Verify.AnalyzerAsync(source, Finding.At(Descriptors.OneHotIntoSparseLoss));
    }
}
