using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Knowledge;
using LossGuard.Analyzers.Tests.Infrastructure;
using LossGuard.Analyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace LossGuard.Analyzers.Tests.Flow;

/// <summary>
/// A body the engine walks on its operation tree has the facts it has on its control-flow graph: every body of the
/// test sources, the gallery and generated training code that the tree walk takes is analysed both ways and the
/// facts (every call's arguments and result, every returned value) compared.
/// </summary>
public sealed class TreeAnalysisEquivalenceTests
{
    [Fact]
    public async Task Every_body_walked_on_its_tree_has_the_facts_of_its_graph()
    {
        var compilations = await CorpusBodies.CompilationsAsync();

        var compared = 0;
        var withFacts = 0;
        var differences = new List<string>();
        foreach (var compilation in compilations)
        {
            // A foreach over known elements is followed one element at a time on the tree only (LayerListFlowTests), in
            // the compared body and in the callees both engines summarise.
            var onTrees = new DataflowEngine(compilation, LibraryKnowledge.Resolve(compilation)) { UnrollsLoops = false };
            var onGraphs = new DataflowEngine(compilation, LibraryKnowledge.Resolve(compilation)) { UnrollsLoops = false };
            foreach (var (body, owner) in CorpusBodies.Of(compilation))
            {
                var tree = FlowBody.Of(body, CancellationToken.None);
                if (tree.Graph is not null)
                {
                    continue;
                }

                var expected = Render(onGraphs.Analyze(FlowBody.OfGraph(GraphOf(body)), owner, EngineBudget.DefaultMaxCallDepth, CancellationToken.None));
                var actual = Render(onTrees.Analyze(tree, owner, EngineBudget.DefaultMaxCallDepth, CancellationToken.None));
                compared++;
                withFacts += expected.Length > 0 ? 1 : 0;
                if (expected != actual)
                {
                    var from = Math.Max(0, expected.Zip(actual).TakeWhile(pair => pair.First == pair.Second).Count() - 100);
                    differences.Add($"{owner.ToDisplayString()}:\n  graph: ...{expected[from..]}\n  tree:  ...{actual[from..]}");
                }
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} bodies differ:\n{string.Join("\n", differences.Take(5))}");
        Assert.True(compared > 500 && withFacts > 300, $"{compared} bodies compared, {withFacts} with facts");
    }

    private static ControlFlowGraph GraphOf(IOperation body) => body switch
    {
        IMethodBodyOperation method => ControlFlowGraph.Create(method),
        IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
        _ => ControlFlowGraph.Create((IFieldInitializerOperation)body),
    };

    private static string Render(BodyFacts facts)
    {
        var text = new StringBuilder();
        foreach (var call in facts.Calls)
        {
            text.Append(call.Name).Append(Span(call.Call)).Append(" at ").Append(Span(call.Site)).Append(" -> ").Append(Render(call.Result)).Append(" (");
            foreach (var argument in call.Arguments)
            {
                text.Append(argument.Name).Append(argument.IsDefault ? "=default " : " ").Append(Span(argument.Expression)).Append(": ").Append(Render(argument.Value)).Append("; ");
            }

            text.Append(") ");
        }

        foreach (var returned in facts.Returns)
        {
            text.Append("return: ").Append(Render(returned.Value)).Append(' ');
        }

        return text.ToString();
    }

    private static string Render(AbstractValue? value) => value is null
        ? "-"
        : $"[{value.Domain} {Identity(value.Origin)} c{value.Classes} k{value.Constant} s{Identity(value.Storage)} p{value.Partial} m{Identity(value.MaxOf)} e{Identity(value.ElementOf)} "
          + $"f{Identity(value.Function?.Lambda)}{value.Function?.Method?.ToDisplayString()} a{value.Axis} r{value.Rank} i{value.Integer} {Render(value.Module)} "
          + $"{{{string.Join(", ", value.Elements?.Items.Select(Render) ?? Enumerable.Empty<string>())}}}]";

    private static string Render(ModuleValue? module) => module is null
        ? "-"
        : $"<{module.Entry?.GetType().Name} {Identity(module.Creation)} d{module.Dim} o{module.OutFeatures} {module.Model?.ToDisplayString()} {module.Activation} "
          + $"{Identity(module.ActivationSite)} l{module.FromLogits} {Render(module.CompiledLoss)} "
          + $"{{{string.Join(", ", module.Layers?.Items.Select(Render) ?? Enumerable.Empty<string>())}}}>";

    private static string Identity(object? identity) => identity switch
    {
        null => "",
        IOperation operation => Span(operation),
        ExternalStorage { Source: IOperation operation } => "external" + Span(operation),
        ExternalStorage { Source: ISymbol symbol } => "external " + symbol.ToDisplayString(),
        ISymbol symbol => symbol.ToDisplayString(),
        _ => identity.ToString()!,
    };

    private static string Span(IOperation operation) => $"{operation.Syntax.SyntaxTree.FilePath}{operation.Syntax.Span}";
}
