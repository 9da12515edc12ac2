using System.Collections.Immutable;

namespace LossGuard.Analyzers.Knowledge;

/// <summary>TensorFlow.NET 0.150 (<c>tf</c>, <c>tf.nn</c>, <c>tf.math</c>, <c>tf.losses</c>) and TensorFlow.Keras 0.15 (layers, losses, models).</summary>
internal static class TensorFlowTable
{
    private const string Tf = "Tensorflow.tensorflow";
    private const string Nn = "Tensorflow.tensorflow+nn_internal";
    private const string Math = "Tensorflow.tensorflow+MathApi";
    private const string Losses = "Tensorflow.LossesImpl";
    private const string KerasLosses = "Tensorflow.Keras.Losses.";
    private const string LossesApi = "Tensorflow.Keras.Losses.ILossesApi";
    private const string LayersApi = "Tensorflow.Keras.Layers.ILayersApi";
    private const string FusedSoftmax = "softmax_cross_entropy_with_logits";
    private const string FusedSigmoid = "sigmoid_cross_entropy_with_logits";
    private const string Keras = "global::Tensorflow.KerasApi.keras.";
    private const string SparseSoftmax = "sparse_softmax_cross_entropy_with_logits";

    /// <summary>The table, built once per process and only when a compilation references a library.</summary>
    public static LibrarySource Source { get; } = new(
        "TensorFlow.NET",
        ImmutableArray.Create(Tf, "Tensorflow.KerasApi"),
        ImmutableArray.Create("Tensorflow.Binding", "Tensorflow.Keras"),
        Create);

    private static LibraryTable Create() => new(
        Source.Name,
        Source.MarkerTypes,
        ImmutableArray.Create(
            new ProducerEntry(Nn, "softmax", ValueDomain.Probabilities, "logits", FusedLog: FusedSoftmax, SigmoidVariant: "sigmoid"),
            new ProducerEntry(Nn, "sigmoid", ValueDomain.IndependentProbabilities, "x", FusedLog: FusedSigmoid),
            new ProducerEntry(Tf, "sigmoid", ValueDomain.IndependentProbabilities, "x", FusedLog: FusedSigmoid, FusedLogType: Nn),
            new ProducerEntry(Tf, "one_hot", ValueDomain.OneHotLabels, "indices", Classes: "depth", Integer: false),
            new ProducerEntry(Tf, "matmul", ValueDomain.Logits, "a"),
            new ProducerEntry("Tensorflow.Keras.Utils.np_utils", "to_categorical", ValueDomain.OneHotLabels, "y", Classes: "num_classes", Integer: false)),
        ImmutableArray.Create(
            new LossInputEntry(Nn, "sigmoid_cross_entropy_with_logits", "logits", ValueDomain.Logits),
            new LossInputEntry(Nn, "sparse_softmax_cross_entropy_with_logits", "logits", ValueDomain.Logits),
            new LossInputEntry(Nn, "sparse_softmax_cross_entropy_with_logits", "labels", ValueDomain.ClassIndices),
            new LossInputEntry(Nn, "softmax_cross_entropy_with_logits", "logits", ValueDomain.Logits),
            new LossInputEntry(Nn, "softmax_cross_entropy_with_logits", "labels", ValueDomain.OneHotLabels, LabelsVariant: SparseSoftmax),
            new LossInputEntry(Nn, "softmax_cross_entropy_with_logits_v2", "logits", ValueDomain.Logits),
            new LossInputEntry(Nn, "softmax_cross_entropy_with_logits_v2", "labels", ValueDomain.OneHotLabels, LabelsVariant: SparseSoftmax),
            new LossInputEntry(Losses, "sparse_softmax_cross_entropy", "logits", ValueDomain.Logits),
            new LossInputEntry(Losses, "sparse_softmax_cross_entropy", "labels", ValueDomain.ClassIndices),
            KerasInput("SparseCategoricalCrossentropy", "from_logits", ValueDomain.Logits),
            KerasInput("SparseCategoricalCrossentropy", "probabilities", ValueDomain.Probabilities),
            KerasLabels("SparseCategoricalCrossentropy", "from_logits", ValueDomain.ClassIndices),
            KerasLabels("SparseCategoricalCrossentropy", "probabilities", ValueDomain.ClassIndices),
            KerasInput("CategoricalCrossentropy", "from_logits", ValueDomain.Logits),
            KerasInput("CategoricalCrossentropy", "probabilities", ValueDomain.Probabilities),
            KerasLabels("CategoricalCrossentropy", "from_logits", ValueDomain.OneHotLabels) with { LabelsVariant = "SparseCategoricalCrossentropy" },
            KerasLabels("CategoricalCrossentropy", "probabilities", ValueDomain.OneHotLabels) with { LabelsVariant = "SparseCategoricalCrossentropy" },
            KerasInput("BinaryCrossentropy", "from_logits", ValueDomain.Logits),
            KerasInput("BinaryCrossentropy", "probabilities", ValueDomain.IndependentProbabilities),
            KerasInput("SigmoidFocalCrossEntropy", "from_logits", ValueDomain.Logits),
            KerasInput("SigmoidFocalCrossEntropy", "probabilities", ValueDomain.IndependentProbabilities)),
        ImmutableArray.Create(
            new TransformEntry(Tf, "log", TransformKind.Log, "x"),
            new TransformEntry(Math, "log", TransformKind.Log, "x"),
            new TransformEntry(Tf, "clip_by_value", TransformKind.Clip, "t"),
            new TransformEntry(Tf, "cast", TransformKind.DType, "x", Scalar: "dtype"),
            new TransformEntry(Tf, "placeholder", TransformKind.DType, null, Scalar: "dtype"),
            new TransformEntry("Tensorflow.NumPy.np", "array", TransformKind.Preserve, "data"),
            new TransformEntry("Tensorflow.Keras.IActivationsApi", "GetActivationFromName", TransformKind.ActivationByName, "name")))
    {
        AssemblyNames = Source.AssemblyNames,
        Modules = ImmutableArray.Create(
            new ModuleEntry("Tensorflow.Keras.Layers.Dense", ModuleKind.Linear, ValueDomain.Logits, OutFeatures: "units", Activation: "activation",
                FactoryType: LayersApi, FactoryMethod: "Dense"),
            new ModuleEntry("Tensorflow.Keras.Layers.Softmax", ModuleKind.Activation, ValueDomain.Probabilities, Dim: "axis", FusedLog: FusedSoftmax, FusedLogType: Nn,
                FactoryType: LayersApi, FactoryMethod: "Softmax"),
            new ModuleEntry("Tensorflow.Keras.Engine.Sequential", ModuleKind.Sequential),
            Functional("Tensorflow.Keras.KerasInterface"),
            Functional("Tensorflow.Keras.IKerasApi"),
            KerasLoss("SparseCategoricalCrossentropy"),
            KerasLoss("CategoricalCrossentropy"),
            KerasLoss("BinaryCrossentropy"),
            KerasLoss("SigmoidFocalCrossEntropy")),
        ModelBaseTypes = ImmutableArray.Create("Tensorflow.Keras.ILayer", "Tensorflow.Keras.Engine.Layer", "Tensorflow.Keras.Engine.IModel", "Tensorflow.Keras.Losses.ILossFunc"),
        ApplyMethods = ImmutableArray.Create("Apply", "predict", "Call"),
        ForwardMethods = ImmutableArray.Create("Call"),
        TrainingMethods = ImmutableArray.Create(
            new TrainingEntry("compile", TrainingStep.Compile, "loss", LossInput: "y_pred"),
            new TrainingEntry("fit", TrainingStep.Fit, "y", LossInput: "y_true"),
            new TrainingEntry("add", TrainingStep.Append, "layer")),
        RecognisedStrings = ImmutableArray.Create(
            CompileOptimizer("Tensorflow.Keras.Engine.IModel"),
            CompileLoss("Tensorflow.Keras.Engine.IModel"),
            CompileOptimizer("Tensorflow.Keras.Engine.Model"),
            CompileLoss("Tensorflow.Keras.Engine.Model")),
        DTypeEnums = ImmutableArray.Create(new DTypeEnumEntry(
            "Tensorflow.TF_DataType", ImmutableArray.Create(3L, 4L, 5L, 6L, 9L), ImmutableArray.Create(1L, 2L))),
        DTypeFields = ImmutableArray.Create(
            new DTypeFieldEntry(Tf, "int32", true),
            new DTypeFieldEntry(Tf, "int64", true),
            new DTypeFieldEntry(Tf, "float32", false),
            new DTypeFieldEntry(Tf, "float64", false)),
        ActivationProperties = ImmutableArray.Create(
            new ActivationPropertyEntry("Tensorflow.Keras.IActivationsApi", "Softmax", "softmax"),
            new ActivationPropertyEntry("Tensorflow.Keras.IActivationsApi", "Sigmoid", "sigmoid"),
            new ActivationPropertyEntry("Tensorflow.Keras.IActivationsApi", "Linear", "linear"),
            new ActivationPropertyEntry("Tensorflow.Keras.IActivationsApi", "Relu", "relu"),
            new ActivationPropertyEntry("Tensorflow.Keras.IActivationsApi", "Tanh", "tanh")),
        ActivationNames = ImmutableArray.Create(
            new ActivationNameEntry("softmax", ValueDomain.Probabilities, FusedSoftmax, Nn),
            new ActivationNameEntry("sigmoid", ValueDomain.IndependentProbabilities, FusedSigmoid, Nn),
            new ActivationNameEntry("linear", ValueDomain.Logits)),
        FactoryImplementations = ImmutableDictionary.CreateRange(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string>("Tensorflow.Keras.Layers.LayersApi", LayersApi),
        }),
        LabelTensorTypes = ImmutableArray.Create("Tensorflow.Tensor", "Tensorflow.NumPy.NDArray"),
        TensorTypes = ImmutableArray.Create("Tensorflow.Tensor", "Tensorflow.NumPy.NDArray", "Tensorflow.Tensors"),
        DisplayPrefixes = ImmutableDictionary.CreateRange(new[]
        {
            Prefix(Tf, "tf"),
            Prefix(Nn, "tf.nn"),
            Prefix(Math, "tf.math"),
            Prefix(Losses, "tf.losses"),
            Prefix(LossesApi, "keras.losses"),
            Prefix(LayersApi, "keras.layers"),
        }),
    };

    /// <summary>Keras names for optimizers and losses, with their defaults (SGD's learning rate is Keras' 0.01).</summary>
    private static readonly ImmutableArray<NamedObjectEntry> KerasObjects = ImmutableArray.Create(
        new NamedObjectEntry("optimizer", "adam", Keras + "optimizers.Adam()"),
        new NamedObjectEntry("optimizer", "sgd", Keras + "optimizers.SGD(0.01f)"),
        new NamedObjectEntry("optimizer", "rmsprop", Keras + "optimizers.RMSprop()"),
        new NamedObjectEntry("loss", "categorical_crossentropy", Keras + "losses.CategoricalCrossentropy()"),
        new NamedObjectEntry("loss", "sparse_categorical_crossentropy", Keras + "losses.SparseCategoricalCrossentropy()"),
        new NamedObjectEntry("loss", "binary_crossentropy", Keras + "losses.BinaryCrossentropy()"),
        new NamedObjectEntry("loss", "mse", Keras + "losses.MeanSquaredError()"),
        new NamedObjectEntry("loss", "mean_squared_error", Keras + "losses.MeanSquaredError()"),
        new NamedObjectEntry("loss", "mae", Keras + "losses.MeanAbsoluteError()"),
        new NamedObjectEntry("loss", "mean_absolute_error", Keras + "losses.MeanAbsoluteError()"));

    /// <summary>
    /// <c>compile(string optimizer, ...)</c> ignores the optimizer name: every name gets RMSprop with its defaults
    /// (<c>Engine/Model.Compile.cs</c>), which is what only an RMSprop name asks for.
    /// </summary>
    private static RecognisedStringEntry CompileOptimizer(string type) =>
        new(type, "compile", "optimizer", ImmutableArray.Create("rmsprop", "RMSprop"), "RMSprop with default settings") { Objects = KerasObjects };

    /// <summary>
    /// <c>compile(..., string loss, ...)</c> maps "mse" and "mae" (case-sensitive) and gives every other name mean
    /// squared error, which is what the names of mean squared error ask for.
    /// </summary>
    private static RecognisedStringEntry CompileLoss(string type) =>
        new(type, "compile", "loss", ImmutableArray.Create("mse", "mae", "MSE", "mean_squared_error"), "mean squared error") { Objects = KerasObjects };

    private static System.Collections.Generic.KeyValuePair<string, string> Prefix(string type, string prefix) => new(type, prefix);

    /// <summary><c>keras.Model(inputs, outputs)</c> (<c>keras</c> or <c>tf.keras</c>) makes a <c>Functional</c> model computing its outputs.</summary>
    private static ModuleEntry Functional(string factory) =>
        new("Tensorflow.Keras.Engine.Functional", ModuleKind.Functional, Outputs: "outputs", FactoryType: factory, FactoryMethod: "Model");

    private static ModuleEntry KerasLoss(string name) => new(
        KerasLosses + name,
        ModuleKind.Loss,
        LossType: KerasLosses + name,
        LossMethod: "from_logits",
        FromLogits: "from_logits",
        ProbabilityLossMethod: "probabilities",
        FactoryType: LossesApi,
        FactoryMethod: name)
    {
        LossInputs = ImmutableArray.Create("y_true", "y_pred"),
    };

    private static LossInputEntry KerasInput(string loss, string variant, ValueDomain expects) =>
        new(KerasLosses + loss, variant, "y_pred", expects);

    private static LossInputEntry KerasLabels(string loss, string variant, ValueDomain expects) =>
        new(KerasLosses + loss, variant, "y_true", expects);
}
