using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// The mentions of a member's name where it may be assigned (its type's declarations for a private member, else every
/// tree spelling it), found once per name: classes that share member names (each agent's <c>Policy</c>) are searched
/// and bound once for all, not once per member.
/// </summary>
internal sealed class MemberMentions
{
    private readonly DataflowEngine engine;
    private readonly ConcurrentDictionary<(ISymbol? Scope, string Name), Mentions> byName = new(ScopedNameComparer.Instance);

    public MemberMentions(DataflowEngine engine) => this.engine = engine;

    public Mentions Of(ISymbol member, CancellationToken cancellationToken)
    {
        var key = (member.DeclaredAccessibility == Accessibility.Private ? member.ContainingType.OriginalDefinition : null, member.Name);
        return byName.TryGetValue(key, out var known) ? known : Found(key, cancellationToken);
    }

    private Mentions Found((ISymbol? Scope, string Name) key, CancellationToken cancellationToken) =>
        byName.GetOrAdd(key, new Mentions(engine, Find(key.Scope as INamedTypeSymbol, key.Name, cancellationToken)));

    private List<SimpleNameSyntax> Find(INamedTypeSymbol? scope, string name, CancellationToken cancellationToken)
    {
        var roots = scope is not null
            ? scope.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax(cancellationToken))
            : engine.Names.TreesSpelling(name, cancellationToken).Select(tree => tree.GetRoot(cancellationToken));
        return roots.SelectMany(root => NameText.Find(root, name, engine.Names.IsPlain(root.SyntaxTree, cancellationToken), cancellationToken)).ToList();
    }

    /// <summary>One name's mentions; what is asked of them is worked out on first use.</summary>
    internal sealed class Mentions
    {
        private readonly DataflowEngine engine;
        private bool? anyChangeOrEscape;
        private Dictionary<ISymbol, List<Mention>>? writesByMember;

        public Mentions(DataflowEngine engine, List<SimpleNameSyntax> all)
        {
            this.engine = engine;
            All = all;
        }

        public List<SimpleNameSyntax> All { get; }

        /// <summary>Whether any mention, of whatever member, may change it in place or let it escape (a cautious answer for all of them).</summary>
        public bool AnyChangeOrEscape(CancellationToken cancellationToken) =>
            anyChangeOrEscape ??= All.Any(name => FieldWrites.ChangesInPlace(name) || engine.ValueChanges.Escapes(name, cancellationToken));

        /// <summary>The mentions that assign <paramref name="member"/>, change it in place or let it escape.</summary>
        public IReadOnlyList<Mention> WritesOf(ISymbol member, CancellationToken cancellationToken)
        {
            var byMember = Volatile.Read(ref writesByMember)
                ?? Interlocked.CompareExchange(ref writesByMember, Bind(cancellationToken), null)
                ?? writesByMember!;
            return byMember.TryGetValue(member, out var writes) ? writes : System.Array.Empty<Mention>();
        }

        /// <summary>
        /// Whether the name, alone or after <c>this.</c> (this object's member, not another object's), receives a call the
        /// training tables know as a compile step.
        /// </summary>
        private bool Compiles(SimpleNameSyntax name, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!MemberValues.IsThroughThis(name))
            {
                return false;
            }

            ExpressionSyntax receiver = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            return receiver.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } call && call.Expression == receiver
                && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                && engine.Knowledge.FindTraining(method)?.Step == Knowledge.TrainingStep.Compile;
        }

        private Dictionary<ISymbol, List<Mention>> Bind(CancellationToken cancellationToken)
        {
            var bound = new Dictionary<ISymbol, List<Mention>>(SymbolEqualityComparer.Default);
            foreach (var name in All)
            {
                var assigned = FieldWrites.WriteOf(name);
                var write = assigned ?? (FieldWrites.ChangesInPlace(name) ? true : null);
                var escapes = write is null && engine.ValueChanges.Escapes(name, cancellationToken);
                if ((write is not null || escapes)
                    && engine.Models.Of(name) is { } model
                    && model.GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition is { } member)
                {
                    if (!bound.TryGetValue(member, out var list))
                    {
                        bound[member] = list = new List<Mention>();
                    }

                    list.Add(new Mention(name, write, escapes, assigned is null && write == true && Compiles(name, model, cancellationToken)));
                }
            }

            return bound;
        }
    }

    /// <param name="Compiles">A change in place that is a model's compile call (Keras <c>compile</c>): it changes the loss the model trains with, not what it computes.</param>
    /// <param name="Write">
    /// An assignment the engine reads or a change in place, which counts as one (<c>true</c>); a write it cannot read
    /// (<c>false</c>); neither (<c>null</c>, a mention that lets the value escape).
    /// </param>
    internal readonly record struct Mention(SimpleNameSyntax Name, bool? Write, bool Escapes, bool Compiles);
}
