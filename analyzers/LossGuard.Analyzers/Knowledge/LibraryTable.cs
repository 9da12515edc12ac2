using System.Collections.Immutable;

namespace LossGuard.Analyzers.Knowledge;

/// <summary>
/// What one library contributes: the types that reveal it, its producers, transforms and loss inputs, its module
/// classes and training API. A table with no marker types (the BCL's math) never opens the gate on its own.
/// </summary>
internal sealed record LibraryTable(
    string Name,
    ImmutableArray<string> MarkerTypes,
    ImmutableArray<ProducerEntry> Producers,
    ImmutableArray<LossInputEntry> LossInputs,
    ImmutableArray<TransformEntry> Transforms)
{
    /// <summary>
    /// The names of the assemblies that hold the library's types: searched first for the table's names (when
    /// referenced), so that a name is not looked for in every reference of the compilation.
    /// </summary>
    public ImmutableArray<string> AssemblyNames { get; init; } = ImmutableArray<string>.Empty;

    public ImmutableArray<ModuleEntry> Modules { get; init; } = ImmutableArray<ModuleEntry>.Empty;

    /// <summary>Metadata names of the module base classes (user-defined models derive from them; applying one runs its forward method).</summary>
    public ImmutableArray<string> ModelBaseTypes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>
    /// Metadata names of module base classes whose user classes have no one forward method the library calls (TorchSharp's
    /// non-generic <c>nn.Module</c>): their objects made where the engine sees them keep what their constructor set, and
    /// their own methods run over it, but calling one is not applying a model.
    /// </summary>
    public ImmutableArray<string> ModuleClassBaseTypes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Method names that apply a module to its input(s).</summary>
    public ImmutableArray<string> ApplyMethods { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The method a user-defined model overrides to say what it computes (<c>forward</c>, <c>Call</c>).</summary>
    public ImmutableArray<string> ForwardMethods { get; init; } = ImmutableArray<string>.Empty;

    public ImmutableArray<TrainingEntry> TrainingMethods { get; init; } = ImmutableArray<TrainingEntry>.Empty;

    public ImmutableArray<RecognisedStringEntry> RecognisedStrings { get; init; } = ImmutableArray<RecognisedStringEntry>.Empty;

    public ImmutableArray<DTypeEnumEntry> DTypeEnums { get; init; } = ImmutableArray<DTypeEnumEntry>.Empty;

    public ImmutableArray<DTypeFieldEntry> DTypeFields { get; init; } = ImmutableArray<DTypeFieldEntry>.Empty;

    public ImmutableArray<ActivationPropertyEntry> ActivationProperties { get; init; } = ImmutableArray<ActivationPropertyEntry>.Empty;

    /// <summary>Activation names (Keras <c>activation: "softmax"</c>), the domain of what they produce and its fused log.</summary>
    public ImmutableArray<ActivationNameEntry> ActivationNames { get; init; } = ImmutableArray<ActivationNameEntry>.Empty;

    /// <summary>How messages name a type's members, when the type's own name says little (<c>nn_internal</c> → <c>tf.nn</c>).</summary>
    public ImmutableDictionary<string, string> DisplayPrefixes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Library classes that implement a factory interface of the table (class → interface): their methods of the
    /// interface's names are the same factories, for code that makes the class itself (<c>new LayersApi().Dense(...)</c>
    /// is <c>keras.layers.Dense(...)</c>), and messages name them alike.
    /// </summary>
    public ImmutableDictionary<string, string> FactoryImplementations { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The library's tensor types: values of these types (and of types deriving from them) carry a domain from one method to another.</summary>
    public ImmutableArray<string> TensorTypes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Tensor types whose conversion from an array of integers makes class-index labels.</summary>
    public ImmutableArray<string> LabelTensorTypes { get; init; } = ImmutableArray<string>.Empty;
}

/// <summary>
/// What reveals a library before its table exists (its name, marker types and assemblies): a compilation start looks
/// for the markers of every library, and the table, plain data, is built the first time one is found, once per process.
/// </summary>
internal sealed class LibrarySource(string name, ImmutableArray<string> markerTypes, ImmutableArray<string> assemblyNames, System.Func<LibraryTable> create)
{
    private LibraryTable? table;

    public string Name { get; } = name;

    /// <summary>The types whose presence says the library is referenced; none: the table never opens the gate on its own.</summary>
    public ImmutableArray<string> MarkerTypes { get; } = markerTypes;

    public ImmutableArray<string> AssemblyNames { get; } = assemblyNames;

    /// <summary>Two threads may both build it the first time; the tables are plain data, so either copy serves.</summary>
    public LibraryTable Table => System.Threading.LazyInitializer.EnsureInitialized(ref table, create)!;
}
