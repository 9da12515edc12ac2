using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>A delegate's target: a lambda (in a graph, with the graph that owns it; or on a tree) or a method of the compilation.</summary>
/// <param name="Lambda">An <c>IFlowAnonymousFunctionOperation</c> of <paramref name="Owner"/>, or an <c>IAnonymousFunctionOperation</c> of a tree walk.</param>
internal sealed record FunctionValue(IOperation? Lambda, ControlFlowGraph? Owner, IMethodSymbol? Method);
