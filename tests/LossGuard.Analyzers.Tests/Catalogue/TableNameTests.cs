using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LossGuard.Analyzers.Knowledge;
using LossGuard.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LossGuard.Analyzers.Tests.Catalogue;

/// <summary>
/// Every name a library table gives a fix or a message to (fused forms, variants, replacement objects) is a real
/// member of the library: TorchSharp's package, the TensorFlow.NET API model, LossGuard.Runtime, System.Numerics.Tensors.
/// </summary>
public sealed class TableNameTests
{
    [Fact]
    public async Task Every_fused_variant_and_replacement_name_resolves_in_its_library()
    {
        var compilation = CSharpCompilation.Create(
            "TableNames",
            new[] { CSharpSyntaxTree.ParseText(ReplacementObjects()) },
            await TestReferences.WithLibrariesAsync(),
            LibraryProject.Options);
        var names = new TableNames(compilation);

        foreach (var table in LibraryKnowledge.Tables)
        {
            names.CheckProducers(table);
            names.CheckLossInputs(table);
            names.CheckModules(table);
        }

        Assert.True(names.Checked > 30, $"only {names.Checked} names checked");
        Assert.Empty(names.Unresolved);
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(diagnostic => diagnostic.ToString()));
    }

    /// <summary>The C# the fixes pass in place of a recognised string (<c>"adam"</c> → <c>keras.optimizers.Adam()</c>), each compiled.</summary>
    private static string ReplacementObjects() =>
        "static class Replacements\n{\n"
        + string.Concat(LibraryKnowledge.Tables.SelectMany(table => table.RecognisedStrings).SelectMany(entry => entry.Objects).Distinct()
            .Select((entry, index) => $"    static object Object{index}() => {entry.Expression};\n"))
        + "}\n";

    private sealed class TableNames
    {
        private readonly Compilation compilation;

        public TableNames(Compilation compilation) => this.compilation = compilation;

        public List<string> Unresolved { get; } = new();

        public int Checked { get; private set; }

        public void CheckProducers(LibraryTable table)
        {
            foreach (var producer in table.Producers)
            {
                Method(producer.FusedLogType ?? producer.Type, producer.FusedLog);
                Method(producer.Type, producer.SigmoidVariant);
            }
        }

        /// <summary>A loss's variants are methods of its type, or (a loss class made by a factory) factories of its module.</summary>
        public void CheckLossInputs(LibraryTable table)
        {
            foreach (var input in table.LossInputs)
            {
                string type = table.Modules.FirstOrDefault(module => module.Type == input.Type)?.FactoryType ?? input.Type;
                Method(type, Member(input.LogitsVariant));
                Method(type, Member(input.LabelsVariant));
                Method(type, Member(input.SigmoidVariant));
            }
        }

        /// <summary>A module's fused and sigmoid forms are module classes of its library, or functions of the type named.</summary>
        public void CheckModules(LibraryTable table)
        {
            foreach (var module in table.Modules)
            {
                if (module.FusedLogType is { } type)
                {
                    Method(type, module.FusedLog);
                }
                else
                {
                    Sibling(module.Type, module.FusedLog);
                }

                Sibling(module.Type, module.FusedName);
                Sibling(module.Type, module.SigmoidVariant);
            }
        }

        private void Method(string type, string? name)
        {
            if (name is null)
            {
                return;
            }

            Checked++;
            if (compilation.GetTypeByMetadataName(type)?.GetMembers(name).OfType<IMethodSymbol>().Any() != true)
            {
                Unresolved.Add(type + "." + name);
            }
        }

        private void Sibling(string type, string? name)
        {
            if (name is null)
            {
                return;
            }

            Checked++;
            string sibling = type.Substring(0, type.LastIndexOf('.') + 1) + name;
            if (compilation.GetTypeByMetadataName(sibling) is null)
            {
                Unresolved.Add(sibling);
            }
        }

        /// <summary>Names may carry their type for messages (<c>Losses.SigmoidCrossEntropyWithLogits</c>).</summary>
        private static string? Member(string? name) => name?.Substring(name.LastIndexOf('.') + 1);
    }
}
