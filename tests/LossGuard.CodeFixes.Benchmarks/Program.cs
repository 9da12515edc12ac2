using System;
using System.Globalization;
using System.IO;
using System.Linq;
using LossGuard.CodeFixes;
using LossGuard.CodeFixes.Benchmarks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

// Time to offer a fix (what an editor asks on every caret move), to apply it, and Fix All, in generated training files,
// for this build and, with before-dir=<directory of another build's LossGuard.CodeFixes.dll>, that build in the same run.
// Usage: dotnet run -c Release [-- before-dir=<directory>] [samples=<findings timed per file>]
string? Option(string name) => args.FirstOrDefault(argument => argument.StartsWith(name + "=", StringComparison.Ordinal))?.Substring(name.Length + 1);
var samples = int.Parse(Option("samples") ?? "15", CultureInfo.InvariantCulture);

var referencePack = typeof(FixTimings).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
    .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "ReferencePack").Value!;
var references = Directory.GetFiles(referencePack, "*.dll").Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
    .Append(MetadataReference.CreateFromFile(typeof(LossGuard.Losses).Assembly.Location))
    .ToList();

var builds = new (string Name, CodeFixProvider Provider)[] { ("this build", new LossGuardCodeFixProvider()) }.ToList();
if (Option("before-dir") is { } before)
{
    builds.Insert(0, ("before (" + before + ")", OtherBuild.Provider(before)));
}

Console.WriteLine($"LossGuard code fixes: median of {samples} findings per file; machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine("| build | file | findings | offer one fix (ms) | apply it (ms) |");
Console.WriteLine("|---|---|---:|---:|---:|");
var files = new[] { (Lines: 300, Findings: 45), (Lines: 2000, Findings: 300) };
foreach (var (lines, findings) in files)
{
    var file = await FixTimings.CreateAsync(TrainingFile.Create(lines, findings), references);
    foreach (var (name, provider) in builds)
    {
        await file.OneFixAsync(provider, 2);
        var (offer, apply) = await file.OneFixAsync(provider, samples);
        Console.WriteLine(FormattableString.Invariant($"| {name} | {lines} lines | {file.Findings} | {offer:F1} | {apply:F1} |"));
    }
}

Console.WriteLine();
Console.WriteLine("| build | Fix All in document | findings | time (ms) | findings left |");
Console.WriteLine("|---|---|---:|---:|---:|");
var large = await FixTimings.CreateAsync(TrainingFile.Create(2000, 300), references);
foreach (var (name, provider) in builds)
{
    var (milliseconds, left) = await large.FixAllAsync(provider);
    Console.WriteLine(FormattableString.Invariant($"| {name} | 2000 lines | {large.Findings} | {milliseconds:F0} | {left} |"));
}
