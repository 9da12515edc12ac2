using System.Collections.Immutable;
using System.Linq;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// What a run of a compilation method leaves besides its result: the value each <c>ref</c> or <c>out</c> parameter
/// holds when the method returns (joined over every path that returns; <c>null</c> for a <c>ref</c> parameter that
/// holds what it came with, the caller's own value), and the fields and auto-properties it leaves known on every path
/// (<see cref="Members"/>, only for a run that started knowing none).
/// </summary>
internal sealed record CallEffects(ImmutableArray<AbstractValue?> Parameters, FlowState? Members)
{
    /// <summary>Whether the method may hand a value the engine follows back through a <c>ref</c> or <c>out</c> parameter.</summary>
    public static bool HandsBackParameters(IMethodSymbol method, LibraryKnowledge knowledge) =>
        method.Parameters.Any(parameter => parameter.RefKind is RefKind.Ref or RefKind.Out && knowledge.CarriesValues(parameter.Type));

    /// <summary>
    /// The effects of a run that ended in <paramref name="exit"/>: <c>null</c> when it has none worth keeping. A buffer
    /// handed back is any buffer to the caller (the callee's allocations and parameters mean nothing there).
    /// </summary>
    public static CallEffects? Of(
        ImmutableArray<IParameterSymbol> parameters, ImmutableArray<AbstractValue> arguments, FlowState exit, bool withMembers, LibraryKnowledge knowledge)
    {
        var handed = ImmutableArray<AbstractValue?>.Empty;
        if (parameters.Any(parameter => parameter.RefKind is RefKind.Ref or RefKind.Out && knowledge.CarriesValues(parameter.Type)))
        {
            var values = ImmutableArray.CreateBuilder<AbstractValue?>(parameters.Length);
            foreach (var parameter in parameters)
            {
                var left = exit.Get(parameter) ?? AbstractValue.Unknown;
                values.Add(parameter.RefKind switch
                {
                    RefKind.Out => Handed(left),
                    RefKind.Ref when parameter.Ordinal < arguments.Length && left.Equals(Entry(parameter, arguments[parameter.Ordinal])) => null,
                    RefKind.Ref => Handed(left),
                    _ => AbstractValue.Unknown,
                });
            }

            handed = values.MoveToImmutable();
        }

        var members = withMembers ? exit.MembersOnly(Handed) : null;
        if (members is { Count: 0 })
        {
            members = null;
        }

        return handed.IsEmpty && members is null ? null : new CallEffects(handed, members);
    }

    /// <summary>What a run starts a parameter with, given its argument (<see cref="DataflowEngine.Run"/>).</summary>
    public static AbstractValue Entry(IParameterSymbol parameter, AbstractValue argument) =>
        argument.Storage is null ? argument : argument with { Storage = new ExternalStorage(parameter) };

    private static AbstractValue Handed(AbstractValue value) => value.Storage is null ? value : value with { Storage = Storages.Any };
}
