using System.Collections.Immutable;
using System.Linq;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Modules: made by a library factory or constructor (with their axis, width and layers), and applied with
/// <c>forward</c> / <c>call</c>: activations produce their domain, linear layers logits, containers fold their layers,
/// loss modules are recorded as loss calls, and user-defined models run their <c>forward</c> over their fields.
/// </summary>
internal sealed partial class Evaluator
{
    private static readonly string[] LossInputNames = { "input", "target" };

    /// <summary>A value of a module type made here (a library factory or a constructor) carries what the module is.</summary>
    private AbstractValue WithModule(AbstractValue value, IOperation creation, ITypeSymbol? type, ImmutableArray<ArgumentFact> arguments)
    {
        if (value.Module is not null || !MakesModule(creation))
        {
            return value;
        }

        var knowledge = engine.Knowledge;
        if (knowledge.FindModule(type) is { } entry)
        {
            return value with { Module = Make(entry, creation, arguments) };
        }

        return creation is IObjectCreationOperation && knowledge.IsModel(type)
            ? value with { Module = new ModuleValue(null, creation, Model: (INamedTypeSymbol)type!) }
            : value;
    }

    /// <summary>A constructor, or a library factory; not a user method whose result the engine could not follow.</summary>
    private bool MakesModule(IOperation creation) =>
        creation is IObjectCreationOperation
        || creation is IInvocationOperation { TargetMethod: { IsStatic: true } method } && !SourceGraphs.IsDeclaredIn(engine.Compilation, method);

    private static ModuleValue Make(ModuleEntry entry, IOperation creation, ImmutableArray<ArgumentFact> arguments)
    {
        int? Integer(string? name) => name is null ? null : arguments.FirstOrDefault(argument => argument.Name == name)?.Value.IntegerConstant;
        return entry.Kind switch
        {
            ModuleKind.Activation => new ModuleValue(entry, creation, Dim: Integer(entry.Dim)),
            ModuleKind.Linear => new ModuleValue(entry, creation, OutFeatures: Integer(entry.OutFeatures)),
            ModuleKind.Sequential => new ModuleValue(entry, creation, Layers: LayersOf(arguments.Where(argument => !argument.IsDefault).ToList())),
            _ => new ModuleValue(entry, creation),
        };
    }

    /// <summary>A container's layers, from its <c>params</c> array of modules or of (name, module) tuples.</summary>
    private static ValueList<ModuleValue?>? LayersOf(System.Collections.Generic.List<ArgumentFact> arguments)
    {
        if (arguments.Count == 0)
        {
            return new ValueList<ModuleValue?>(Enumerable.Empty<ModuleValue?>());
        }

        return arguments.Count == 1 && arguments[0].Value.Elements is { } elements
            ? new ValueList<ModuleValue?>(elements.Items.Select(LayerOf))
            : null;
    }

    private static ModuleValue? LayerOf(AbstractValue element) =>
        element.Module ?? element.Elements?.Items.LastOrDefault()?.Module;

    /// <summary><c>forward</c> / <c>call</c> on a module the engine knows; <c>append</c> on a container it follows.</summary>
    private AbstractValue? ModuleCall(IInvocationOperation call, AbstractValue instance, ImmutableArray<ArgumentFact> arguments)
    {
        var knowledge = engine.Knowledge;
        var receiverType = Unconverted(call.Instance!).Type;
        var module = instance.Module
            ?? (knowledge.FindModule(receiverType) is { } entry ? new ModuleValue(entry, call.Instance!)
                : knowledge.IsModel(receiverType) ? new ModuleValue(null, call.Instance!, Model: (INamedTypeSymbol)receiverType!) : null);
        if (module is null)
        {
            return null;
        }

        if (call.TargetMethod.Name == "append" && module.Entry?.Kind == ModuleKind.Sequential)
        {
            Append(call, instance, module, arguments);
            return AbstractValue.Unknown;
        }

        if (!knowledge.IsApply(call.TargetMethod))
        {
            return null;
        }

        if (module.Entry?.Kind == ModuleKind.Loss)
        {
            RecordLoss(call, module.Entry, arguments);
            return AbstractValue.Unknown;
        }

        return arguments.Length == 1 ? Apply(module, arguments[0], call) : AbstractValue.Unknown;
    }

    private void Append(IInvocationOperation call, AbstractValue instance, ModuleValue container, ImmutableArray<ArgumentFact> arguments)
    {
        var appended = arguments.LastOrDefault()?.Value.Module;
        var layers = container.Layers is { } known ? new ValueList<ModuleValue?>(known.Items.Add(appended)) : null;
        if (Symbol(Unconverted(call.Instance!)) is { } symbol)
        {
            SetSymbol(symbol, instance with { Module = container with { Layers = layers } });
        }
    }

    private void RecordLoss(IInvocationOperation call, ModuleEntry loss, ImmutableArray<ArgumentFact> arguments)
    {
        var inputs = engine.Knowledge.LossInputsOf(loss)
            .Select(input => loss.FusedName is { } fused && input.FusedWithActivation is not null ? input with { FusedWithActivation = fused } : input)
            .ToImmutableArray();
        var named = arguments.Select((argument, index) => index < LossInputNames.Length ? argument with { Alias = LossInputNames[index] } : argument).ToImmutableArray();
        calls?.Add(new CallFact(call, loss.Name + "." + call.TargetMethod.Name, call, named, null, null, inputs, AbstractValue.Unknown));
    }

    /// <summary>The value a module computes from its input; a layer the engine does not know (ReLU, dropout) makes it unknown, and later layers go on from there.</summary>
    private AbstractValue Apply(ModuleValue module, ArgumentFact input, IInvocationOperation call)
    {
        switch (module.Entry?.Kind)
        {
            case null when module.Model is { } model:
                return ApplyModel(model, input, call);
            case ModuleKind.Activation:
                return Activate(module, module.Entry, input, call);
            case ModuleKind.Linear:
                return new AbstractValue(ValueDomain.Logits, module.Creation, module.OutFeatures, Rank: input.Value.Rank);
            case ModuleKind.Sequential when module.Layers is { } layers:
                var value = input;
                foreach (var layer in layers.Items)
                {
                    value = value with { Value = layer is null ? AbstractValue.Unknown : Apply(layer, value, call) };
                }

                return value.Value;
            default:
                return AbstractValue.Unknown;
        }
    }

    private AbstractValue Activate(ModuleValue module, ModuleEntry entry, ArgumentFact input, IInvocationOperation call)
    {
        var producer = new ProducerEntry(entry.Type, call.TargetMethod.Name, entry.Domain, "input", FusedLog: entry.FusedLog, Axis: entry.Dim);
        var result = new AbstractValue(
            entry.Domain,
            module.Creation,
            ClassesAlong(input.Value, module.Dim, entry.Dim is not null),
            Axis: module.Dim,
            Rank: input.Value.Rank);
        calls?.Add(new CallFact(call, entry.Name, module.Creation, ImmutableArray.Create(input with { Alias = "input" }), producer, null, ImmutableArray<LossInputEntry>.Empty, result));
        return result;
    }

    /// <summary>A user-defined model: its <c>forward</c>, over the fields its constructor set.</summary>
    private AbstractValue ApplyModel(INamedTypeSymbol model, ArgumentFact input, IInvocationOperation call)
    {
        if (Forward(model) is not { } forward)
        {
            return AbstractValue.Unknown;
        }

        var fields = engine.ConstructedFields(model, budget);
        return Returned(engine.Summarize(forward, ImmutableArray.Create(input.Value), fields, depth, budget, knownTarget: true), call);
    }

    private static IMethodSymbol? Forward(INamedTypeSymbol model)
    {
        for (var type = model; type is not null && type.Locations.Any(location => location.IsInSource); type = type.BaseType)
        {
            if (type.GetMembers("forward").OfType<IMethodSymbol>().FirstOrDefault(method => method.Parameters.Length == 1 && !method.IsAbstract) is { } forward)
            {
                return forward;
            }
        }

        return null;
    }
}
