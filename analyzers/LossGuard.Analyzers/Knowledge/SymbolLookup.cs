using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Knowledge;

/// <summary>The tables' metadata names resolved to the compilation's symbols, once.</summary>
internal sealed class SymbolLookup
{
    private readonly Compilation compilation;
    private readonly Dictionary<string, INamedTypeSymbol?> types = new();
    private readonly List<IAssemblySymbol> libraryAssemblies = new();
    private Dictionary<string, IAssemblySymbol>? referencedByName;
    private readonly Dictionary<INamedTypeSymbol, Dictionary<string, List<object>>> entries = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, ModuleEntry> modules = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> modelBases = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> moduleClassBases = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, DTypeEnumEntry> dtypeEnums = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<(INamedTypeSymbol Type, string Field), bool> dtypeFields = new();
    private readonly Dictionary<(INamedTypeSymbol Type, string Property), string> activationProperties = new();
    private readonly HashSet<INamedTypeSymbol> labelTensorTypes = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> tensorTypes = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, string> displayPrefixes = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> libraryTypes = new(SymbolEqualityComparer.Default);
    private bool registeringLibrary;

    public SymbolLookup(Compilation compilation) => this.compilation = compilation;

    public INamedTypeSymbol? Type(string metadataName)
    {
        if (!types.TryGetValue(metadataName, out var type))
        {
            type = InLibraries(metadataName) ?? compilation.GetTypeByMetadataName(metadataName);
            types.Add(metadataName, type);
        }

        return type;
    }

    /// <summary>
    /// Begins a table: its referenced assemblies are searched first for the names it asks for next (a compilation-wide
    /// lookup searches every reference of the compilation, for each name); another library's are not, so a copy of a
    /// type one library carries for itself cannot stand for the real one.
    /// </summary>
    public void Enter(ImmutableArray<string> assemblyNames)
    {
        libraryAssemblies.Clear();
        foreach (var name in assemblyNames)
        {
            if (Referenced(name) is { } referenced)
            {
                libraryAssemblies.Add(referenced);
            }
        }
    }

    /// <summary>Whether the compilation sees any of the markers; the assemblies that hold them are searched first from now on.</summary>
    public bool FindsAny(ImmutableArray<string> markers)
    {
        var found = false;
        foreach (var marker in markers)
        {
            if (Type(marker) is { ContainingAssembly: { } assembly })
            {
                found = true;
                if (!libraryAssemblies.Contains(assembly))
                {
                    libraryAssemblies.Add(assembly);
                }
            }
        }

        return found;
    }

    private IAssemblySymbol? Referenced(string assemblyName)
    {
        if (referencedByName is null)
        {
            referencedByName = new Dictionary<string, IAssemblySymbol>();
            foreach (var reference in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (!referencedByName.ContainsKey(reference.Identity.Name))
                {
                    referencedByName.Add(reference.Identity.Name, reference);
                }
            }
        }

        return referencedByName.TryGetValue(assemblyName, out var assembly) ? assembly : null;
    }

    private INamedTypeSymbol? InLibraries(string metadataName)
    {
        foreach (var assembly in libraryAssemblies)
        {
            if (assembly.GetTypeByMetadataName(metadataName) is { } type)
            {
                return type;
            }
        }

        return null;
    }

    public void Register(LibraryTable table)
    {
        registeringLibrary = !table.MarkerTypes.IsEmpty;
        foreach (var producer in table.Producers)
        {
            Add(producer.Type, producer.Method, producer);
        }

        foreach (var transform in table.Transforms)
        {
            Add(transform.Type, transform.Method, transform);
        }

        foreach (var input in table.LossInputs)
        {
            Add(input.Type, input.Method, input);
        }

        foreach (var option in table.RecognisedStrings)
        {
            Add(option.Type, option.Method, option);
        }

        foreach (var module in table.Modules)
        {
            if (Type(module.Type) is { } type)
            {
                modules[type] = module;
            }

            if (module.FactoryType is { } factory && module.FactoryMethod is { } method)
            {
                Add(factory, method, module);
            }
        }

        foreach (var name in table.ModelBaseTypes)
        {
            if (Type(name) is { } type)
            {
                modelBases.Add(type);
            }
        }

        foreach (var name in table.ModuleClassBaseTypes)
        {
            if (Type(name) is { } type)
            {
                moduleClassBases.Add(type);
            }
        }

        foreach (var dtype in table.DTypeEnums)
        {
            if (Type(dtype.Type) is { } type)
            {
                dtypeEnums[type] = dtype;
            }
        }

        foreach (var field in table.DTypeFields)
        {
            if (Type(field.Type) is { } type)
            {
                dtypeFields[(type, field.Field)] = field.Integer;
            }
        }

        foreach (var property in table.ActivationProperties)
        {
            if (Type(property.Type) is { } type)
            {
                activationProperties[(type, property.Property)] = property.Name;
            }
        }

        foreach (var prefix in table.DisplayPrefixes)
        {
            if (Type(prefix.Key) is { } type)
            {
                displayPrefixes[type] = prefix.Value;
            }
        }

        foreach (var implementation in table.FactoryImplementations)
        {
            AddImplementation(implementation.Key, implementation.Value);
        }

        AddTypes(table.LabelTensorTypes, labelTensorTypes);
        AddTypes(table.TensorTypes, tensorTypes);
    }

    /// <summary>
    /// A library class implementing a factory interface: calls of its methods bind to the class, not the interface, so
    /// the interface's entries and display prefix are registered for the class too (when it does implement it).
    /// </summary>
    private void AddImplementation(string className, string interfaceName)
    {
        if (Type(className) is not { } type || Type(interfaceName) is not { } factory
            || !type.AllInterfaces.Contains(factory, SymbolEqualityComparer.Default)
            || !entries.TryGetValue(factory, out var byName))
        {
            return;
        }

        foreach (var pair in byName)
        {
            foreach (var entry in pair.Value)
            {
                Add(className, pair.Key, entry);
            }
        }

        if (displayPrefixes.TryGetValue(factory, out var prefix))
        {
            displayPrefixes[type] = prefix;
        }
    }

    public IReadOnlyList<object> Entries(IMethodSymbol method) =>
        method.ContainingType is { } type
        && entries.TryGetValue(type.OriginalDefinition, out var byName)
        && byName.TryGetValue(method.Name, out var list)
            ? list
            : System.Array.Empty<object>();

    /// <summary>A type a library (a table with marker types) describes members of; the BCL's math is not one.</summary>
    public bool IsLibraryType(INamedTypeSymbol? type) => type is not null && libraryTypes.Contains(type.OriginalDefinition);

    public ModuleEntry? Module(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && modules.TryGetValue(named.OriginalDefinition, out var entry) ? entry : null;

    public bool DerivesFromModelBase(INamedTypeSymbol type) => AnyBaseType(type, modelBases);

    /// <summary>A class deriving from a model base or from a module base whose classes are not models (<see cref="LibraryTable.ModuleClassBaseTypes"/>).</summary>
    public bool DerivesFromModuleClassBase(INamedTypeSymbol type) => DerivesFromModelBase(type) || AnyBaseType(type, moduleClassBases);

    /// <summary>A module class, a module base, or a class deriving from one (where apply and training methods live).</summary>
    public bool IsModuleType(INamedTypeSymbol? type) =>
        type is not null
        && (modules.ContainsKey(type.OriginalDefinition) || modelBases.Contains(type.OriginalDefinition) || DerivesFromModelBase(type));

    public bool? IsIntegerDType(ITypeSymbol? enumType, long? value) =>
        enumType is INamedTypeSymbol named && value is { } code && dtypeEnums.TryGetValue(named.OriginalDefinition, out var entry)
            ? entry.Integers.Contains(code) ? true : entry.Floats.Contains(code) ? false : null
            : null;

    public bool? DTypeField(IFieldSymbol field) =>
        field.ContainingType is { } type && dtypeFields.TryGetValue((type.OriginalDefinition, field.Name), out var integer) ? integer : null;

    public string? ActivationProperty(IPropertySymbol property) =>
        property.ContainingType is { } type && activationProperties.TryGetValue((type.OriginalDefinition, property.Name), out var name) ? name : null;

    public string? DisplayPrefix(INamedTypeSymbol? type) =>
        type is not null && displayPrefixes.TryGetValue(type.OriginalDefinition, out var prefix) ? prefix : null;

    public bool IsLabelTensorType(ITypeSymbol? type) => IsOrDerivesFrom(type, labelTensorTypes);

    public bool IsTensorType(ITypeSymbol? type) => IsOrDerivesFrom(type, tensorTypes);

    private static bool IsOrDerivesFrom(ITypeSymbol? type, HashSet<INamedTypeSymbol> types) =>
        type is INamedTypeSymbol named && (types.Contains(named.OriginalDefinition) || AnyBaseType(named, types));

    private void AddTypes(IEnumerable<string> names, HashSet<INamedTypeSymbol> into)
    {
        foreach (var name in names)
        {
            if (Type(name) is { } type)
            {
                into.Add(type);
            }
        }
    }

    private void Add(string typeName, string method, object entry)
    {
        if (Type(typeName) is not { } type)
        {
            return;
        }

        if (registeringLibrary)
        {
            libraryTypes.Add(type);
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

    private static bool AnyBaseType(INamedTypeSymbol type, HashSet<INamedTypeSymbol> types)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (types.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
