using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Modules: made by a library factory or constructor (with their axis, width, activation, layers, <c>from_logits</c>),
/// and applied: activations produce their domain, linear layers logits (or their activation's output), containers
/// fold their layers, loss modules are recorded as loss calls, user-defined models run their forward method over
/// their fields; a model's training API (<c>add</c>/<c>append</c>, <c>compile</c>, <c>fit</c>) meets its loss here.
/// </summary>
internal sealed partial class Evaluator
{
    /// <summary>
    /// A value of a module made here carries what the module is: made by a constructor, or by a library factory
    /// (<paramref name="factory"/>: the method called); not by a user method whose result the engine could not follow.
    /// </summary>
    private AbstractValue WithModule(AbstractValue value, IOperation creation, ITypeSymbol? type, ImmutableArray<ArgumentFact> arguments, CallTarget? factory = null)
    {
        if (value.Module is not null || factory is { IsInSource: true })
        {
            return value;
        }

        var knowledge = engine.Knowledge;
        if ((factory?.Known.ModuleFactory ?? knowledge.FindModule(type)) is { } module)
        {
            return value with { Module = Make(module, creation, arguments), Made = SurelyMade(creation, factory) };
        }

        return creation is IObjectCreationOperation made && knowledge.IsModuleClass(type)
            ? value with { Module = new ModuleValue(null, creation, Model: (INamedTypeSymbol)type!, Constructed: Constructed(made, arguments)), Made = true }
            : value;
    }

    /// <summary>
    /// Whether the module surely exists: a creation, or a static factory of the library that declares the module
    /// (<c>nn.Softmax(1)</c>); any other call typed as a module (<c>Volatile.Read</c>, <c>List.Find</c>) may return null.
    /// </summary>
    private static bool SurelyMade(IOperation creation, CallTarget? factory) =>
        creation is IObjectCreationOperation
        || factory?.Known.ModuleFactory is not null
        || creation is IInvocationOperation { TargetMethod: { IsStatic: true } method } call
            && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, call.Type?.ContainingAssembly)
            && !method.Locations.Any(location => location.IsInSource);

    /// <summary>
    /// A model made here from arguments a constructor may keep (a delegate, a module, an array written out in the call, a
    /// <c>bool</c> switch such as <c>sigmoid_output: true</c>):
    /// the fields its constructor makes from them; <c>null</c> when no argument says more than the class's own
    /// construction does. The object is exactly of the class made, so its own <c>forward</c> runs.
    /// </summary>
    private ConstructedObject? Constructed(IObjectCreationOperation creation, ImmutableArray<ArgumentFact> arguments)
    {
        if (creation.Constructor is not { } constructor || creation.Initializer is not null || !engine.Target(constructor).IsInSource)
        {
            return null;
        }

        var values = ByOrdinal(constructor.Parameters.Length, arguments.Select(argument => argument with { Value = Kept(argument.Expression, argument.Value) }).ToImmutableArray());
        if (values.Any(value => value.Function is not null || value.Module is not null || value.Elements is not null))
        {
            return engine.ConstructedObject(constructor, values, budget.CancellationToken);
        }

        // Switches alone: the other arguments (sizes, mostly) are forgotten, so that one class made with many sizes is
        // constructed once per setting of its switches.
        return values.Any(value => value.Constant is bool)
            ? engine.ConstructedObject(constructor, values.Select(value => value.Constant is bool ? value : AbstractValue.Unknown).ToImmutableArray(), budget.CancellationToken)
            : null;
    }

    /// <summary>
    /// What a constructor may keep of an argument: its elements only when the array is written out in the call (no one
    /// else holds it), each element kept the same way; a layer container only when made in the call (one held in a
    /// variable may get layers later).
    /// </summary>
    private static AbstractValue Kept(IOperation expression, AbstractValue value)
    {
        if (value.Elements is { } elements)
        {
            return Unconverted(expression) is IArrayCreationOperation { Initializer: { } initializer } && initializer.ElementValues.Length == elements.Items.Length
                ? value with { Elements = new ValueList<AbstractValue>(initializer.ElementValues.Zip(elements.Items, Kept)) }
                : value with { Elements = null };
        }

        return value.Module is { Layers: not null } && Unconverted(expression) is not (IInvocationOperation or IObjectCreationOperation)
            ? value with { Module = null }
            : value;
    }

    private ModuleValue Make(ModuleEntry entry, IOperation creation, ImmutableArray<ArgumentFact> arguments)
    {
        ArgumentFact? Named(string? name) => name is null ? null : arguments.FirstOrDefault(argument => argument.Name == name);
        switch (entry.Kind)
        {
            case ModuleKind.Activation:
                return new ModuleValue(entry, creation, Dim: Named(entry.Dim)?.Value.IntegerConstant);
            case ModuleKind.Linear:
                var activation = Named(entry.Activation);
                var domain = activation is null ? ValueDomain.Logits : engine.Knowledge.ActivationDomain(activation.Value.Constant as string);
                return new ModuleValue(
                    entry,
                    creation,
                    OutFeatures: Named(entry.OutFeatures)?.Value.IntegerConstant,
                    Activation: activation is { Value.Constant: null, IsDefault: false } ? ValueDomain.Unknown : domain,
                    ActivationSite: activation is { IsDefault: false } ? activation.Expression : null);
            case ModuleKind.Sequential:
                return new ModuleValue(entry, creation, Layers: LayersOf(arguments.Where(argument => !argument.IsDefault).ToList()));
            case ModuleKind.Flatten:
                return new ModuleValue(entry, creation, Dim: Named("end_dim")?.Value.IntegerConstant == -1 ? Named(entry.Dim)?.Value.IntegerConstant : null);
            case ModuleKind.Functional:
                return new ModuleValue(entry, creation, Output: Named(entry.Outputs)?.Value);
            default:
                return new ModuleValue(entry, creation, FromLogits: Named(entry.FromLogits)?.Value.Constant as bool?, Flag: Named(entry.Flag)?.Value.Constant as bool?);
        }
    }

    /// <summary>A container's layers, from its <c>params</c> array (or list) of modules or of (name, module) tuples.</summary>
    private static ValueList<ModuleValue?>? LayersOf(List<ArgumentFact> arguments)
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

    /// <summary>A call on a module the engine knows: applying it, or a step of its training API.</summary>
    private AbstractValue? ModuleCall(IInvocationOperation call, MethodKnowledge known, AbstractValue instance, ImmutableArray<ArgumentFact> arguments)
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

        if (known.Training is { } training)
        {
            Train(call, instance, module, training, arguments);
            return AbstractValue.Unknown;
        }

        if (!known.IsApply || arguments.IsEmpty)
        {
            return null;
        }

        if (module.Entry?.Kind == ModuleKind.Loss)
        {
            RecordLoss(call, module, arguments);
            return AbstractValue.Unknown;
        }

        return module.Model is { } model ? ApplyModel(model, module.Constructed, arguments, call, call.TargetMethod) : Apply(module, arguments[0], call);
    }

    private void Train(IInvocationOperation call, AbstractValue instance, ModuleValue model, TrainingEntry training, ImmutableArray<ArgumentFact> arguments)
    {
        var argument = training.Parameter is { } name ? arguments.FirstOrDefault(a => a.Name == name) : arguments.LastOrDefault();
        switch (training.Step)
        {
            case TrainingStep.Append when model.Entry?.Kind == ModuleKind.Sequential:
                var layers = model.Layers is { } known ? new ValueList<ModuleValue?>(known.Items.Add(argument?.Value.Module)) : null;
                Update(call, instance, model with { Layers = layers });
                break;
            case TrainingStep.Compile when argument?.Value.Module is { Entry.Kind: ModuleKind.Loss } loss:
                var output = Apply(model, new ArgumentFact(call, AbstractValue.Unknown), call);
                var predicted = new ArgumentFact(loss.Creation, output, Alias: training.LossInput);
                RecordLoss(call, loss, ImmutableArray.Create(predicted), aliased: true);
                Update(call, instance, model with { CompiledLoss = loss });
                break;
            case TrainingStep.Compile:
                // Compiled with a loss not known here (a string, a parameter): what it trains with is no longer known.
                Update(call, instance, model with { CompiledLoss = null });
                break;
            case TrainingStep.Fit when argument is not null && model.CompiledLoss is { } compiled:
                RecordLoss(call, compiled, ImmutableArray.Create(argument with { Alias = training.LossInput }), aliased: true);
                break;
        }
    }

    /// <summary>The variable holding a module now holds it changed (a layer appended, a loss compiled in).</summary>
    private void Update(IInvocationOperation call, AbstractValue instance, ModuleValue changed)
    {
        if (Symbol(Unconverted(call.Instance!)) is { } symbol)
        {
            SetSymbol(symbol, instance with { Module = changed });
        }
    }

    /// <summary>A loss module applied: a loss call whose arguments take the loss function's parameter names, in order.</summary>
    private void RecordLoss(IInvocationOperation call, ModuleValue loss, ImmutableArray<ArgumentFact> arguments, bool aliased = false)
    {
        var entry = loss.Entry!;
        var inputs = engine.Knowledge.LossInputsOf(entry, loss.FromLogits)
            .Select(input => entry.FusedName is { } fused && input.LogitsVariant is not null ? input with { LogitsVariant = fused } : input)
            .ToImmutableArray();
        var named = aliased
            ? arguments
            : arguments.Select((argument, index) => index < entry.LossInputs.Length ? argument with { Alias = entry.LossInputs[index] } : argument).ToImmutableArray();
        var name = entry.Name + "." + call.TargetMethod.Name;
        calls?.Add(new CallFact(call, aliased ? entry.Name : name, call, named, null, null, inputs, AbstractValue.Unknown) { LossCreation = loss.Creation, LossFlag = entry.Flag is { } flag && loss.Flag is { } set ? (flag, set) : null });
    }

    /// <summary>The value a module computes from its input; a layer the engine does not know (ReLU, dropout) makes it unknown, and later layers go on from there.</summary>
    private AbstractValue Apply(ModuleValue module, ArgumentFact input, IInvocationOperation call)
    {
        switch (module.Entry?.Kind)
        {
            case null when module.Model is { } model:
                return ApplyModel(model, module.Constructed, ImmutableArray.Create(input), call);
            case ModuleKind.Activation:
                return Activate(module.Entry, module.Creation, module.Creation, module.Dim, input, call);
            case ModuleKind.Linear when module.Activation == ValueDomain.Logits:
                return new AbstractValue(ValueDomain.Logits, module.Creation, module.OutFeatures, Rank: input.Value.Rank);
            case ModuleKind.Linear when module.Activation != ValueDomain.Unknown:
                var linear = new AbstractValue(ValueDomain.Logits, module.Creation, module.OutFeatures, Rank: input.Value.Rank);
                var activation = module.Entry with { Kind = ModuleKind.Activation, Domain = module.Activation, Dim = null };
                return Activate(activation, module.ActivationSite ?? module.Creation, module.Creation, -1, input with { Value = linear }, call);
            case ModuleKind.Flatten:
                return Meaning(input.Value) with { Classes = null, Axis = null, Rank = Shapes.Flattened(input.Value.Rank, module.Dim, -1) };
            case ModuleKind.Functional:
                return module.Output ?? AbstractValue.Unknown;
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

    /// <summary>An activation applied: its output, and a producer fact reported at <paramref name="site"/> (the module, or a layer's activation argument).</summary>
    private AbstractValue Activate(ModuleEntry entry, IOperation site, IOperation origin, int? dim, ArgumentFact input, IInvocationOperation call)
    {
        var producer = new ProducerEntry(entry.Type, call.TargetMethod.Name, entry.Domain, "input", FusedLog: entry.FusedLog, Axis: entry.Dim, FusedLogType: entry.FusedLogType);
        var result = new AbstractValue(entry.Domain, origin, ClassesAlong(input.Value, dim, dim is not null), Axis: dim, Rank: input.Value.Rank);
        calls?.Add(new CallFact(call, entry.Name, site, ImmutableArray.Create(input with { Alias = "input" }), producer, null, ImmutableArray<LossInputEntry>.Empty, result));
        return result;
    }

    /// <summary>
    /// A user-defined model: its forward method, over the fields its constructor set (this object's constructor, when
    /// <paramref name="constructed"/>), given the apply call's arguments.
    /// </summary>
    private AbstractValue ApplyModel(INamedTypeSymbol model, ConstructedObject? constructed, ImmutableArray<ArgumentFact> arguments, IInvocationOperation call, IMethodSymbol? called = null)
    {
        if ((called is not null && called.Locations.Any(location => location.IsInSource) ? Overriding(model, called) : Forward(model)) is not { } forward)
        {
            return AbstractValue.Unknown;
        }

        var fields = constructed?.Fields ?? engine.ConstructedFields(model, budget);
        var values = ByOrdinal(forward.Parameters.Length, arguments);
        if (arguments.Length > 0 && arguments[0].Parameter is null)
        {
            values = values.SetItem(0, arguments[0].Value);
        }

        return Returned(engine.Summarize(forward, values, fields, depth, budget, knownTarget: true, constructed), call);
    }

    /// <summary>The method of <paramref name="model"/> that a call of <paramref name="called"/> (declared in source) runs.</summary>
    private static IMethodSymbol? Overriding(INamedTypeSymbol model, IMethodSymbol called)
    {
        for (var type = model; type is not null; type = type.BaseType)
        {
            foreach (var method in type.GetMembers(called.Name).OfType<IMethodSymbol>())
            {
                for (var overridden = method; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, called.OriginalDefinition))
                    {
                        return method.IsAbstract ? null : method;
                    }
                }
            }
        }

        return null;
    }

    private IMethodSymbol? Forward(INamedTypeSymbol model)
    {
        var names = engine.Knowledge.ForwardMethods;
        for (var type = model; type is not null && type.Locations.Any(location => location.IsInSource); type = type.BaseType)
        {
            if (type.GetMembers().OfType<IMethodSymbol>().FirstOrDefault(method => names.Contains(method.Name) && method.Parameters.Length >= 1 && !method.IsAbstract) is { } forward)
            {
                return forward;
            }
        }

        return null;
    }
}
