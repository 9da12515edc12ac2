using System;
using System.Collections.Immutable;
using LossGuard.Analyzers.Fixes;
using LossGuard.Analyzers.Flow;
using LossGuard.Analyzers.Infrastructure;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Rules;

/// <summary>What a rule reads (the body's facts, the library tables) and how it reports.</summary>
internal sealed class RuleContext
{
    private readonly Action<Diagnostic> report;

    public RuleContext(BodyFacts facts, LibraryKnowledge knowledge, Action<Diagnostic> report)
    {
        Facts = facts;
        Knowledge = knowledge;
        this.report = report;
    }

    public BodyFacts Facts { get; }

    public LibraryKnowledge Knowledge { get; }

    /// <summary>
    /// Reports at <paramref name="location"/>, with the call that made the value as additional location and the
    /// <see cref="FixPlan"/> its code fix follows as properties.
    /// </summary>
    public void Report(
        DiagnosticDescriptor descriptor, Location location, IOperation? origin, ImmutableDictionary<string, string?> fix, params object[] arguments) =>
        report(Diagnostic.Create(
            descriptor,
            location,
            origin is null ? null : new[] { origin.Syntax.GetLocation() },
            fix,
            arguments));

    /// <summary>The fused, stable log of the activation that made a value (a producer call, or an activation module's creation).</summary>
    public FusedLogForm? FusedLogOf(IOperation origin) =>
        origin is IInvocationOperation call && Knowledge.FindProducer(call.TargetMethod) is { } producer
            ? FusedLogOf(producer)
            : (ModuleMadeBy(origin) ?? Knowledge.FindModule(origin.Type)) is { FusedLog: { } method } module
                ? new FusedLogForm(method, module.FusedLogType, module.FusedLogType is { } type ? LibraryKnowledge.DisplayName(type, method) : method)
                : null;

    /// <summary>
    /// Whether a value was made by a library producer call (<c>softmax(x)</c>), which a fix may rewrite in place; an
    /// activation module or layer is never rewritten (its output may serve others).
    /// </summary>
    public bool IsProducerCall(IOperation origin) =>
        origin is IInvocationOperation call && Knowledge.FindProducer(call.TargetMethod) is not null;

    /// <summary>The fused, stable log of a producer's output, named with its type (<c>Activations.LogSoftmax</c>).</summary>
    public FusedLogForm? FusedLogOf(ProducerEntry producer) =>
        producer.FusedLog is { } method
            ? new FusedLogForm(method, producer.FusedLogType, LibraryKnowledge.DisplayName(producer.FusedLogType ?? producer.Type, method))
            : null;

    /// <summary>
    /// The named activation a layer applies to its own output (Keras <c>Dense(1, activation: "sigmoid")</c>), when a
    /// value in <paramref name="domain"/> comes from that layer. The activation is written where the layer is made, so
    /// no fix rewrites it where its output is used; messages name it and say to make the layer linear.
    /// </summary>
    public ActivationNameEntry? LayerActivationOf(IOperation origin, ValueDomain domain) =>
        domain is ValueDomain.Probabilities or ValueDomain.IndependentProbabilities && ModuleMadeBy(origin) is { Kind: ModuleKind.Linear }
            ? Knowledge.ActivationFor(domain)
            : null;

    /// <summary>The fused, stable log of a named activation's output, applied to the layer's logits once the layer is linear.</summary>
    public static FusedLogForm? FusedLogOf(ActivationNameEntry activation) =>
        activation is { FusedLog: { } method, FusedLogType: { } type } ? new FusedLogForm(method, type, LibraryKnowledge.DisplayName(type, method)) : null;

    /// <summary>What messages tell to do about a layer's activation whose output is misused.</summary>
    public static string RemoveActivation(ActivationNameEntry activation) =>
        "remove the layer's activation \"" + activation.Name + "\" (make the layer linear)";

    /// <summary>The library module a call or constructor makes (a loss object, an activation layer), if a table knows it.</summary>
    public ModuleEntry? ModuleMadeBy(IOperation operation) => operation switch
    {
        IInvocationOperation call => Knowledge.FindModuleFactory(call.TargetMethod) ?? Knowledge.FindModule(call.Type),
        IObjectCreationOperation creation => Knowledge.FindModule(creation.Type),
        _ => null,
    };

    /// <summary>
    /// The <c>from_logits</c> parameter of the loss object an argument stands for, when the finding is about a loss
    /// object (Keras: what <c>compile</c> received) rather than a value passed to a loss call.
    /// </summary>
    public string? FromLogitsOf(ArgumentFact argument) =>
        argument.Parameter is null && ModuleMadeBy(argument.Expression) is { FromLogits: { } fromLogits } ? fromLogits : null;

    /// <summary>
    /// The constant a boolean parameter of a loss receives: on the loss call, or, for a loss module applied, the one the
    /// module was made with on every path (its default where it is not written); <c>null</c> when not constant.
    /// </summary>
    public static bool? FlagOf(CallFact call, string parameter) =>
        call.Argument(parameter) is { } argument ? argument.Value.Constant as bool?
        : call.LossFlag is { } flag && flag.Name == parameter ? flag.Value
        : null;

    /// <summary>
    /// How messages name what a loss received: the argument as the user wrote it (not the parameter, which may be
    /// named like another of the user's variables), or, for a compiled model's loss, the model's output.
    /// </summary>
    public string Received(ArgumentFact argument) =>
        FromLogitsOf(argument) is null ? "'" + Display.Argument(argument.Expression.Syntax) + "'" : "the model's output";

    /// <summary>Whether the loss call is the library function itself (not a module applied, not a model compiled).</summary>
    public static bool IsDirectCall(CallFact call, LossInputEntry input) => call.Call.TargetMethod.Name == input.Method;

    /// <summary>The message arguments that name the call that made a value, and its line (and file, when not the one <paramref name="reportedAt"/> is in).</summary>
    public (string Name, string Line) Describe(IOperation origin, Location reportedAt) =>
        (Knowledge.DisplayOrigin(origin), Display.Line(origin.Syntax, reportedAt));
}
