using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using LossGuard.Build;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;

namespace LossGuard.Build.Tests;

/// <summary>The MSBuild task as a build runs it: it patches the output's copy, never a file linked to it, and only where needed.</summary>
public sealed class MarkVersionRequirementWeakTaskTests : IDisposable
{
    private const string Marker = "GLIBCXX_3.4.32";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "lossguard-build-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_outputs_copy_is_patched_and_a_file_hard_linked_to_it_is_not()
    {
        var library = Shim.CopyTo(Path.Combine(folder, "bin"));
        var linked = Path.Combine(folder, "cache-libLibTorchSharp.so");
        Run("ln", library, linked);
        var lacking = Write("libstdc++.so.6", "\0GLIBCXX_3.4.29\0GLIBCXX_3.4.30\0");
        var engine = new RecordingEngine();

        Assert.True(Task(engine, library, lacking).Execute());

        Assert.Equal(VersionRequirement.WeakFlag, VersionRequirement.FlagsOf(File.ReadAllBytes(library), Marker));
        Assert.Equal((ushort)0, VersionRequirement.FlagsOf(File.ReadAllBytes(linked), Marker));
        Assert.Contains(engine.Messages, message => message.Contains("marked the GLIBCXX_3.4.32 requirement", StringComparison.Ordinal));
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void Nothing_changes_where_the_machines_libstdcxx_defines_the_version()
    {
        var library = Shim.CopyTo(Path.Combine(folder, "bin"));
        var before = File.ReadAllBytes(library);
        var defining = Write("libstdc++.so.6", "\0GLIBCXX_3.4.31\0GLIBCXX_3.4.32\0");

        Assert.True(Task(new RecordingEngine(), library, Path.Combine(folder, "absent.so"), defining).Execute());

        Assert.Equal(before, File.ReadAllBytes(library));
    }

    [Fact]
    public void A_library_that_needs_the_version_is_left_alone_with_a_warning()
    {
        var library = Write("libNeeds.so", ElfImage.Build(relocatedSymbolVersion: 2));
        var before = File.ReadAllBytes(library);
        var engine = new RecordingEngine();

        Assert.True(Task(engine, library, Write("libstdc++.so.6", "\0GLIBCXX_3.4.30\0")).Execute());

        Assert.Equal(before, File.ReadAllBytes(library));
        Assert.Contains(engine.Warnings, warning => warning.Contains("binds a symbol of GLIBCXX_3.4.32", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static MarkVersionRequirementWeak Task(IBuildEngine engine, string library, params string[] systemLibraries) => new()
    {
        BuildEngine = engine,
        Libraries = new ITaskItem[] { new TaskItem(library) },
        Version = Marker,
        SystemLibraries = systemLibraries,
    };

    private string Write(string name, string content) => Write(name, System.Text.Encoding.ASCII.GetBytes(content));

    private string Write(string name, byte[] content)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private sealed class RecordingEngine : IBuildEngine
    {
        public List<string> Messages { get; } = new();

        public List<string> Warnings { get; } = new();

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "test.proj";

        public void LogErrorEvent(BuildErrorEventArgs e) => throw new InvalidOperationException(e.Message);

        public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e.Message ?? string.Empty);

        public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message ?? string.Empty);

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
    }
}
