using System.Collections.Immutable;

namespace LossGuard.Analyzers.Knowledge;

/// <summary>What the tables say about one method: its producer, transform, loss inputs and recognised strings, whether a library describes it, and its display name.</summary>
/// <param name="Training">The training-API step it is (<c>compile</c>, <c>fit</c>, <c>add</c>), when called on a module or model.</param>
/// <param name="IsApply">It applies a module to its inputs.</param>
/// <param name="IsSink">A call a rule reads: a loss, a softmax or log-softmax, a log, a recognised string, a module applied, a training call.</param>
/// <param name="ModuleFactory">The module it makes, when it is a factory typed as an interface (<c>keras.layers.Dense</c>).</param>
internal sealed record MethodKnowledge(
    ProducerEntry? Producer,
    TransformEntry? Transform,
    ImmutableArray<LossInputEntry> LossInputs,
    ImmutableArray<RecognisedStringEntry> RecognisedStrings,
    bool IsKnown,
    bool IsSink,
    string DisplayName,
    TrainingEntry? Training,
    bool IsApply,
    ModuleEntry? ModuleFactory)
{
    public bool IsTableCall => Producer is not null || Transform is not null || !LossInputs.IsEmpty || !RecognisedStrings.IsEmpty;
}
