using System;
using System.Collections.Immutable;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LossGuard.Analyzers.Benchmarks;
using LossGuard.Analyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

// The analyzers' own execution time as a share of compile time, on generated ML projects (the four libraries), on
// TorchSharp projects shaped like real ones ("model zoo", "RL agents", "model library": ProjectShapeGenerator) and on
// a generated project that references none, beside an empty analyzer. By default the compiler and the analyzer driver
// each run on one thread, so that both times are the work done; --concurrent runs both on every core, where Roslyn's
// telemetry sums each callback's elapsed time, including time spent preempted or waiting on shared caches.
// Usage: dotnet run -c Release [files] [rounds] [--warm-up=<rounds>] [--concurrent] [--only=<words in a project's name>]
//        (--only=zoo, --only=agents, --only="model library" select one realistic shape; --only=training, application, plain the others)
//        dotnet run -c Release [files] [rounds] --compare=<another build's LossGuard.Analyzers.dll> (see PairedComparison)
//        dotnet run -c Release [files] --phases
//        dotnet run -c Release [files] [rounds] --start[=plain] (the per-compilation start: StartCost)
//        dotnet run -c Release [files] [rounds] --project=<directory of .cs files> --references=<directory of reference assemblies>
//            [--implicit-usings] [--per-file] [--compare=<dll>] (a real project kept outside the repository: RealProject)
var numbers = args.Where(argument => !argument.StartsWith("--", StringComparison.Ordinal)).ToList();
var files = numbers.Count > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 300;
var rounds = numbers.Count > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 5;

var referencePack = typeof(CostMeasurement).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
    .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "ReferencePack").Value!;
var framework = Directory.GetFiles(referencePack, "*.dll").Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
var libraries = new[]
{
    typeof(LossGuard.Losses).Assembly.Location,
    typeof(System.Numerics.Tensors.TensorPrimitives).Assembly.Location,
    typeof(TorchSharp.torch).Assembly.Location,
    typeof(Tensorflow.Binding).Assembly.Location,
    typeof(Tensorflow.KerasApi).Assembly.Location,
}.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
var plainReferences = framework.ToImmutableArray();
var mlReferences = plainReferences.AddRange(libraries);

var concurrent = args.Contains("--concurrent");
var warmUps = int.Parse(Option("--warm-up=") ?? "3", CultureInfo.InvariantCulture);
var only = Option("--only=");

if (args.Any(argument => argument.StartsWith("--start", StringComparison.Ordinal)))
{
    Console.WriteLine("| references | first in this process, ms (allocated) | warm median, ms | warm minimum, ms | warm allocated |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    if (Option("--start=") != "plain")
    {
        StartCost.Run("the four ML libraries", mlReferences, rounds);
    }

    StartCost.Run("no ML library", plainReferences, rounds);
    return;
}

if (Option("--project=") is { } projectDirectory)
{
    var project = RealProject.Load(
        projectDirectory, Option("--references=") ?? throw new ArgumentException("--project needs --references=<directory of reference assemblies>"), plainReferences, args.Contains("--implicit-usings"));
    if (Option("--compare=") is { } otherAnalyzer)
    {
        PairedComparison.WriteHeader($"This build's LossGuard against {otherAnalyzer} on {project.Name}, in the same driver runs: {rounds} rounds after {warmUps} warm-up rounds");
        await PairedComparison.RunAsync(project.Name, project.Compile, Path.GetFullPath(otherAnalyzer), warmUps, rounds);
    }
    else
    {
        await RealProject.RunAsync(project, warmUps, rounds, args.Contains("--per-file"));
    }

    return;
}

if (args.Contains("--phases"))
{
    foreach (var depth in new[] { 0, 3 })
    {
        PhaseBreakdown.Run(TrainingCodeGenerator.Files(files, seed: 1), mlReferences, depth);
    }

    return;
}

var projects = new (string Name, Func<IReadOnlyList<string>> Files, ImmutableArray<MetadataReference> References)[]
{
    ("ML training code", () => TrainingCodeGenerator.Files(files, seed: 1), mlReferences),
    ("ML application", () => TrainingCodeGenerator.ApplicationFiles(files, seed: 1), mlReferences),
    ("plain code, no ML library", () => TrainingCodeGenerator.PlainFiles(files, seed: 1), plainReferences),
    ("model zoo", () => ProjectShapeGenerator.ModelZooFiles(files, seed: 1), mlReferences),
    ("RL agents", () => ProjectShapeGenerator.RlAgentFiles(files, seed: 1), mlReferences),
    ("model library", () => ProjectShapeGenerator.ModelLibraryFiles(files, seed: 1), mlReferences),
};

if (Option("--compare=") is { } otherBuild)
{
    PairedComparison.WriteHeader($"This build's LossGuard against {otherBuild}, in the same driver runs: median of {rounds} rounds after {warmUps} warm-up rounds");
    foreach (var (name, projectFiles, references) in Selected())
    {
        var texts = projectFiles();
        await PairedComparison.RunAsync(name, () => CSharpCompilation.Create(
            name,
            texts.Select((text, index) => CSharpSyntaxTree.ParseText(text, path: $"File{index}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false)), Path.GetFullPath(otherBuild), warmUps, rounds);
    }

    return;
}

Console.WriteLine($"LossGuard analyzer cost: {files} generated files per project, median of {rounds} rounds after {warmUps} warm-up rounds");
Console.WriteLine(concurrent ? "compiler and analyzer driver concurrent" : "compiler and analyzer driver on one thread each");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
Console.WriteLine();
Console.WriteLine("| project | files | lines | compile (ms) | LossGuard (ms) | share | empty analyzer (ms) | share | LG diagnostics |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (name, projectFiles, references) in Selected())
{
    var result = await CostMeasurement.MeasureAsync(name, projectFiles(), references, warmUps, rounds, concurrent);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"| {result.Project} | {result.Files} | {result.Lines} | {result.Compile.TotalMilliseconds:F0} | {result.Analyzer.TotalMilliseconds:F1} | {result.AnalyzerShare:P2} | {result.Empty.TotalMilliseconds:F1} | {result.EmptyShare:P2} | {result.Diagnostics} |"));
}

string? Option(string prefix) =>
    args.FirstOrDefault(argument => argument.StartsWith(prefix, StringComparison.Ordinal)) is { } option ? option[prefix.Length..] : null;

IEnumerable<(string Name, Func<IReadOnlyList<string>> Files, ImmutableArray<MetadataReference> References)> Selected() =>
    projects.Where(project => only is null || project.Name.Contains(only, StringComparison.OrdinalIgnoreCase));
