using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LossGuard.Analyzers.Tests.Infrastructure;

/// <summary>Runs an analyzer on sources compiled against .NET 10 and LossGuard.Runtime.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerAsync(source, withRuntime: true, expected);

    public static Task AnalyzerAsync(string source, bool withRuntime, params DiagnosticResult[] expected) =>
        RunAsync(source, withRuntime, editorConfig: null, expected);

    /// <summary>Runs with an <c>.editorconfig</c> whose <c>[*.cs]</c> section holds <paramref name="settings"/>.</summary>
    public static Task AnalyzerWithSettingsAsync(string source, string settings, params DiagnosticResult[] expected) =>
        RunAsync(source, withRuntime: true, EditorConfig(settings), expected);

    /// <summary>Runs on several files, each named (<c>Model.cs</c>), with <paramref name="settings"/> as in <see cref="AnalyzerWithSettingsAsync"/>.</summary>
    public static Task FilesAsync((string Name, string Source)[] files, string settings, params DiagnosticResult[] expected)
    {
        var test = Create(string.Empty, withRuntime: true, EditorConfig(settings), outputKind: null);
        foreach (var file in files)
        {
            test.TestState.Sources.Add(file);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Runs on a console application (top-level statements allowed), the shape of the default console template.</summary>
    public static Task ProgramAsync(string source, params DiagnosticResult[] expected) =>
        RunAsync(source, withRuntime: true, editorConfig: null, expected, OutputKind.ConsoleApplication);

    private static Task RunAsync(string source, bool withRuntime, string? editorConfig, DiagnosticResult[] expected, OutputKind? outputKind = null)
    {
        var test = Create(source, withRuntime, editorConfig, outputKind);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static string EditorConfig(string settings) => "root = true\n\n[*.cs]\n" + settings + "\n";

    private static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Create(string source, bool withRuntime, string? editorConfig, OutputKind? outputKind)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.Net10,
        };
        if (outputKind is { } kind)
        {
            test.TestState.OutputKind = kind;
        }

        if (withRuntime)
        {
            TestReferences.AddLibraries(test.TestState);
        }

        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        return test;
    }
}

/// <summary>Runs an analyzer and its code fix; <c>fixedSource</c> equal to <c>source</c> asserts that no fix is offered.</summary>
internal static class Verify<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task CodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected) =>
        CodeFixAsync(source, fixedSource, iterations: null, expected);

    /// <summary>As <see cref="CodeFixAsync(string, string, DiagnosticResult[])"/>, in a project that does not reference LossGuard.Runtime.</summary>
    public static Task CodeFixWithoutRuntimeAsync(string source, string fixedSource, params DiagnosticResult[] expected) =>
        CodeFixAsync(source, fixedSource, iterations: null, withRuntime: false, expected);

    public static Task CodeFixAsync(string source, string fixedSource, int? iterations, params DiagnosticResult[] expected) =>
        CodeFixAsync(source, fixedSource, iterations, withRuntime: true, expected);

    /// <summary>
    /// The finding of <paramref name="descriptor"/> at markup location <paramref name="location"/>, whatever its message
    /// and additional locations (the rule tests check those; fix tests check what the fix does).
    /// </summary>
    public static DiagnosticResult Finding(DiagnosticDescriptor descriptor, int location = 0) => Infrastructure.Finding.At(descriptor, location);

    /// <summary>As <see cref="CodeFixAsync(string, string, DiagnosticResult[])"/>, where the findings in <paramref name="remaining"/> (marked up in <paramref name="fixedSource"/>) have no fix.</summary>
    public static Task PartialFixAsync(string source, string fixedSource, DiagnosticResult[] expected, params DiagnosticResult[] remaining) =>
        CodeFixAsync(source, fixedSource, iterations: null, withRuntime: true, expected, remaining);

    private static Task CodeFixAsync(string source, string fixedSource, int? iterations, bool withRuntime, DiagnosticResult[] expected, DiagnosticResult[]? remaining = null)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.Net10,
        };
        TestReferences.AddLibraries(test.TestState, withRuntime);
        TestReferences.AddLibraries(test.FixedState, withRuntime);
        if (iterations is int count)
        {
            test.NumberOfIncrementalIterations = count;
            test.NumberOfFixAllIterations = 1;
        }

        test.ExpectedDiagnostics.AddRange(expected);
        if (remaining is not null)
        {
            test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        }

        return test.RunAsync();
    }
}
