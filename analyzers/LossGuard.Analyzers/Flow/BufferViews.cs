using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>What a BCL call does with the buffer it is called on (arrays, spans, memory): language-level, not a library table.</summary>
internal enum BufferView
{
    None,

    /// <summary>The same elements (<c>AsSpan()</c>, <c>AsMemory()</c>).</summary>
    Whole,

    /// <summary>Some of the same elements (<c>Slice</c>, <c>AsSpan(start, length)</c>).</summary>
    Part,

    /// <summary>A new buffer with the same contents (<c>ToArray</c>, <c>Clone</c>).</summary>
    Copy,

    /// <summary>An enumerator whose <c>Current</c> is an element.</summary>
    Enumerator,

    /// <summary><c>source.CopyTo(destination)</c>: the destination now holds the source's contents.</summary>
    CopyTo,

    /// <summary>Reads the buffer and changes nothing (<c>Length</c>-like queries, LINQ over it).</summary>
    Read,
}

internal static class BufferViews
{
    public static BufferView Classify(IMethodSymbol method)
    {
        var receiver = method.IsExtensionMethod || method.ReducedFrom is not null
            ? (method.ReducedFrom ?? method).Parameters is { Length: > 0 } parameters ? parameters[0].Type : null
            : method.ContainingType;
        if (method.Name == "GetEnumerator" && method.Parameters.IsEmpty)
        {
            return BufferView.Enumerator;
        }

        if (Is(method.ContainingType, "System.Linq", "Enumerable", 0))
        {
            return method.Name is "ToArray" or "ToList" ? BufferView.Copy : BufferView.Read;
        }

        if (receiver is null || !IsBuffer(receiver) && receiver.SpecialType != SpecialType.System_Array)
        {
            return BufferView.None;
        }

        var arguments = method.Parameters.Length - (method.IsExtensionMethod && method.ReducedFrom is null ? 1 : 0);
        return method.Name switch
        {
            "AsSpan" or "AsMemory" => arguments == 0 ? BufferView.Whole : BufferView.Part,
            "Slice" => BufferView.Part,
            "ToArray" or "Clone" => BufferView.Copy,
            "GetEnumerator" => BufferView.Enumerator,
            "CopyTo" or "TryCopyTo" => BufferView.CopyTo,
            "GetLength" or "GetHashCode" or "Equals" or "ToString" or "SequenceEqual" or "IndexOf" or "Contains" or "GetPinnableReference" => BufferView.Read,
            _ => BufferView.None,
        };
    }

    /// <summary>Arrays, spans and memory: values whose elements the engine follows.</summary>
    public static bool IsBuffer(ITypeSymbol? type) =>
        type is IArrayTypeSymbol
        || type is INamedTypeSymbol { Arity: 1, Name: "Span" or "ReadOnlySpan" or "Memory" or "ReadOnlyMemory" } named && IsSystem(named);

    /// <summary>Parameter types through which a callee can change a buffer's elements.</summary>
    public static bool IsWritable(ITypeSymbol? type) =>
        type is IArrayTypeSymbol
        || type?.SpecialType is SpecialType.System_Array
        || type is INamedTypeSymbol named
            && (named.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IList_T or SpecialType.System_Collections_Generic_ICollection_T
                || named is { Arity: 1, Name: "Span" or "Memory" } && IsSystem(named)
                || Is(named, "System.Collections", "IList", 0));

    /// <summary>Whether the type is <c>ns.name</c> with the given arity (compared by parts: no display strings on the hot path).</summary>
    public static bool Is(INamedTypeSymbol? type, string ns, string name, int arity) =>
        type is not null && type.Name == name && type.Arity == arity && type.ContainingType is null && NamespaceIs(type.ContainingNamespace, ns);

    private static bool IsSystem(INamedTypeSymbol type) => type.ContainingType is null && NamespaceIs(type.ContainingNamespace, "System");

    /// <summary>Whether the namespace is <paramref name="ns"/>, compared part by part from the last without cutting strings.</summary>
    private static bool NamespaceIs(INamespaceSymbol? symbol, string ns)
    {
        for (var end = ns.Length; ; )
        {
            var dot = ns.LastIndexOf('.', end - 1);
            var length = end - dot - 1;
            if (symbol is null || symbol.Name.Length != length || string.CompareOrdinal(symbol.Name, 0, ns, dot + 1, length) != 0)
            {
                return false;
            }

            symbol = symbol.ContainingNamespace;
            if (dot < 0)
            {
                return symbol?.IsGlobalNamespace == true;
            }

            end = dot;
        }
    }
}
