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

    /// <summary>
    /// One name's mentions; what is asked of them is worked out on first use, per member asked about: only the mentions
    /// that may write or hand on the value (by the syntax) and that can name that member are bound (an instance member
    /// named alone or through <c>this</c> only inside its class, a subclass or a type nested in one), each once for the
    /// name; whether one lets the value escape (<see cref="ValueChanges"/>, which follows callees) only for the member it names.
    /// </summary>
    internal sealed class Mentions
    {
        private readonly DataflowEngine engine;
        private readonly ConcurrentDictionary<ISymbol, IReadOnlyList<Mention>> writes = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SimpleNameSyntax, ISymbol?> named = new();
        private bool? anyChangeOrEscape;

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
        public IReadOnlyList<Mention> WritesOf(ISymbol member, CancellationToken cancellationToken) =>
            writes.TryGetValue(member, out var known) ? known : writes.GetOrAdd(member, Decided(member, cancellationToken));

        /// <summary>
        /// Whether a mention that assigns <paramref name="member"/> or changes it in place, and that <paramref name="where"/>
        /// accepts, exists: one of <see cref="WritesOf"/> with a write.
        /// </summary>
        public bool AnyWrite(ISymbol member, System.Func<SimpleNameSyntax, bool> where, CancellationToken cancellationToken) =>
            All.Any(name => (FieldWrites.WriteOf(name) is not null || FieldWrites.ChangesInPlace(name)) && where(name) && Names(name, member, cancellationToken));

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

        /// <summary>The mentions of <paramref name="member"/> that write it or let it escape, in the order of <see cref="All"/>.</summary>
        private List<Mention> Decided(ISymbol member, CancellationToken cancellationToken)
        {
            var decided = new List<Mention>();
            foreach (var name in All)
            {
                var assigned = FieldWrites.WriteOf(name);
                var write = assigned ?? (FieldWrites.ChangesInPlace(name) ? true : null);
                if ((write is not null || ValueChanges.MayEscape(name)) && Names(name, member, cancellationToken))
                {
                    var escapes = write is null && engine.ValueChanges.Escapes(name, cancellationToken);
                    if (write is not null || escapes)
                    {
                        decided.Add(new Mention(name, write, escapes, assigned is null && write == true && Compiles(name, engine.Models.Of(name)!, cancellationToken)));
                    }
                }
            }

            return decided;
        }

        /// <summary>Whether the mention names <paramref name="member"/> (its original definition), bound once per mention unless it cannot.</summary>
        private bool Names(SimpleNameSyntax name, ISymbol member, CancellationToken cancellationToken)
        {
            if (!member.IsStatic && member.ContainingType is { } type && IsLookedUp(name) && !InsideSubclass(name, type, cancellationToken))
            {
                return false;
            }

            var symbol = named.TryGetValue(name, out var known)
                ? known
                : named.GetOrAdd(name, engine.Models.Of(name)?.GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition);
            return SymbolEqualityComparer.Default.Equals(symbol, member);
        }

        /// <summary>
        /// A name looked up from where it stands (alone, or after <c>this.</c>): not a member of another object, an object
        /// initialiser's or a pattern's member, an argument's or an anonymous member's name, or part of a qualified name.
        /// </summary>
        private static bool IsLookedUp(SimpleNameSyntax name) =>
            name.Parent switch
            {
                MemberAccessExpressionSyntax access when access.Name == name => access.Expression is ThisExpressionSyntax,
                MemberAccessExpressionSyntax => true,
                AssignmentExpressionSyntax assignment when assignment.Left == name => assignment.Parent is not InitializerExpressionSyntax,
                MemberBindingExpressionSyntax or NameColonSyntax or NameEqualsSyntax or ExpressionColonSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax
                    or CrefSyntax or XmlNameAttributeSyntax => false,
                _ => true,
            };

        /// <summary>Whether a type declaration around the name (nested ones and those around them) is <paramref name="type"/> or derives from it.</summary>
        private bool InsideSubclass(SimpleNameSyntax name, INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var model = engine.Models.Of(name);
            foreach (var declaration in name.Ancestors().OfType<BaseTypeDeclarationSyntax>())
            {
                if (model is null || model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol declared)
                {
                    return true;
                }

                for (var current = declared; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, type.OriginalDefinition))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <param name="Compiles">A change in place that is a model's compile call (Keras <c>compile</c>): it changes the loss the model trains with, not what it computes.</param>
    /// <param name="Write">
    /// An assignment the engine reads or a change in place, which counts as one (<c>true</c>); a write it cannot read
    /// (<c>false</c>); neither (<c>null</c>, a mention that lets the value escape).
    /// </param>
    internal readonly record struct Mention(SimpleNameSyntax Name, bool? Write, bool Escapes, bool Compiles);
}
