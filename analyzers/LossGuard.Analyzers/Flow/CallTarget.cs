using LossGuard.Analyzers.Knowledge;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// What the engine asks of a called method at every call of it, looked up once per method: what the tables say, what
/// it does with a buffer it is called on, and whether the compilation declares it (its body can be summarised).
/// </summary>
internal sealed record CallTarget(MethodKnowledge Known, BufferView View, bool IsInSource);
