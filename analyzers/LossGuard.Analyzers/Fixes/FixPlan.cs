using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace LossGuard.Analyzers.Fixes;

/// <summary>
/// What the code fix for a finding does, decided by the rule from the engine's facts and the library tables and
/// carried in the diagnostic's properties; code fixes read it and only edit syntax.
/// </summary>
internal static class FixPlan
{
    /// <summary>Property naming the <see cref="FixKind"/>.</summary>
    public const string Kind = "LossGuard.Fix";

    /// <summary>Property: the method, class or expression to use instead.</summary>
    public const string Name = "LossGuard.Name";

    /// <summary>Property: metadata name of the type to call <see cref="Name"/> on, when it is not the edited call's own type.</summary>
    public const string Type = "LossGuard.Type";

    /// <summary>Property: the parameter an edit applies to (the activation argument to unwrap, the argument to set).</summary>
    public const string Parameter = "LossGuard.Parameter";

    /// <summary>Property: the C# text an argument is set to.</summary>
    public const string Value = "LossGuard.Value";

    /// <summary>Property: the parameter whose argument the fix removes.</summary>
    public const string Drop = "LossGuard.Drop";

    /// <summary>Prefix of the properties naming, per parameter, the C# expression its argument is replaced by.</summary>
    public const string ArgumentPrefix = "LossGuard.Argument.";

    /// <summary>Property: "start,length" of the call to edit, when it is neither the finding nor its call (a compiled loss).</summary>
    public const string TargetSpan = "LossGuard.TargetSpan";

    /// <summary>Property present when the finding is on an argument of the call to edit rather than on the call.</summary>
    public const string OnArgument = "LossGuard.OnArgument";

    public static ImmutableDictionary<string, string?> None { get; } = ImmutableDictionary<string, string?>.Empty;

    private static readonly ImmutableDictionary<string, string?> PassInputPlan = Of(FixKind.PassInput);
    private static readonly ImmutableDictionary<string, string?> StableSoftmaxPlan = Of(FixKind.StableSoftmax);

    /// <summary>
    /// Plans made from table names and parameter names, shared: a finding is reported every few lines of training
    /// code, and an immutable dictionary made anew for each costs more than the rest of its report.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Kind, string First, string? Second, string? Third, bool OnArgument), ImmutableDictionary<string, string?>> Made = new();

    /// <summary>Replace the argument at the finding by the input of the call that made it (the logits, the class indices).</summary>
    public static ImmutableDictionary<string, string?> PassInput() => PassInputPlan;

    /// <summary>
    /// Call <paramref name="method"/> (same receiver, same arguments) instead of the call at the finding, or the call
    /// taking the argument at the finding; the argument of <paramref name="unwrap"/> is replaced by the input of the
    /// activation that made it; the argument of <paramref name="drop"/> is removed.
    /// </summary>
    public static ImmutableDictionary<string, string?> Rename(string method, string? unwrap = null, string? drop = null, bool onArgument = false) =>
        Made.GetOrAdd(
            (FixKind.Rename, method, unwrap, drop, onArgument),
            key => Target(Of(key.Kind).Add(Name, Short(key.First)).Add(Parameter, key.Second).Add(Drop, key.Third), key.OnArgument));

    /// <summary>Call <paramref name="method"/> (same receiver, same arguments) in place of the call at <paramref name="target"/>.</summary>
    public static ImmutableDictionary<string, string?> RenameAt(string method, Microsoft.CodeAnalysis.Text.TextSpan target) =>
        Of(FixKind.Rename).Add(Name, Short(method)).Add(TargetSpan, FormattableString.Invariant($"{target.Start},{target.Length}"));

    /// <summary>Call <paramref name="method"/> (of <paramref name="type"/>, if given) instead of the activation that made the argument at the finding.</summary>
    public static ImmutableDictionary<string, string?> RenameOrigin(string method, string? type) =>
        Made.GetOrAdd((FixKind.RenameOrigin, method, type, null, false), key => Of(key.Kind).Add(Name, key.First).Add(Type, key.Second));

    /// <summary>Replace the log call at the finding by the activation it takes the log of, calling <paramref name="method"/> (of <paramref name="type"/>, if given).</summary>
    public static ImmutableDictionary<string, string?> FusedLog(string method, string? type) =>
        Made.GetOrAdd((FixKind.FusedLog, method, type, null, false), key => Of(key.Kind).Add(Name, key.First).Add(Type, key.Second));

    /// <summary>Set <paramref name="parameter"/> of the call at the finding (or taking the argument at the finding) to <paramref name="value"/>.</summary>
    public static ImmutableDictionary<string, string?> SetArgument(string parameter, string value, bool onArgument = false) =>
        Made.GetOrAdd(
            (FixKind.SetArgument, parameter, value, null, onArgument),
            key => Target(Of(key.Kind).Add(Parameter, key.First).Add(Value, key.Second), key.OnArgument));

    /// <summary>Replace arguments of the call at the finding: parameter name → C# expression (fully qualified; the fix simplifies it).</summary>
    public static ImmutableDictionary<string, string?> ReplaceArguments(IReadOnlyCollection<KeyValuePair<string, string>> replacements) =>
        Made.GetOrAdd(
            (FixKind.ReplaceArguments, string.Join("\n", replacements.Select(pair => pair.Key + "\n" + pair.Value)), null, null, false),
            _ => Of(FixKind.ReplaceArguments).AddRange(replacements.Select(pair => new KeyValuePair<string, string?>(ArgumentPrefix + pair.Key, pair.Value))));

    /// <summary>Multiply the argument at the finding by <paramref name="scale"/> (C# text of a constant).</summary>
    public static ImmutableDictionary<string, string?> MultiplyBy(string scale) =>
        Made.GetOrAdd((FixKind.Scale, scale, null, null, false), key => Of(key.Kind).Add(Value, key.First));

    /// <summary>Replace an overflowing softmax by <c>LossGuard.Activations.Softmax</c>.</summary>
    public static ImmutableDictionary<string, string?> StableSoftmax() => StableSoftmaxPlan;

    private static ImmutableDictionary<string, string?> Of(string kind) => None.Add(Kind, kind);

    private static ImmutableDictionary<string, string?> Target(ImmutableDictionary<string, string?> plan, bool onArgument) =>
        onArgument ? plan.Add(OnArgument, "true") : plan;

    /// <summary>Table names may carry their type for messages (<c>Losses.SigmoidCrossEntropyWithLogits</c>); edits need the member.</summary>
    private static string Short(string name) => name.Substring(name.LastIndexOf('.') + 1);
}

/// <summary>The kinds of <see cref="FixPlan"/>.</summary>
internal static class FixKind
{
    public const string PassInput = "pass-input";
    public const string Rename = "rename";
    public const string RenameOrigin = "rename-origin";
    public const string FusedLog = "fused-log";
    public const string SetArgument = "set-argument";
    public const string ReplaceArguments = "replace-arguments";
    public const string StableSoftmax = "stable-softmax";
    public const string Scale = "scale";
}
