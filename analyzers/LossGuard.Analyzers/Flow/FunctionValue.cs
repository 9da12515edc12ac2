using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>A delegate's target: a lambda (with the graph that owns it) or a method of the compilation.</summary>
internal sealed record FunctionValue(IFlowAnonymousFunctionOperation? Lambda, ControlFlowGraph? Owner, IMethodSymbol? Method);
