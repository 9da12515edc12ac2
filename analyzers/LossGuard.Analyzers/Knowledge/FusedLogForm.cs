namespace LossGuard.Analyzers.Knowledge;

/// <summary>The fused, stable log of an activation, as a fix calls it and a message names it.</summary>
/// <param name="Method">The method (or module) to call.</param>
/// <param name="Type">Metadata name of the type to call it on, when it is not the activation's own type.</param>
/// <param name="Display">How messages name it (<c>functional.log_softmax</c>, <c>tf.nn.softmax_cross_entropy_with_logits</c>).</param>
internal sealed record FusedLogForm(string Method, string? Type, string Display);
