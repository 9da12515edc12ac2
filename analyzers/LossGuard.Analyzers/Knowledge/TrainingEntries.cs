using System.Collections.Immutable;

namespace LossGuard.Analyzers.Knowledge;

/// <summary>A step of a high-level training API.</summary>
internal enum TrainingStep
{
    /// <summary>Attaches a loss to a model (Keras <c>compile</c>): the model's output meets the loss here.</summary>
    Compile,

    /// <summary>Trains the compiled model (Keras <c>fit</c>): the labels meet the compiled loss here.</summary>
    Fit,

    /// <summary>Adds a layer to a container (<c>add</c>, <c>append</c>).</summary>
    Append,
}

/// <summary>A training-API method of a library's models, and the parameter that carries the loss, labels or layer.</summary>
/// <param name="LossInput">The loss input this step supplies: the model's output at compile (<c>y_pred</c>), the labels at fit (<c>y_true</c>).</param>
internal sealed record TrainingEntry(string Method, TrainingStep Step, string? Parameter, string? LossInput = null);

/// <summary>
/// A string parameter a library recognises only a few values of, silently doing something else for any other
/// (TensorFlow.NET's <c>compile(string optimizer, string loss, string[] metrics)</c>).
/// </summary>
/// <param name="Recognised">The names that do what they ask: those the library maps, and those its fallback happens to satisfy.</param>
/// <param name="Fallback">What every other name silently gets, as messages say it (<c>mean squared error</c>).</param>
internal sealed record RecognisedStringEntry(string Type, string Method, string Parameter, ImmutableArray<string> Recognised, string Fallback)
{
    /// <summary>Names the call's string parameters accept that the library also offers as objects (the fix passes those).</summary>
    public ImmutableArray<NamedObjectEntry> Objects { get; init; } = ImmutableArray<NamedObjectEntry>.Empty;
}

/// <summary>An object a name stands for in a string parameter (<c>"adam"</c> → <c>keras.optimizers.Adam()</c>).</summary>
/// <param name="Parameter">The string parameter.</param>
/// <param name="Name">The name it is given.</param>
/// <param name="Expression">C# making the object, fully qualified; passing it means what the name meant.</param>
internal sealed record NamedObjectEntry(string Parameter, string Name, string Expression);

/// <summary>An element-type enum: which of its values are integer types and which floating-point ones.</summary>
internal sealed record DTypeEnumEntry(string Type, ImmutableArray<long> Integers, ImmutableArray<long> Floats);

/// <summary>A field holding an element type (<c>tf.int64</c>): whether it names an integer type.</summary>
internal sealed record DTypeFieldEntry(string Type, string Field, bool Integer);

/// <summary>A property naming an activation (<c>keras.activations.Softmax</c>): the name it stands for.</summary>
internal sealed record ActivationPropertyEntry(string Type, string Property, string Name);

/// <summary>
/// An activation named by a string (Keras <c>activation: "softmax"</c>): the domain of what it produces, and the fused,
/// stable log of that output (a function of <see cref="FusedLogType"/>) for a message to name.
/// </summary>
internal sealed record ActivationNameEntry(string Name, ValueDomain Domain, string? FusedLog = null, string? FusedLogType = null);
