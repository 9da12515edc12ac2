namespace LossGuard.Analyzers.Knowledge;

/// <summary>A library call whose result (return value or destination argument) lies in a known domain.</summary>
/// <param name="Type">Metadata name of the declaring type.</param>
/// <param name="Method">Method name (all overloads).</param>
/// <param name="Domain">The domain of what it produces.</param>
/// <param name="Input">The parameter carrying the value it transforms (the logits), if any.</param>
/// <param name="Destination">The parameter it writes its result into, if any; otherwise the return value.</param>
/// <param name="Classes">The parameter carrying the class count, if any.</param>
internal sealed record ProducerEntry(
    string Type, string Method, ValueDomain Domain, string? Input, string? Destination = null, string? Classes = null);

/// <summary>A loss parameter and the domain the loss expects there.</summary>
/// <param name="Type">Metadata name of the declaring type.</param>
/// <param name="Method">Loss method name (all overloads).</param>
/// <param name="Parameter">The parameter name.</param>
/// <param name="Expects">The domain the loss expects in that parameter.</param>
/// <param name="Classes">The parameter carrying the class count, if any.</param>
internal sealed record LossInputEntry(string Type, string Method, string Parameter, ValueDomain Expects, string? Classes = null);
