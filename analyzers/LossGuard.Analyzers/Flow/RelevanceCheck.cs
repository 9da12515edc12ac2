using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Whether a body holds a call some rule reads (a loss, a softmax, a log, a module applied, a training call), or a BCL
/// log of something a library or the compilation's own code may have made. Rules report only at such calls of the
/// analysed body, so no other body is analysed.
/// </summary>
internal struct RelevanceCheck : IOperationCheck
{
    private readonly LibraryKnowledge knowledge;
    private readonly Compilation compilation;
    private bool log;
    private bool source;

    public RelevanceCheck(LibraryKnowledge knowledge, Compilation compilation)
    {
        this.knowledge = knowledge;
        this.compilation = compilation;
        log = false;
        source = false;
        IsRelevant = false;
    }

    public bool IsRelevant { get; private set; }

    public bool Visit(IOperation operation)
    {
        if (operation.Kind != OperationKind.Invocation)
        {
            return true;
        }

        var method = ((IInvocationOperation)operation).TargetMethod;
        var known = knowledge.Of(method);
        log |= !known.IsKnown && known.Transform?.Kind == TransformKind.Log;
        source |= known.IsKnown || method.MethodKind is MethodKind.DelegateInvoke or MethodKind.LocalFunction || SourceBodies.IsDeclaredIn(compilation, method);
        IsRelevant = known.IsKnown && known.IsSink || log && source;
        return !IsRelevant;
    }
}
