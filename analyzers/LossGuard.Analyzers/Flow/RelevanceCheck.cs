using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Whether a body holds a call some rule reads (a loss, a softmax, a log, a module applied, a training call; a loss
/// function taken as a delegate), or a BCL log of something a library or the compilation's own code may have made. Rules report only at such calls of the
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
        if (operation is IMethodReferenceOperation reference)
        {
            // A library loss taken as a delegate (var criterion = functional.binary_cross_entropy) is called through it.
            IsRelevant = knowledge.Of(reference.Method) is { IsKnown: true, IsSink: true, LossInputs.IsEmpty: false };
            return !IsRelevant;
        }

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
