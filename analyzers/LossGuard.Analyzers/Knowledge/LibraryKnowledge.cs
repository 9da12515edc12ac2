using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Knowledge;

/// <summary>The library tables resolved against one compilation: symbol lookups for producers and loss inputs.</summary>
internal sealed class LibraryKnowledge
{
    public static ImmutableArray<LibraryTable> Tables { get; } = ImmutableArray.Create(
        RuntimeTable.Create(),
        GateOnlyTables.TensorPrimitives(),
        GateOnlyTables.TorchSharp(),
        GateOnlyTables.TensorFlowNet());

    private readonly Dictionary<INamedTypeSymbol, Dictionary<string, ProducerEntry>> producers;
    private readonly Dictionary<INamedTypeSymbol, Dictionary<string, List<LossInputEntry>>> lossInputs;

    private LibraryKnowledge(
        ImmutableArray<string> referencedLibraries,
        Dictionary<INamedTypeSymbol, Dictionary<string, ProducerEntry>> producers,
        Dictionary<INamedTypeSymbol, Dictionary<string, List<LossInputEntry>>> lossInputs)
    {
        ReferencedLibraries = referencedLibraries;
        this.producers = producers;
        this.lossInputs = lossInputs;
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
        var producers = new Dictionary<INamedTypeSymbol, Dictionary<string, ProducerEntry>>(SymbolEqualityComparer.Default);
        var lossInputs = new Dictionary<INamedTypeSymbol, Dictionary<string, List<LossInputEntry>>>(SymbolEqualityComparer.Default);
        foreach (var table in Tables)
        {
            if (!table.MarkerTypes.Any(marker => Type(marker) is not null))
            {
                continue;
            }

            referenced.Add(table.Name);
            foreach (var producer in table.Producers)
            {
                if (Type(producer.Type) is { } type)
                {
                    ByName(producers, type)[producer.Method] = producer;
                }
            }

            foreach (var input in table.LossInputs)
            {
                if (Type(input.Type) is { } type)
                {
                    var byName = ByName(lossInputs, type);
                    if (!byName.TryGetValue(input.Method, out var list))
                    {
                        byName[input.Method] = list = new List<LossInputEntry>();
                    }

                    list.Add(input);
                }
            }
        }

        return new LibraryKnowledge(referenced.ToImmutable(), producers, lossInputs);
    }

    public ProducerEntry? FindProducer(IMethodSymbol method) =>
        producers.TryGetValue(method.ContainingType.OriginalDefinition, out var byName)
        && byName.TryGetValue(method.Name, out var entry)
            ? entry
            : null;

    public LossInputEntry? FindLossInput(IMethodSymbol method, IParameterSymbol parameter)
    {
        if (lossInputs.TryGetValue(method.ContainingType.OriginalDefinition, out var byName)
            && byName.TryGetValue(method.Name, out var entries))
        {
            foreach (var entry in entries)
            {
                if (entry.Parameter == parameter.Name)
                {
                    return entry;
                }
            }
        }

        return null;
    }

    private static Dictionary<string, T> ByName<T>(Dictionary<INamedTypeSymbol, Dictionary<string, T>> map, INamedTypeSymbol type)
    {
        if (!map.TryGetValue(type, out var byName))
        {
            map[type] = byName = new Dictionary<string, T>();
        }

        return byName;
    }
}
