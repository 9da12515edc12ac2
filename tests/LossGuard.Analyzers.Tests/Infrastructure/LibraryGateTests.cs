using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using LossGuard.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Xunit;

namespace LossGuard.Analyzers.Tests.Infrastructure;

public sealed class LibraryGateTests
{
    private const string TrainingLikeCode = """
        static class Step
        {
            static float[] Softmax(float[] z) => z;
            static float Loss(float[] z) => Softmax(z)[0];
        }
        """;

    [Fact]
    public async Task A_compilation_referencing_no_known_library_registers_no_actions()
    {
        var telemetry = await TelemetryAsync(withRuntime: false);

        Assert.Equal(1, telemetry.CompilationStartActionsCount);
        Assert.Equal(0, telemetry.OperationActionsCount);
        Assert.Equal(0, telemetry.OperationBlockStartActionsCount);
        Assert.Equal(0, telemetry.OperationBlockActionsCount);
        Assert.Equal(0, telemetry.SyntaxNodeActionsCount);
    }

    [Fact]
    public async Task A_compilation_referencing_LossGuard_Runtime_registers_the_rule_actions()
    {
        var telemetry = await TelemetryAsync(withRuntime: true);

        Assert.Equal(1, telemetry.OperationBlockActionsCount);
    }

    private static async Task<AnalyzerTelemetryInfo> TelemetryAsync(bool withRuntime)
    {
        var references = (await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, default)).ToList();
        if (withRuntime)
        {
            references.Add(TestReferences.Runtime);
        }

        var compilation = CSharpCompilation.Create(
            "Gate",
            new[] { CSharpSyntaxTree.ParseText(TrainingLikeCode) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzer = new ValueDomainAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
    }
}
