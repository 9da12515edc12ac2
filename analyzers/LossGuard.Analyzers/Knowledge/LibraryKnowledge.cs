using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Knowledge;

/// <summary>The library tables resolved against one compilation: symbol lookups for producers, transforms and loss inputs.</summary>
internal sealed class LibraryKnowledge
{
    public static ImmutableArray<LibraryTable> Tables { get; } = ImmutableArray.Create(
        RuntimeTable.Create(),
        TensorPrimitivesTable.Create(),
        TorchSharpTable.Create(),
        MathTable.Create());

    private readonly Dictionary<INamedTypeSymbol, Dictionary<string, List<object>>> entries;
    private readonly Dictionary<INamedTypeSymbol, ModuleEntry> modules;
    private readonly HashSet<INamedTypeSymbol> modelBases;
    private readonly HashSet<string> applyMethods;
    private readonly Dictionary<(string Type, string Method), ImmutableArray<LossInputEntry>> lossFunctions;

    private LibraryKnowledge(
        ImmutableArray<string> referencedLibraries,
        Dictionary<INamedTypeSymbol, Dictionary<string, List<object>>> entries,
        Dictionary<INamedTypeSymbol, ModuleEntry> modules,
        HashSet<INamedTypeSymbol> modelBases,
        HashSet<string> applyMethods,
        Dictionary<(string Type, string Method), ImmutableArray<LossInputEntry>> lossFunctions)
    {
        this.lossFunctions = lossFunctions;
        ReferencedLibraries = referencedLibraries;
        this.entries = entries;
        this.modules = modules;
        this.modelBases = modelBases;
        this.applyMethods = applyMethods;
    }

    /// <summary>The names of the tables whose marker types this compilation can see.</summary>
    public ImmutableArray<string> ReferencedLibraries { get; }

    public bool IsEmpty => ReferencedLibraries.IsEmpty;

    public static LibraryKnowledge Resolve(Compilation compilation)
    {
        var types = new Dictionary<string, INamedTypeSymbol?>();
        INamedTypeSymbol? Type(string metadataName)
        {
            if (!types.TryGetValue(metadataName, out var type))
            {
                type = compilation.GetTypeByMetadataName(metadataName);
                types.Add(metadataName, type);
            }

            return type;
        }

        var referenced = ImmutableArray.CreateBuilder<string>();
        var entries = new Dictionary<INamedTypeSymbol, Dictionary<string, List<object>>>(SymbolEqualityComparer.Default);
        var modules = new Dictionary<INamedTypeSymbol, ModuleEntry>(SymbolEqualityComparer.Default);
        var modelBases = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var applyMethods = new HashSet<string>();
        void Add(string typeName, string method, object entry)
        {
            if (Type(typeName) is not { } type)
            {
                return;
            }

            if (!entries.TryGetValue(type, out var byName))
            {
                entries[type] = byName = new Dictionary<string, List<object>>();
            }

            if (!byName.TryGetValue(method, out var list))
            {
                byName[method] = list = new List<object>();
            }

            list.Add(entry);
        }

        foreach (var table in Tables)
        {
            if (!table.MarkerTypes.IsEmpty)
            {
                if (!table.MarkerTypes.Any(marker => Type(marker) is not null))
                {
                    continue;
                }

                referenced.Add(table.Name);
            }

            table.Producers.ForEach(p => Add(p.Type, p.Method, p));
            table.Transforms.ForEach(t => Add(t.Type, t.Method, t));
            table.LossInputs.ForEach(l => Add(l.Type, l.Method, l));
            table.Modules.ForEach(m =>
            {
                if (Type(m.Type) is { } type)
                {
                    modules[type] = m;
                }
            });
            table.ModelBaseTypes.ForEach(name =>
            {
                if (Type(name) is { } type)
                {
                    modelBases.Add(type);
                }
            });
            table.ApplyMethods.ForEach(name => applyMethods.Add(name));
        }

        var lossFunctions = Tables.SelectMany(table => table.LossInputs)
            .GroupBy(input => (input.Type, input.Method))
            .ToDictionary(group => group.Key, group => group.ToImmutableArray());
        return new LibraryKnowledge(referenced.ToImmutable(), entries, modules, modelBases, applyMethods, lossFunctions);
    }

    /// <summary>Whether any table describes this method (or the module it makes or applies): the bodies that call none are never analysed.</summary>
    public bool Knows(IMethodSymbol method) =>
        Entries(method).Count > 0 || FindModule(method.ReturnType) is not null || IsApply(method);

    /// <summary>The module class a value of this type is, if a table describes it.</summary>
    public ModuleEntry? FindModule(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && modules.TryGetValue(named.OriginalDefinition, out var entry) ? entry : null;

    /// <summary>A user-defined model: a class declared in source that derives from a library's module base.</summary>
    public bool IsModel(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class } named
        && named.Locations.Any(location => location.IsInSource)
        && BaseTypes(named).Any(modelBases.Contains);

    /// <summary>A call that applies a module (<c>forward</c>, <c>call</c>) to its inputs.</summary>
    public bool IsApply(IMethodSymbol method) =>
        applyMethods.Contains(method.Name)
        && method.ContainingType is { } type
        && (modules.ContainsKey(type.OriginalDefinition) || modelBases.Contains(type.OriginalDefinition) || BaseTypes(type).Any(modelBases.Contains));

    /// <summary>The loss inputs of the function a loss module applies.</summary>
    public ImmutableArray<LossInputEntry> LossInputsOf(ModuleEntry module) =>
        module.LossType is { } type && module.LossMethod is { } method && lossFunctions.TryGetValue((type, method), out var inputs)
            ? inputs
            : ImmutableArray<LossInputEntry>.Empty;

    private static IEnumerable<INamedTypeSymbol> BaseTypes(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            yield return current.OriginalDefinition;
        }
    }



    public ProducerEntry? FindProducer(IMethodSymbol method) => Entries(method).OfType<ProducerEntry>().FirstOrDefault();

    /// <summary>The transform entry matching this overload: its parameters exist, and it returns what the entry returns.</summary>
    public TransformEntry? FindTransform(IMethodSymbol method) =>
        Entries(method).OfType<TransformEntry>().FirstOrDefault(entry =>
            HasParameter(method, entry.Input)
            && HasParameter(method, entry.Scalar)
            && (entry.Destination is null ? !method.ReturnsVoid : HasParameter(method, entry.Destination)));

    public LossInputEntry? FindLossInput(IMethodSymbol method, IParameterSymbol parameter) =>
        Entries(method).OfType<LossInputEntry>().FirstOrDefault(entry => entry.Parameter == parameter.Name);

    public IEnumerable<LossInputEntry> FindLossInputs(IMethodSymbol method) => Entries(method).OfType<LossInputEntry>();

    private IReadOnlyList<object> Entries(IMethodSymbol method) =>
        method.ContainingType is { } type
        && entries.TryGetValue(type.OriginalDefinition, out var byName)
        && byName.TryGetValue(method.Name, out var list)
            ? list
            : System.Array.Empty<object>();

    private static bool HasParameter(IMethodSymbol method, string? name) =>
        name is null
        || name == ProducerEntry.Receiver && !method.IsStatic
        || method.Parameters.Any(parameter => parameter.Name == name);
}
