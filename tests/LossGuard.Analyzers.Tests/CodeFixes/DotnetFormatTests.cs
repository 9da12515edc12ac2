using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Rules;
using LossGuard.Analyzers.Tests.Infrastructure;
using LossGuard.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LossGuard.Analyzers.Tests.CodeFixes;

/// <summary>
/// The SDK's <c>dotnet format analyzers</c>, naming every rule, on a project that mixes every rule and library over
/// several files (DotnetFormatProject/): one call applies every fix, the result compiles, and only the findings the
/// rule pages say have no fix are left.
/// </summary>
public sealed class DotnetFormatTests
{
    /// <summary>What each fix writes in place of the misuse, file by file, in the order they appear.</summary>
    private static readonly (string File, string Misuse, string Fused)[] Fixes =
    {
        ("Runtime.cs", "Losses.SparseSoftmaxCrossEntropyWithLogits(Activations.Softmax(logits, classes), labels, classes)", "Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, classes)"),
        ("Runtime.cs", "var probabilities = Activations.Sigmoid(logits);\n        return Losses.SigmoidCrossEntropyWithLogits(probabilities, targets);", "return Losses.SigmoidCrossEntropyWithLogits(logits, targets);"),
        ("Runtime.cs", "Losses.CategoricalCrossEntropy(Activations.Softmax(logits, classes), targets, classes)", "Losses.SoftmaxCrossEntropyWithLogits(logits, targets, classes)"),
        ("Runtime.cs", "Activations.Softmax(scores, Outputs)", "Activations.Sigmoid(scores)"),
        ("Torch.cs", "F.cross_entropy(F.softmax(scores, 1), labels)", "F.cross_entropy(scores, labels)"),
        ("Torch.cs", "F.binary_cross_entropy(F.sigmoid(scores), targets)", "F.binary_cross_entropy_with_logits(scores, targets)"),
        ("Torch.cs", "F.softmax(scores, 1).log()", "F.log_softmax(scores, 1)"),
        ("Torch.cs", "F.cross_entropy(scores, F.one_hot(labels, 10))", "F.cross_entropy(scores, labels)"),
        ("Torch.cs", "NLLLoss().forward(F.softmax(scores, dim: 1), labels)", "NLLLoss().forward(F.log_softmax(scores, dim: 1), labels)"),
        ("Torch.cs", "Sequential(Linear(32, 1), Softmax(1))", "Sequential(Linear(32, 1), Sigmoid())"),
        ("Torch.cs", "F.softmax(prediction, dim: 0)", "F.softmax(prediction, dim: 1)"),
        ("TensorFlow.cs", "SparseCategoricalCrossentropy(from_logits: true)", "SparseCategoricalCrossentropy(from_logits: false)"),
        ("TensorFlow.cs", "SparseCategoricalCrossentropy())", "SparseCategoricalCrossentropy(from_logits: true))"),
        ("TensorFlow.cs", "tf.nn.softmax_cross_entropy_with_logits(", "tf.nn.sparse_softmax_cross_entropy_with_logits("),
        ("TensorFlow.cs", "model.compile(\"adam\", \"sparse_categorical_crossentropy\",", "model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(),"),
        ("Primitives.cs", "using System.Numerics.Tensors;\n", "using System.Numerics.Tensors;\nusing LossGuard;\n"),
        ("Primitives.cs", "TensorPrimitives.SoftMax(scores, probabilities)", "Activations.Softmax(scores, probabilities, scores.Length)"),
        ("Primitives.cs", "TensorPrimitives.SoftMax(values, output)", "Activations.Softmax(values, output, values.Length)"),
    };

    /// <summary>The findings left, each documented on its rule page as having no fix: rule, file, and the line's text.</summary>
    private static readonly string[] Unfixable =
    {
        "LG0001 Torch.cs return CrossEntropyLoss().forward(model.forward(features), labels);",
        "LG0003 Runtime.cs return -MathF.Log(probabilities[label]);",
        "LG0003 Torch.cs return BCELoss().call(discriminator.call(images), real);",
        "LG0007 Runtime.cs return Losses.NegativeLogLikelihood(probabilities, labels, classes);",
        "LG0010 Primitives.cs public static void Shifted(float[] scores, Span<float> probabilities) => TensorPrimitives.SoftMax(scores.AsSpan(1), probabilities);",
    };

    private static readonly string[] RuleIds = Enumerable.Range(1, 10).Select(number => $"LG{number:D4}").ToArray();

    [Fact]
    public async Task One_call_naming_every_rule_applies_every_fix_and_leaves_only_the_findings_without_one()
    {
        var sources = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "DotnetFormatProject"), "*.cs")
            .ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);
        var before = await FindingsAsync(sources);
        Assert.Equal(RuleIds, before.Select(finding => finding.Split(' ')[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Fixes.Length - 1 + Unfixable.Length, before.Count);

        var directory = Directory.CreateTempSubdirectory("lossguard-format-");
        try
        {
            WriteProject(directory.FullName, sources);
            var (exitCode, output) = await DotnetTool.RunAsync(
                directory.FullName,
                TimeSpan.FromMinutes(4),
                new[] { "format", "analyzers", "Training.csproj", "--severity", "warn", "--diagnostics" }.Concat(RuleIds).ToArray());
            Assert.True(exitCode == 0, $"dotnet format failed ({exitCode}):\n{output}");

            var formatted = sources.Keys.ToDictionary(name => name, name => File.ReadAllText(Path.Combine(directory.FullName, name)), StringComparer.Ordinal);
            foreach (var (name, source) in sources)
            {
                Assert.Equal(Fused(name, source), formatted[name]);
            }

            Assert.Equal(Unfixable, await FindingsAsync(formatted));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The source with each of its fixes applied; each misuse must be written exactly once.</summary>
    private static string Fused(string name, string source)
    {
        foreach (var (_, misuse, fused) in Fixes.Where(fix => fix.File == name))
        {
            int at = source.IndexOf(misuse, StringComparison.Ordinal);
            Assert.True(at >= 0 && source.IndexOf(misuse, at + 1, StringComparison.Ordinal) < 0, $"{name} should hold '{misuse}' once");
            source = source.Substring(0, at) + fused + source.Substring(at + misuse.Length);
        }

        return source;
    }

    /// <summary>
    /// The sources compiled as the project is (no errors allowed) and analysed: "rule file line" for each finding,
    /// in order.
    /// </summary>
    private static async Task<List<string>> FindingsAsync(IReadOnlyDictionary<string, string> sources)
    {
        var compilation = CSharpCompilation.Create(
            "Training",
            sources.Select(source => CSharpSyntaxTree.ParseText(source.Value, path: source.Key)),
            await TestReferences.WithLibrariesAsync(),
            LibraryProject.Options);
        var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the project should compile:\n" + string.Join("\n", errors));

        var findings = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ValueDomainAnalyzer())).GetAnalyzerDiagnosticsAsync();
        return findings
            .Select(finding => $"{finding.Id} {finding.Location.SourceTree!.FilePath} {Line(finding)}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Line(Diagnostic finding)
    {
        var text = finding.Location.SourceTree!.GetText();
        return text.Lines.GetLineFromPosition(finding.Location.SourceSpan.Start).ToString().Trim();
    }

    /// <summary>A project referencing the libraries and LossGuard's analyzer and code-fix assemblies as built, as a package would add them.</summary>
    private static void WriteProject(string directory, IReadOnlyDictionary<string, string> sources)
    {
        foreach (var (name, source) in sources)
        {
            File.WriteAllText(Path.Combine(directory, name), source);
        }

        var references = new List<string> { typeof(Losses).Assembly.Location, typeof(System.Numerics.Tensors.TensorPrimitives).Assembly.Location, TorchSharpAssemblyAttribute.Value };
        foreach (var (fileName, image) in TensorFlowReferences.Assemblies)
        {
            File.WriteAllBytes(Path.Combine(directory, fileName), image);
            references.Add(Path.Combine(directory, fileName));
        }

        var analyzers = new[] { typeof(ValueDomainAnalyzer).Assembly.Location, typeof(LossGuardCodeFixProvider).Assembly.Location };
        File.WriteAllText(Path.Combine(directory, "Training.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
            {string.Concat(references.Select(path => $"    <Reference Include=\"{path}\" />\n"))}{string.Concat(analyzers.Select(path => $"    <Analyzer Include=\"{path}\" />\n"))}  </ItemGroup>
            </Project>
            """);
    }
}
