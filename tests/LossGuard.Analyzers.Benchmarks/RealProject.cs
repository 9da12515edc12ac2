using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LossGuard.Analyzers.Benchmarks;

/// <summary>
/// A real project's cost, its code kept outside the repository: every <c>.cs</c> file under a directory (<c>bin</c> and
/// <c>obj</c> left out) compiled in process against the assemblies of another directory (the project's references, as
/// <c>dotnet msbuild -t:FindReferenceAssembliesForReferences -getItem:ReferencePathWithRefAssemblies</c> lists them; the
/// benchmark's .NET reference pack is added when the directory holds no <c>System.Runtime.dll</c>). After warm-up
/// rounds, the minimum over the counted rounds of fresh compilations, one thread each for compiler and driver:
/// <list type="bullet">
/// <item>the whole compilation: compile time (<c>GetDiagnostics</c> + <c>Emit</c>) against LossGuard's and the empty
/// analyzer's execution time in one driver run;</item>
/// <item>with <c>--per-file</c>, each document on its own, as an IDE analyses the open document after an edit: a fresh
/// compilation's compiler diagnostics for that tree, against the analyzers' semantic diagnostics for that tree on
/// another fresh compilation (the compilation start and every cache of the engine begin again).</item>
/// </list>
/// Run with <c>[files] [rounds] --project=&lt;directory&gt; --references=&lt;directory&gt; [--implicit-usings] [--per-file]</c>
/// (the number of files is not used), or with <c>--compare=&lt;dll&gt;</c> to compare two builds on it (<see cref="PairedComparison"/>).
/// </summary>
internal static class RealProject
{
    /// <summary>The SDK's implicit usings of a console or library project (<c>&lt;ImplicitUsings&gt;enable</c>).</summary>
    private const string ImplicitUsings =
        "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\n"
        + "global using System.Net.Http;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";

    private static readonly CSharpParseOptions Parse = new(
        LanguageVersion.Latest,
        preprocessorSymbols: new[] { "RELEASE", "TRACE", "NET", "NETCOREAPP", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER" });

    public sealed record Project(string Name, ImmutableArray<SyntaxTree> Trees, ImmutableArray<MetadataReference> References, CSharpCompilationOptions Options)
    {
        public CSharpCompilation Compile() => CSharpCompilation.Create(Name, Trees, References, Options);
    }

    public static Project Load(string directory, string referenceDirectory, ImmutableArray<MetadataReference> referencePack, bool implicitUsings)
    {
        var root = Path.GetFullPath(directory);
        var paths = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var trees = paths.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), Parse, Path.GetRelativePath(root, path))).ToList();
        if (implicitUsings)
        {
            trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings, Parse, "ImplicitUsings.g.cs"));
        }

        var assemblies = Directory.GetFiles(referenceDirectory, "*.dll");
        var references = assemblies.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
        if (!assemblies.Any(path => Path.GetFileName(path) == "System.Runtime.dll"))
        {
            references = referencePack.AddRange(references);
        }

        var topLevel = trees.Any(tree => tree.GetRoot() is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any());
        var options = new CSharpCompilationOptions(
            topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            allowUnsafe: true,
            concurrentBuild: false);
        return new Project(Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)), trees.ToImmutableArray(), references, options);
    }

    public static async Task RunAsync(Project project, int warmUps, int rounds, bool perFile)
    {
        var errors = project.Compile().GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        var lines = project.Trees.Sum(tree => tree.GetText().Lines.Count);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{project.Name}: {project.Trees.Length} files, {lines} lines, {project.References.Length} references, {errors.Count} compiler errors; GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}; minimum of {rounds} rounds after {warmUps} warm-up rounds"));
        foreach (var error in errors.Take(5))
        {
            Console.WriteLine($"    {error}");
        }

        Console.WriteLine();
        Console.WriteLine("| project | compile (ms) | LossGuard (ms) | share | empty analyzer (ms) | LG diagnostics |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var compile = double.MaxValue;
        var lossGuard = double.MaxValue;
        var empty = double.MaxValue;
        var findings = 0;
        for (var round = 1 - warmUps; round <= rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            var compilation = project.Compile();
            compilation.GetDiagnostics();
            using (var image = new MemoryStream())
            {
                compilation.Emit(image);
            }

            var compiled = clock.Elapsed.TotalMilliseconds;
            var (analyzers, withAnalyzers) = Analyzers(project.Compile());
            var found = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            var (mine, baseline) = await TimesAsync(withAnalyzers, analyzers);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{project.Name}, round {round}: compile {compiled:F0} ms, LossGuard {mine:F0} ms, empty {baseline:F0} ms"));
            if (round >= 1)
            {
                compile = Math.Min(compile, compiled);
                lossGuard = Math.Min(lossGuard, mine);
                empty = Math.Min(empty, baseline);
                findings = found.Count(diagnostic => diagnostic.Id.StartsWith("LG", StringComparison.Ordinal));
            }
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {project.Name} | {compile:F0} | {lossGuard:F0} | {lossGuard / compile:P1} | {empty:F1} | {findings} |"));
        if (perFile)
        {
            await PerFileAsync(project, warmUps, rounds);
        }
    }

    /// <summary>Each document analysed on its own; the ten with the most LossGuard time, and how many take more than the compiler.</summary>
    private static async Task PerFileAsync(Project project, int warmUps, int rounds)
    {
        var times = project.Trees.Select(_ => (Compile: double.MaxValue, LossGuard: double.MaxValue, Empty: double.MaxValue)).ToArray();
        for (var round = 1 - Math.Min(warmUps, 1); round <= rounds; round++)
        {
            for (var index = 0; index < project.Trees.Length; index++)
            {
                var compilation = project.Compile();
                var tree = project.Trees[index];
                var clock = Stopwatch.StartNew();
                compilation.GetSemanticModel(tree).GetDiagnostics();
                var compiled = clock.Elapsed.TotalMilliseconds;
                var (analyzers, withAnalyzers) = Analyzers(project.Compile());
                await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(withAnalyzers.Compilation.GetSemanticModel(tree), null, default);
                var (mine, baseline) = await TimesAsync(withAnalyzers, analyzers);
                if (round >= 1)
                {
                    var (c, l, e) = times[index];
                    times[index] = (Math.Min(c, compiled), Math.Min(l, mine), Math.Min(e, baseline));
                }
            }

            Console.Error.WriteLine($"{project.Name}, per-file round {round} done");
        }

        var slower = times.Count(time => time.LossGuard > time.Compile);
        Console.WriteLine();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Each document on its own ({project.Trees.Length} files): compile {times.Sum(time => time.Compile):F0} ms in total, LossGuard {times.Sum(time => time.LossGuard):F0} ms, empty analyzer {times.Sum(time => time.Empty):F0} ms; {slower} files where LossGuard takes longer than the compiler."));
        Console.WriteLine();
        Console.WriteLine("| file | lines | compile (ms) | LossGuard (ms) | LossGuard / compile | empty analyzer (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var index in Enumerable.Range(0, times.Length).OrderByDescending(index => times[index].LossGuard).Take(10))
        {
            var (c, l, e) = times[index];
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {project.Trees[index].FilePath} | {project.Trees[index].GetText().Lines.Count} | {c:F1} | {l:F1} | {l / c:F2} | {e:F1} |"));
        }
    }

    private static (ImmutableArray<DiagnosticAnalyzer> Analyzers, CompilationWithAnalyzers With) Analyzers(Compilation compilation)
    {
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new Rules.ValueDomainAnalyzer(), new EmptyAnalyzer());
        return (analyzers, compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true)));
    }

    private static async Task<(double LossGuard, double Empty)> TimesAsync(CompilationWithAnalyzers withAnalyzers, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        ((await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzers[0], default)).ExecutionTime.TotalMilliseconds,
            (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzers[1], default)).ExecutionTime.TotalMilliseconds);
}
