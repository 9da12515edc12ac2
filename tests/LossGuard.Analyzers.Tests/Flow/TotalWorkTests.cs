using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Knowledge;
using LossGuard.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LossGuard.Analyzers.Tests.Flow;

/// <summary>
/// The budget of one analysed body with every analysis it starts (its callers, read for their arguments), and of the
/// whole compilation: past it the body is silent, and nothing the cut analysis started is kept for other bodies.
/// </summary>
public sealed class TotalWorkTests
{
    private const string Source = """
        using static TorchSharp.torch;
        using F = TorchSharp.torch.nn.functional;

        static class Trainer
        {
            static Tensor Loss(Tensor prediction, Tensor target) => F.cross_entropy(prediction, target);

            static Tensor Step(Tensor logits, Tensor target)
            {
                var probabilities = F.softmax(logits, 1);
                var scaled = probabilities * 1.0f;
                return Loss(probabilities, target);
            }
        }
        """;

    [Fact]
    public async Task A_body_whose_callers_cost_more_than_its_budget_is_silent_and_nothing_it_started_is_kept_half_done()
    {
        var compilation = await CompileAsync();
        var alone = new TotalWork();
        Assert.True(PassesSoftmaxToLoss(Analyze(compilation, alone, "Step")));
        var stepSteps = (int)alone.Done;
        var withCallers = new TotalWork();
        Assert.True(SoftmaxReachesCrossEntropy(Analyze(compilation, withCallers, "Loss")));
        Assert.True(withCallers.Done > stepSteps, $"Loss with its caller took {withCallers.Done} steps, Step alone {stepSteps}");

        var engine = Engine(compilation, new TotalWork(maxPerBody: stepSteps));
        Assert.Same(BodyFacts.Empty, Analyze(compilation, engine, "Loss"));
        Assert.True(PassesSoftmaxToLoss(Analyze(compilation, engine, "Step")));

        // The caller's facts, now known, are not analysed again: the same budget covers the helper.
        Assert.True(SoftmaxReachesCrossEntropy(Analyze(compilation, engine, "Loss")));
    }

    [Fact]
    public async Task Bodies_analysed_after_the_compilation_budget_is_spent_are_silent()
    {
        var compilation = await CompileAsync();
        var measure = new TotalWork();
        Analyze(compilation, measure, "Step");

        var engine = Engine(compilation, new TotalWork(maxPerCompilation: measure.Done - 1));

        Assert.True(PassesSoftmaxToLoss(Analyze(compilation, engine, "Step")));
        Assert.Same(BodyFacts.Empty, Analyze(compilation, engine, "Loss"));
    }

    private static bool PassesSoftmaxToLoss(BodyFacts facts) =>
        facts.Calls.Any(call => call.Argument("prediction")?.Value.Domain == ValueDomain.Probabilities);

    private static bool SoftmaxReachesCrossEntropy(BodyFacts facts) =>
        facts.Calls.Any(call => call.Name.Contains("cross_entropy", System.StringComparison.Ordinal)
            && call.Argument("input")?.Value.Domain == ValueDomain.Probabilities);

    private static async Task<Compilation> CompileAsync()
    {
        var references = (await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(TestReferences.TorchSharp);
        var compilation = CSharpCompilation.Create(
            "Work", new[] { CSharpSyntaxTree.ParseText(Source) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    private static DataflowEngine Engine(Compilation compilation, TotalWork work) =>
        new(compilation, LibraryKnowledge.Resolve(compilation), work);

    private static BodyFacts Analyze(Compilation compilation, TotalWork work, string name) => Analyze(compilation, Engine(compilation, work), name);

    private static BodyFacts Analyze(Compilation compilation, DataflowEngine engine, string name)
    {
        var tree = compilation.SyntaxTrees.Single();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(declaration => declaration.Identifier.ValueText == name);
        var model = compilation.GetSemanticModel(tree);
        return engine.Analyze(FlowBody.Of(model.GetOperation(method)!, CancellationToken.None), model.GetDeclaredSymbol(method)!, EngineBudget.DefaultMaxCallDepth, CancellationToken.None);
    }
}
