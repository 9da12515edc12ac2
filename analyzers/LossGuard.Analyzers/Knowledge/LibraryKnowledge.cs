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
        MathTable.Create());

    private readonly Dictionary<INamedTypeSymbol, Dictionary<string, List<object>>> entries;

    private LibraryKnowledge(ImmutableArray<string> referencedLibraries, Dictionary<INamedTypeSymbol, Dictionary<string, List<object>>> entries)
    {
        ReferencedLibraries = referencedLibraries;
        this.entries = entries;
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
        }

        return new LibraryKnowledge(referenced.ToImmutable(), entries);
    }

    /// <summary>Whether any table describes this method: the bodies that call none are never analysed.</summary>
    public bool Knows(IMethodSymbol method) => Entries(method).Count > 0;

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
        name is null || method.Parameters.Any(parameter => parameter.Name == name);
}
