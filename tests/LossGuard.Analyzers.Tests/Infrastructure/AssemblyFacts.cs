using System;
using System.Reflection;

namespace LossGuard.Analyzers.Tests.Infrastructure;

/// <summary>The repository root, stamped in at build time (docs and samples are read from there).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class RepositoryRootAttribute(string path) : Attribute
{
    public string Path { get; } = path;

    public static string Value => typeof(RepositoryRootAttribute).Assembly.GetCustomAttribute<RepositoryRootAttribute>()!.Path;
}

/// <summary>The version of Microsoft.NETCore.App.Ref that test compilations reference (restored by the project).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ReferencePackVersionAttribute(string version) : Attribute
{
    public string Version { get; } = version;

    public static string Value => typeof(ReferencePackVersionAttribute).Assembly.GetCustomAttribute<ReferencePackVersionAttribute>()!.Version;
}

/// <summary>The path of the real TorchSharp assembly in the package cache (restored by a PackageDownload).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class TorchSharpAssemblyAttribute(string path) : Attribute
{
    public string Path { get; } = path;

    public static string Value => typeof(TorchSharpAssemblyAttribute).Assembly.GetCustomAttribute<TorchSharpAssemblyAttribute>()!.Path;
}
