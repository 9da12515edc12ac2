using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// A body the engine evaluates: its operation tree, walked directly when its control flow is structured
/// (<see cref="StructuredCode"/>), or else its control-flow graph, which Roslyn builds at a cost that dominates
/// small bodies.
/// </summary>
internal sealed class FlowBody
{
    private bool? hasNestedFunctions;

    private FlowBody(IOperation root, ControlFlowGraph? graph, bool? hasNestedFunctions = null)
    {
        Root = root;
        Graph = graph;
        this.hasNestedFunctions = hasNestedFunctions;
    }

    /// <summary>The method body, constructor body or initializer.</summary>
    public IOperation Root { get; }

    /// <summary>The graph, for a body the tree walk does not follow; <c>null</c> when the tree is walked.</summary>
    public ControlFlowGraph? Graph { get; }

    /// <summary>Whether the body holds lambdas or local functions (known from the structure check, else searched once).</summary>
    public bool HasNestedFunctions => hasNestedFunctions ??= CapturedWrites.HasNestedFunctions(Root);

    /// <param name="graph">Builds the graph when the tree cannot be walked (the driver's cached one, for the analysed body).</param>
    public static FlowBody Of(IOperation root, Func<IOperation, ControlFlowGraph> graph) =>
        StructuredCode.IsStructured(root, out var nested)
            ? new FlowBody(root, null, nested)
            : new FlowBody(root, graph(root));

    /// <summary>An analysed body, whose structure the relevance gate's walk already checked.</summary>
    public static FlowBody Of(IOperation root, BodyScan scan, Func<IOperation, ControlFlowGraph> graph) =>
        scan.IsStructured ? new FlowBody(root, null, scan.HasNestedFunctions) : new FlowBody(root, graph(root));

    public static FlowBody Of(IOperation root, CancellationToken cancellationToken) =>
        Of(root, body => GraphOf(body, cancellationToken));

    /// <summary>A lambda's or local function's graph, within a body analysed on its graph.</summary>
    public static FlowBody OfGraph(ControlFlowGraph graph) => new(graph.OriginalOperation, graph);

    /// <summary>A lambda or local function within a body walked on its tree (structured, as the body is).</summary>
    public static FlowBody OfTree(IOperation function) => new(function, null);

    private static ControlFlowGraph GraphOf(IOperation root, CancellationToken cancellationToken) => root switch
    {
        IMethodBodyOperation method => ControlFlowGraph.Create(method, cancellationToken),
        IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
        IFieldInitializerOperation field => ControlFlowGraph.Create(field, cancellationToken),
        IPropertyInitializerOperation property => ControlFlowGraph.Create(property, cancellationToken),
        _ => throw new ArgumentException("Not a body the engine analyses.", nameof(root)),
    };
}
