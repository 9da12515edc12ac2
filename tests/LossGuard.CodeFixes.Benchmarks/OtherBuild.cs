using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LossGuard.CodeFixes.Benchmarks;

/// <summary>The code fix provider of another LossGuard build (its LossGuard.* assemblies; Roslyn shared with this one).</summary>
internal sealed class OtherBuild : AssemblyLoadContext
{
    private readonly string directory;

    private OtherBuild(string directory)
        : base("LossGuard " + directory) => this.directory = directory;

    public static CodeFixProvider Provider(string directory)
    {
        var build = new OtherBuild(Path.GetFullPath(directory));
        var assembly = build.LoadFromAssemblyPath(Path.Combine(build.directory, "LossGuard.CodeFixes.dll"));
        return (CodeFixProvider)System.Activator.CreateInstance(assembly.GetType("LossGuard.CodeFixes.LossGuardCodeFixProvider", throwOnError: true)!)!;
    }

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } name && name.StartsWith("LossGuard.", System.StringComparison.Ordinal) && File.Exists(Path.Combine(directory, name + ".dll"))
            ? LoadFromAssemblyPath(Path.Combine(directory, name + ".dll"))
            : null;
}
