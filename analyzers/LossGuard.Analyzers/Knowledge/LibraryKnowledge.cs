using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Knowledge;

/// <summary>The library tables resolved against one compilation: symbol lookups for everything the tables describe.</summary>
internal sealed class LibraryKnowledge
{
    /// <summary>Every library LossGuard knows, in the order their tables are registered.</summary>
    private static readonly ImmutableArray<LibrarySource> Sources = ImmutableArray.Create(
        RuntimeTable.Source,
        TensorPrimitivesTable.Source,
        TorchSharpTable.Source,
        TensorFlowTable.Source,
        MathTable.Source);

    /// <summary>What the tables of each set of referenced libraries (a bit per source) say together, made once per process.</summary>
    private static readonly TableSet?[] Sets = new TableSet?[1 << Sources.Length];

    /// <summary>A compilation's knowledge, shared by its analyzers' start and the code fixes offered on it.</summary>
    private static readonly ConditionalWeakTable<Compilation, LibraryKnowledge> Resolved = new();

    private readonly SymbolLookup lookup;
    private readonly TableSet set;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, MethodKnowledge> methods = new(SymbolEqualityComparer.Default);

    private LibraryKnowledge(TableSet set, SymbolLookup lookup)
    {
        this.set = set;
        this.lookup = lookup;
    }

    /// <summary>Every table (each is built on first use).</summary>
    public static IEnumerable<LibraryTable> Tables => Sources.Select(source => source.Table);

    /// <summary>The names of the tables whose marker types this compilation can see.</summary>
    public ImmutableArray<string> ReferencedLibraries => set.ReferencedLibraries;

    public bool IsEmpty => ReferencedLibraries.IsEmpty;

    /// <summary>
    /// The tables resolved against <paramref name="compilation"/>, once per compilation. A compilation that references
    /// none of the libraries looks up their marker types and nothing else; no table is built or registered for it.
    /// </summary>
    public static LibraryKnowledge Resolve(Compilation compilation) =>
        Resolved.TryGetValue(compilation, out var known) ? known : Resolved.GetValue(compilation, Create);

    private static LibraryKnowledge Create(Compilation compilation)
    {
        var lookup = new SymbolLookup(compilation);
        var referenced = 0;
        for (var index = 0; index < Sources.Length; index++)
        {
            var source = Sources[index];
            lookup.Enter(source.AssemblyNames);
            if (!source.MarkerTypes.IsEmpty && lookup.FindsAny(source.MarkerTypes))
            {
                referenced |= 1 << index;
            }
        }

        var set = Sets[referenced] ??= new TableSet(referenced);
        if (referenced == 0)
        {
            return new LibraryKnowledge(set, lookup);
        }

        for (var index = 0; index < Sources.Length; index++)
        {
            var source = Sources[index];
            if (!source.MarkerTypes.IsEmpty && (referenced & (1 << index)) == 0)
            {
                continue;
            }

            // Looked up again (answered from the lookup's cache) to search this library's assemblies first.
            lookup.Enter(source.AssemblyNames);
            lookup.FindsAny(source.MarkerTypes);
            lookup.Register(source.Table);
        }

        return new LibraryKnowledge(set, lookup);
    }

    /// <summary>Everything the tables say about one method, looked up once per method (every call of it asks again).</summary>
    public MethodKnowledge Of(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        return methods.TryGetValue(definition, out var known) ? known : methods.GetOrAdd(definition, Describe(definition));
    }

    private MethodKnowledge Describe(IMethodSymbol definition)
    {
        var training = FindTraining(definition);
        var isApply = IsApply(definition);
        var producer = FindProducer(definition);
        var transform = producer is null ? FindTransform(definition) : null;
        var losses = FindLossInputs(definition).ToImmutableArray();
        var strings = FindRecognisedStrings(definition);
        var isSink = !losses.IsEmpty
            || !strings.IsEmpty
            || transform?.Kind == TransformKind.Log
            || producer is { Domain: ValueDomain.Probabilities or ValueDomain.LogProbabilities } or { NeedsMaxSubtractedInput: true }
            || isApply
            || training is not null;
        return new MethodKnowledge(
            producer, transform, losses, strings, Knows(definition), isSink, DisplayName(definition), training, isApply, FindModuleFactory(definition));
    }

    /// <summary>Whether a library describes this method (or the module it makes or applies): the bodies that call none are never analysed.</summary>
    public bool Knows(IMethodSymbol method) =>
        lookup.IsLibraryType(method.ContainingType)
        || FindModule(method.ReturnType) is not null
        || FindModuleFactory(method) is not null
        || IsApply(method)
        || FindTraining(method) is not null;

    public ProducerEntry? FindProducer(IMethodSymbol method) => lookup.Entries(method).OfType<ProducerEntry>().FirstOrDefault();

    /// <summary>The transform entry matching this overload: its parameters exist, and it returns what the entry returns.</summary>
    public TransformEntry? FindTransform(IMethodSymbol method) =>
        lookup.Entries(method).OfType<TransformEntry>().FirstOrDefault(entry =>
            HasParameter(method, entry.Input)
            && HasParameter(method, entry.Scalar)
            && (entry.Destination is null ? !method.ReturnsVoid : HasParameter(method, entry.Destination)));

    public IEnumerable<LossInputEntry> FindLossInputs(IMethodSymbol method) => lookup.Entries(method).OfType<LossInputEntry>();

    public ImmutableArray<RecognisedStringEntry> FindRecognisedStrings(IMethodSymbol method) =>
        lookup.Entries(method).OfType<RecognisedStringEntry>()
            .Where(entry => method.Parameters.Any(parameter => parameter.Name == entry.Parameter && parameter.Type.SpecialType == SpecialType.System_String))
            .ToImmutableArray();

    /// <summary>The module class a value of this type is, if a table describes it.</summary>
    public ModuleEntry? FindModule(ITypeSymbol? type) => lookup.Module(type);

    /// <summary>The module a factory typed as an interface makes (<c>keras.layers.Dense</c> returns <c>ILayer</c>).</summary>
    public ModuleEntry? FindModuleFactory(IMethodSymbol method)
    {
        foreach (var entry in lookup.Entries(method))
        {
            if (entry is ModuleEntry module)
            {
                return module;
            }
        }

        return null;
    }

    /// <summary>A module, model or loss type of a library (or a class deriving from one): what a parameter passes between methods.</summary>
    public bool IsModuleType(ITypeSymbol? type) => type is INamedTypeSymbol named && lookup.IsModuleType(named);

    /// <summary>A user-defined model: a class declared in source that derives from a library's module base.</summary>
    public bool IsModel(ITypeSymbol? type) =>
        SourceClass(type) is { } named && lookup.DerivesFromModelBase(named);

    /// <summary>
    /// A user-defined model or module class (also on TorchSharp's non-generic <c>nn.Module</c>): an object of it made
    /// where the engine sees it keeps what its constructor set.
    /// </summary>
    public bool IsModuleClass(ITypeSymbol? type) =>
        SourceClass(type) is { } named && lookup.DerivesFromModuleClassBase(named);

    private static INamedTypeSymbol? SourceClass(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class } named && named.Locations.Any(location => location.IsInSource) ? named : null;

    /// <summary>A call that applies a module (<c>forward</c>, <c>call</c>, <c>Apply</c>) to its inputs.</summary>
    public bool IsApply(IMethodSymbol method) =>
        set.ApplyMethods.Contains(method.Name) && lookup.IsModuleType(method.ContainingType);

    /// <summary>The names of the method a user-defined model overrides to compute its output.</summary>
    public ImmutableHashSet<string> ForwardMethods => set.ForwardMethods;

    /// <summary>A training-API call on a module or model (<c>compile</c>, <c>fit</c>, <c>add</c>).</summary>
    public TrainingEntry? FindTraining(IMethodSymbol method) =>
        lookup.IsModuleType(method.ContainingType) && set.Training.TryGetValue(method.Name, out var entry) ? entry : null;

    /// <summary>The loss inputs of the function a loss module applies (for a Keras loss, the variant its <c>from_logits</c> picks).</summary>
    public ImmutableArray<LossInputEntry> LossInputsOf(ModuleEntry module, bool? fromLogits)
    {
        var method = module.FromLogits is null || fromLogits == true ? module.LossMethod : fromLogits == false ? module.ProbabilityLossMethod : null;
        return module.LossType is { } type && method is not null && set.LossFunctions.TryGetValue((type, method), out var inputs)
            ? inputs
            : ImmutableArray<LossInputEntry>.Empty;
    }

    /// <summary>Whether a constant of an element-type enum, or a dtype field, names an integer type.</summary>
    public bool? IsIntegerDType(ITypeSymbol? enumType, long? value) => lookup.IsIntegerDType(enumType, value);

    public bool? IsIntegerDTypeField(IFieldSymbol field) => lookup.DTypeField(field);

    /// <summary>The activation a property names (<c>keras.activations.Softmax</c> → "softmax").</summary>
    public string? ActivationNameOf(IPropertySymbol property) => lookup.ActivationProperty(property);

    /// <summary>The domain an activation name produces; <c>null</c> (no activation) is a linear layer's logits.</summary>
    public ValueDomain ActivationDomain(string? name) =>
        name is null ? ValueDomain.Logits : ActivationNames.FirstOrDefault(entry => entry.Name == name)?.Domain ?? ValueDomain.Unknown;

    /// <summary>The named activation that produces <paramref name="domain"/> (<c>"sigmoid"</c>), if a table has one.</summary>
    public ActivationNameEntry? ActivationFor(ValueDomain domain) => ActivationNames.FirstOrDefault(entry => entry.Domain == domain);

    private ImmutableArray<ActivationNameEntry> ActivationNames => set.ActivationNames;

    /// <summary>
    /// A type whose values the engine follows from a call site into a method: modules, models and losses, tensors,
    /// arrays and spans, and delegates (a loss or a model passed as a function).
    /// </summary>
    public bool CarriesValues(ITypeSymbol type) =>
        IsModuleType(type) || lookup.IsTensorType(type) || Flow.BufferViews.IsBuffer(type) || type.TypeKind == TypeKind.Delegate;

    /// <summary>A tensor type whose conversion from an array of integers makes class-index labels.</summary>
    public bool IsLabelTensorType(ITypeSymbol? type) => lookup.IsLabelTensorType(type);

    /// <summary>How messages name a method: its type's display prefix (<c>tf.nn.softmax</c>) or its type's name (<c>Losses.NegativeLogLikelihood</c>).</summary>
    public string DisplayName(IMethodSymbol method) =>
        (lookup.DisplayPrefix(method.ContainingType) ?? method.ContainingType.Name) + "." + method.Name;

    /// <summary>How messages name a table's method of a type given by metadata name, as <see cref="DisplayName(IMethodSymbol)"/> would.</summary>
    public static string DisplayName(string type, string method) =>
        (Tables.Select(table => table.DisplayPrefixes.TryGetValue(type, out var prefix) ? prefix : null).FirstOrDefault(prefix => prefix is not null)
            ?? type.Substring(type.LastIndexOfAny(new[] { '.', '+' }) + 1)) + "." + method;

    /// <summary>How messages name the place a value was made: a call by its method, anything else by its text.</summary>
    public string DisplayOrigin(IOperation origin) =>
        origin is IInvocationOperation call ? DisplayName(call.TargetMethod) : origin.Syntax.ToString();

    private static bool HasParameter(IMethodSymbol method, string? name) =>
        name is null
        || name == ProducerEntry.Receiver && !method.IsStatic
        || method.Parameters.Any(parameter => parameter.Name == name);

    /// <summary>The tables of one set of referenced libraries (and the BCL's math), merged once per process.</summary>
    private sealed class TableSet
    {
        public TableSet(int referenced)
        {
            var tables = ImmutableArray.CreateBuilder<LibraryTable>();
            var names = ImmutableArray.CreateBuilder<string>();
            for (var index = 0; index < Sources.Length; index++)
            {
                var source = Sources[index];
                if ((referenced & (1 << index)) != 0)
                {
                    names.Add(source.Name);
                }

                if (referenced != 0 && ((referenced & (1 << index)) != 0 || source.MarkerTypes.IsEmpty))
                {
                    tables.Add(source.Table);
                }
            }

            ReferencedLibraries = names.ToImmutable();
            ForwardMethods = tables.SelectMany(table => table.ForwardMethods).ToImmutableHashSet();
            ApplyMethods = tables.SelectMany(table => table.ApplyMethods).ToImmutableHashSet();
            ActivationNames = tables.SelectMany(table => table.ActivationNames).ToImmutableArray();
            LossFunctions = tables.SelectMany(table => table.LossInputs)
                .GroupBy(input => (input.Type, input.Method))
                .ToDictionary(group => group.Key, group => group.ToImmutableArray());
            foreach (var entry in tables.SelectMany(table => table.TrainingMethods))
            {
                Training[entry.Method] = Training.TryGetValue(entry.Method, out var first) ? first : entry;
            }
        }

        public ImmutableArray<string> ReferencedLibraries { get; }

        public ImmutableHashSet<string> ForwardMethods { get; }

        public ImmutableHashSet<string> ApplyMethods { get; }

        public ImmutableArray<ActivationNameEntry> ActivationNames { get; }

        public Dictionary<(string Type, string Method), ImmutableArray<LossInputEntry>> LossFunctions { get; }

        public Dictionary<string, TrainingEntry> Training { get; } = new();
    }
}
