using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Xunit;

namespace LossGuard.Runtime.Tests;

/// <summary>The XML documentation shipped with the package (the build already fails on a public member without any).</summary>
public sealed class DocumentationTests
{
    [Fact]
    public void Every_public_method_documents_each_of_its_parameters_in_order()
    {
        Assembly runtime = typeof(Losses).Assembly;
        var members = XDocument.Load(System.IO.Path.ChangeExtension(runtime.Location, ".xml")).Descendants("member")
            .ToDictionary(m => (string)m.Attribute("name")!);

        var methods = runtime.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && m.GetParameters().Length > 0)
            .ToList();
        var incomplete =
            from method in methods
            let id = DocumentationId(method)
            let documented = members.TryGetValue(id, out var member) ? DocumentedParameters(member, members) : []
            where !documented.SequenceEqual(method.GetParameters().Select(p => p.Name))
            select id;

        Assert.Contains(methods, m => m.Name == nameof(Losses.NegativeLogLikelihood));
        Assert.Empty(incomplete);
    }

    /// <summary>The parameters a member documents itself, or those of the overload its &lt;inheritdoc cref&gt; names.</summary>
    static IEnumerable<string?> DocumentedParameters(XElement member, Dictionary<string, XElement> members) =>
        member.Element("inheritdoc")?.Attribute("cref") is XAttribute cref && members.TryGetValue(cref.Value, out var inherited)
            ? inherited.Elements("param").Select(p => (string?)p.Attribute("name"))
            : member.Elements("param").Select(p => (string?)p.Attribute("name"));

    static string DocumentationId(MethodInfo method) =>
        $"M:{method.DeclaringType!.FullName}.{method.Name}({string.Join(",", method.GetParameters().Select(p => TypeId(p.ParameterType)))})";

    static string TypeId(Type type) =>
        type.IsByRef ? TypeId(type.GetElementType()!) + "@"
        : type.IsArray ? TypeId(type.GetElementType()!) + "[]"
        : type.IsGenericType ? $"{type.Namespace}.{type.Name[..type.Name.IndexOf('`')]}{{{string.Join(",", type.GetGenericArguments().Select(TypeId))}}}"
        : type.FullName!;
}
