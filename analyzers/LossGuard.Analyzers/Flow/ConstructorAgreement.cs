using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// The constructor twin of <see cref="CallSiteAgreement"/>: what each parameter of a constructor holds when the class's
/// construction runs (<see cref="Construction.Exits"/>), the join of what every creation in the compilation passes
/// (<see cref="ConstructorSites"/>), read from the creating body analysed on its own; unknown when a creation is not
/// known or not read. The object is kept in the fields after the creation, so an argument counts only when nothing
/// else can change it later: made in the creation (<c>new Trainer(Sequential(...))</c>), or a module or delegate in a
/// local that its declaration alone assigns from a call or creation and that the creating body does not hand on, alias
/// or change in place (<see cref="ValueChanges"/>); a constant counts as it is.
/// </summary>
internal static class ConstructorAgreement
{
    /// <summary>The parameters' values by ordinal (<see cref="DataflowEngine.External"/> where not known); <c>null</c> when none is known.</summary>
    public static ImmutableArray<AbstractValue>? Of(DataflowEngine engine, IMethodSymbol constructor, ConstructorSites sites, CancellationToken cancellationToken)
    {
        if (sites.Of(constructor, cancellationToken) is not { IsEmpty: false } creations)
        {
            return null;
        }

        var count = constructor.Parameters.Length;
        var joined = new AbstractValue?[count];
        foreach (var site in creations)
        {
            var caller = CallSites.CallerMember(site)!;
            AbstractValue?[]? passed = null;
            foreach (var (creation, arguments) in engine.CreationArguments(caller, cancellationToken))
            {
                if (creation.Syntax != site)
                {
                    continue;
                }

                passed ??= new AbstractValue?[count];
                for (var i = 0; i < count; i++)
                {
                    var value = Kept(engine, creation, i, arguments[i], caller, cancellationToken);
                    passed[i] = passed[i] is { } previous ? AbstractValue.Join(previous, value) : value;
                }
            }

            if (passed is null)
            {
                return null;
            }

            var informative = false;
            for (var i = 0; i < count; i++)
            {
                joined[i] = joined[i] is { } previous ? AbstractValue.Join(previous, passed[i]!) : passed[i];
                informative |= DataflowEngine.IsInformative(joined[i]!);
            }

            if (!informative)
            {
                return null;
            }
        }

        return constructor.Parameters.Select(parameter =>
        {
            var value = joined[parameter.Ordinal]!;
            return DataflowEngine.IsInformative(value) ? value : engine.External(parameter);
        }).ToImmutableArray();
    }

    /// <summary>What the object may keep of one argument: all of it when nothing can change it after the creation, else nothing.</summary>
    private static AbstractValue Kept(DataflowEngine engine, IObjectCreationOperation creation, int ordinal, AbstractValue value, SyntaxNode caller, CancellationToken cancellationToken)
    {
        if (!DataflowEngine.IsInformative(value) || value is { Module: null, Elements: null, Function: null, IsKnownDomain: false })
        {
            // Nothing, or a constant (a switch, a size): a value, not an object.
            return value;
        }

        var argument = creation.Arguments.FirstOrDefault(candidate => candidate.Parameter?.Ordinal == ordinal);
        return argument is { ArgumentKind: ArgumentKind.Explicit } && Evaluator.Unconverted(argument.Value) switch
        {
            IInvocationOperation or IObjectCreationOperation or IAnonymousFunctionOperation or IDelegateCreationOperation => true,
            // A module or delegate only: a tensor or an array held in a variable may be changed through a view or an element write.
            ILocalReferenceOperation local => value is { Elements: null, IsKnownDomain: false } && (value.Module is not null || value.Function is not null)
                && StaysHere(engine, local.Local, caller, cancellationToken),
            _ => false,
        }
            ? value
            : AbstractValue.Unknown;
    }

    /// <summary>
    /// A local that only its declaration assigns, from a call or creation, and that the body never reassigns, hands to a
    /// method that may change it, aliases or changes in place: its object is the one the creation keeps, unchanged.
    /// </summary>
    private static bool StaysHere(DataflowEngine engine, ILocalSymbol local, SyntaxNode caller, CancellationToken cancellationToken)
    {
        if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var initializer }
            || Unparenthesized(initializer) is not (InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax))
        {
            return false;
        }

        return NameText.Find(caller, local.Name, cancellationToken)
            .All(mention => FieldWrites.WriteOf(mention) is null && !engine.ValueChanges.Escapes(mention, cancellationToken));
    }

    private static ExpressionSyntax Unparenthesized(ExpressionSyntax expression) =>
        expression is ParenthesizedExpressionSyntax parenthesized ? Unparenthesized(parenthesized.Expression) : expression;
}
