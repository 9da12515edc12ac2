using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// What is decided of an analysed body before the engine runs, in one walk of its operations: whether any rule could
/// report in it (<see cref="RelevanceCheck"/>), and whether its control flow is structured (<see cref="StructuredCode"/>).
/// </summary>
internal readonly record struct BodyScan(bool IsRelevant, bool IsStructured, bool HasNestedFunctions)
{
    public static BodyScan Of(IOperation root, RelevanceCheck relevance)
    {
        var check = new Both(relevance, StructuredCode.IsCandidate(root));
        OperationWalk.All(root, ref check);
        return new BodyScan(check.Relevance.IsRelevant, check.Structured, check.Structured && check.Structure.HasNestedFunctions);
    }

    /// <summary>Walks on until the body is known relevant and known unstructured.</summary>
    private struct Both : IOperationCheck
    {
        public RelevanceCheck Relevance;
        public StructuredCode.Check Structure;

        public Both(RelevanceCheck relevance, bool structured)
        {
            Relevance = relevance;
            Structure = default;
            Structured = structured;
        }

        public bool Structured { get; private set; }

        public bool Visit(IOperation operation)
        {
            if (Structured && !Structure.Visit(operation))
            {
                Structured = false;
            }

            if (!Relevance.IsRelevant)
            {
                Relevance.Visit(operation);
            }

            return !(Relevance.IsRelevant && !Structured);
        }
    }
}
