using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// What a field or auto-property holds wherever it is read: the join of what every member that assigns it in the
/// compilation leaves there (its initialiser and constructors, in order; other methods and derived constructors),
/// when nothing outside the compilation can assign it. The field-level twin of call-site agreement, computed once
/// per member and receiver class for the compilation: an assignment through <c>this</c> in a class counts for
/// objects of that class, its bases and its subclasses, not for a sibling class's objects. Only modules, tensors and
/// delegates: a buffer's elements change without an assignment to the field.
/// </summary>
internal sealed class MemberValues
{
    private readonly DataflowEngine engine;
    private readonly ConcurrentDictionary<(ISymbol Member, ITypeSymbol? Receiver), AbstractValue> values = new(KeyComparer.Instance);
    private readonly ConcurrentDictionary<ISymbol, List<Write>?> writes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> followed = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxNode, MemberRun?> writerRuns = new();

    /// <summary>The members whose value this thread is computing: a cycle between members gives up (unknown).</summary>
    private readonly ReentryGuard inProgress = new();

    public MemberValues(DataflowEngine engine)
    {
        this.engine = engine;
    }

    /// <summary>The member's value read from an object of static type <paramref name="receiver"/> (none for a static member), or <c>null</c> when it is not known.</summary>
    public AbstractValue? Of(ISymbol member, ITypeSymbol? receiver, CancellationToken cancellationToken)
    {
        member = member.OriginalDefinition;
        var key = (member, member.IsStatic ? null : receiver?.OriginalDefinition);
        if (values.TryGetValue(key, out var known))
        {
            return known.Equals(AbstractValue.Unknown) ? null : known;
        }

        if (!Followed(member) || !inProgress.TryEnter(member))
        {
            return null;
        }

        try
        {
            var value = Agreement(member, key.Item2 as INamedTypeSymbol, cancellationToken);
            value = AsRead(value, member);
            values.TryAdd(key, DataflowEngine.IsInformative(value) ? value : AbstractValue.Unknown);
            return DataflowEngine.IsInformative(value) ? value : null;
        }
        finally
        {
            inProgress.Exit(member);
        }
    }

    /// <summary>
    /// A member's value as a reader sees it: its buffer is the member's own, and it may be null (before the first
    /// assignment, or from a constructor that does not assign it).
    /// </summary>
    private static AbstractValue AsRead(AbstractValue value, ISymbol member) =>
        (value.Storage is null ? value : value with { Storage = new ExternalStorage(member) }) with { Made = false };

    /// <summary>An auto-property declared in the compilation that no override can replace (its value is kept in the engine's state like a field's).</summary>
    public static bool IsAutoProperty(IPropertySymbol property) =>
        !property.IsIndexer && !property.IsAbstract && !property.IsExtern
        && !((property.IsVirtual || property.IsOverride) && !property.IsSealed && !property.ContainingType.IsSealed)
        && property.DeclaringSyntaxReferences.Length == 1
        && property.DeclaringSyntaxReferences[0].GetSyntax() is PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors }
        && accessors.Accessors.All(accessor => accessor.Body is null && accessor.ExpressionBody is null);

    /// <summary>Whether the member's value is worth computing (<see cref="IsFollowed"/>), once per member: most fields read are not followed.</summary>
    private bool Followed(ISymbol member) =>
        followed.TryGetValue(member, out var known) ? known : followed.GetOrAdd(member, IsFollowed(member));

    private bool IsFollowed(ISymbol member) => member switch
    {
        IFieldSymbol field => !field.IsConst && !field.IsImplicitlyDeclared && IsInSource(field) && Carries(field.Type) && IsClosed(field.IsReadOnly ? null : field),
        IPropertySymbol property => IsAutoProperty(property) && IsInSource(property) && Carries(property.Type) && IsClosed(property.SetMethod),
        _ => false,
    };

    private bool IsInSource(ISymbol member) => member.Locations.Any(location => location.IsInSource && engine.Compilation.ContainsSyntaxTree(location.SourceTree!));

    private bool Carries(ITypeSymbol type) => engine.Knowledge.CarriesValues(type) && !BufferViews.IsBuffer(type);

    /// <summary>Only the compilation can assign it on its classes' objects: through <paramref name="writer"/> (a mutable field, a setter; <c>null</c> when only constructors can), which code outside cannot use on them.</summary>
    private bool IsClosed(ISymbol? writer) => writer is null || !engine.ClosedWorld.IsAssignableFromOutside(writer);

    private AbstractValue Agreement(ISymbol member, INamedTypeSymbol? receiver, CancellationToken cancellationToken)
    {
        if (writes.GetOrAdd(member, m => Writes(m, cancellationToken)) is not { } all)
        {
            return AbstractValue.Unknown;
        }

        var applicable = all.Where(write => Applies(write, receiver)).ToList();
        var writers = new HashSet<SyntaxNode>(applicable.Select(write => write.Member));
        var compilers = new HashSet<SyntaxNode>(writers.Where(writer => applicable.All(write => write.Member != writer || write.Compiles)));

        var type = member.ContainingType;
        var isStatic = member.IsStatic;
        var hasInitializer = HasInitializer(member, cancellationToken);
        if (!isStatic && hasInitializer && writers.Count == 0)
        {
            return InitializerValue(member, cancellationToken);
        }

        AbstractValue? joined = null;
        void Add(AbstractValue value) => joined = joined is null ? value : AbstractValue.Join(joined, value);

        var construction = engine.ConstructionRuns(type, isStatic, cancellationToken);
        if (construction is null)
        {
            return AbstractValue.Unknown;
        }

        foreach (var (constructor, run) in construction)
        {
            // Before anything assigns it, a member holds null, and nothing reads it then without failing (null checks
            // are not decided on a member's value: AbstractValue.IsNotNull).
            if (hasInitializer || constructor is not null && writers.Contains(constructor))
            {
                Add(run.ValueOf(member));
            }
        }

        var changers = new List<SyntaxNode>();
        foreach (var writer in writers)
        {
            if (construction.Any(pair => pair.Constructor == writer))
            {
                continue;
            }

            if (compilers.Contains(writer))
            {
                changers.Add(writer);
                continue;
            }

            if (WriterRun(writer, cancellationToken) is not { } run)
            {
                return AbstractValue.Unknown;
            }

            Add(run.ValueOf(member));
        }

        if (joined is null || changers.Count == 0)
        {
            return joined ?? AbstractValue.Unknown;
        }

        // A member that only compiles the model compiles what the others leave there: it runs from what they agree on,
        // and leaves the same layers with its loss (models joined with different losses keep the layers, not the loss).
        // Compiling again replaces the loss, so one run from there is all it can leave. Other changes in place (a head
        // appended, a tensor's log_()) run from an unknown value, like assignments.
        var assigned = joined;
        foreach (var changer in changers)
        {
            if (ChangerRun(changer, member, assigned, cancellationToken) is not { } run)
            {
                return AbstractValue.Unknown;
            }

            Add(run.ValueOf(member));
        }

        return joined;
    }

    /// <summary>What a member that only compiles <paramref name="member"/> leaves in it, starting from <paramref name="entry"/>; <c>null</c> past the budget.</summary>
    private MemberRun? ChangerRun(SyntaxNode changer, ISymbol member, AbstractValue entry, CancellationToken cancellationToken)
    {
        if (SourceBodies.OfMember(engine.Models, changer, cancellationToken) is not { } body)
        {
            return null;
        }

        try
        {
            var fields = new FlowState();
            fields.Set(member, AsRead(entry, member));
            var budget = new EngineBudget(EngineBudget.DefaultMaxCallDepth, cancellationToken) { KeepsFields = true };
            var exit = engine.Run(body, ImmutableArray<IParameterSymbol>.Empty, ImmutableArray<AbstractValue>.Empty, fields, 0, budget).Exit;
            return new MemberRun(exit, budget.Observed);
        }
        catch (BudgetExceededException)
        {
            return null;
        }
    }

    /// <summary>
    /// An instance member that only its initialiser assigns holds what the initialiser makes, which cannot read the
    /// object (C# forbids it): computed alone, without constructing the object.
    /// </summary>
    private AbstractValue InitializerValue(ISymbol member, CancellationToken cancellationToken)
    {
        if (member.DeclaringSyntaxReferences.Length != 1
            || SourceBodies.InitializerOf(member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken)) is not { } initializer
            || SourceBodies.OfSyntax(engine.Models, initializer, cancellationToken) is not { } body)
        {
            return AbstractValue.Unknown;
        }

        try
        {
            var budget = new EngineBudget(EngineBudget.DefaultMaxCallDepth, cancellationToken) { KeepsFields = true };
            return engine.Run(body, ImmutableArray<IParameterSymbol>.Empty, ImmutableArray<AbstractValue>.Empty, null, 0, budget).Exit.Get(member)
                ?? AbstractValue.Unknown;
        }
        catch (BudgetExceededException)
        {
            return AbstractValue.Unknown;
        }
    }

    /// <summary>What a member's body leaves in members (parameters unknown, calls keeping fields), once per member; <c>null</c> past the budget.</summary>
    private MemberRun? WriterRun(SyntaxNode member, CancellationToken cancellationToken) =>
        writerRuns.GetOrAdd(member, syntax =>
        {
            if (SourceBodies.OfMember(engine.Models, syntax, cancellationToken) is not { } body)
            {
                return null;
            }

            try
            {
                var budget = new EngineBudget(EngineBudget.DefaultMaxCallDepth, cancellationToken) { KeepsFields = true };
                var exit = engine.Run(body, ImmutableArray<IParameterSymbol>.Empty, ImmutableArray<AbstractValue>.Empty, null, 0, budget).Exit;
                return new MemberRun(exit, budget.Observed);
            }
            catch (BudgetExceededException)
            {
                return null;
            }
        });

    private static bool HasInitializer(ISymbol member, CancellationToken cancellationToken) =>
        member.DeclaringSyntaxReferences.Any(reference => SourceBodies.InitializerOf(reference.GetSyntax(cancellationToken)) is not null);

    /// <summary>What a run of a body leaves in fields and auto-properties, and what they held at calls that may read them.</summary>
    internal sealed record MemberRun(FlowState Exit, FlowState? Observed)
    {
        /// <summary>Every value the member is seen with: at the end, and at each such call.</summary>
        public AbstractValue ValueOf(ISymbol member)
        {
            var value = Exit.Get(member) ?? AbstractValue.Unknown;
            return Observed?.Get(member) is { } seen ? AbstractValue.Join(value, seen) : value;
        }
    }

    /// <summary>
    /// An assignment in <see cref="Member"/>'s body; through <c>this</c>, it assigns only objects of the member's class (and
    /// its subclasses). <see cref="Compiles"/>: not an assignment but a model's compile call (<see cref="MemberMentions.Mention.Compiles"/>).
    /// </summary>
    private readonly record struct Write(SyntaxNode Member, INamedTypeSymbol? ThisClass, bool Compiles);

    /// <summary>Whether an assignment can reach an object whose static type is <paramref name="receiver"/>: unless made through <c>this</c> in an unrelated class.</summary>
    private static bool Applies(Write write, INamedTypeSymbol? receiver) =>
        write.ThisClass is not { } writer || receiver is null || DerivesFrom(receiver, writer) || DerivesFrom(writer, receiver);

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol ancestor)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, ancestor.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The assignments of the member (found by its name, confirmed by binding), and the calls that change its value in
    /// place (<see cref="FieldWrites.ChangesInPlace"/>: a layer appended, a tensor's <c>log_()</c>), which count as
    /// assignments; <c>null</c> when one is a write the engine cannot read (in a lambda or local function, an object
    /// initialiser, a <c>ref</c>), or the value escapes where it may be changed unseen (<see cref="ValueChanges"/>).
    /// </summary>
    private List<Write>? Writes(ISymbol member, CancellationToken cancellationToken)
    {
        var named = engine.Mentions.Of(member, cancellationToken);
        if (member is IFieldSymbol { IsReadOnly: true } field && !named.AnyChangeOrEscape(cancellationToken))
        {
            return ConstructorWrites(field, named.All, cancellationToken);
        }

        var writers = new List<Write>();
        foreach (var (name, write, escapes, compiles) in named.WritesOf(member, cancellationToken))
        {
            if (escapes || write == false || WriterOf(name) is not { } writer)
            {
                return null;
            }

            var receiver = IsThroughThis(name) && !member.IsStatic
                ? engine.Models.Of(name)?.GetDeclaredSymbol(writer, cancellationToken)?.ContainingType
                : null;
            writers.Add(new Write(writer, receiver, compiles));
        }

        return writers;
    }

    /// <summary>
    /// A <c>readonly</c> field is assigned only by its class's constructors (of its kind, static or not): those where
    /// its name is assigned (syntactically; a local of that name only makes the answer more cautious).
    /// </summary>
    private static List<Write> ConstructorWrites(IFieldSymbol field, List<SimpleNameSyntax> mentions, CancellationToken cancellationToken) =>
        FieldWrites.Members(field.ContainingType, constructors: true, field.IsStatic, cancellationToken)
            .Where(constructor => mentions.Any(name => name.SyntaxTree == constructor.SyntaxTree && constructor.Span.Contains(name.Span) && FieldWrites.WriteOf(name) is not null))
            .Select(constructor => new Write(constructor, field.IsStatic ? null : field.ContainingType, Compiles: false))
            .ToList();

    /// <summary>An assignment through <c>this</c>: the name alone, or <c>this.Name</c>.</summary>
    internal static bool IsThroughThis(SimpleNameSyntax name) =>
        name.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == name => access.Expression is ThisExpressionSyntax,
            MemberBindingExpressionSyntax => false,
            _ => true,
        };

    /// <summary>The member whose body holds the assignment; <c>null</c> inside a lambda or local function, whose runs its exit state does not show.</summary>
    private static SyntaxNode? WriterOf(SyntaxNode node) => SourceBodies.EnclosingMember(node, throughNestedFunctions: false);

    private sealed class KeyComparer : IEqualityComparer<(ISymbol Member, ITypeSymbol? Receiver)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((ISymbol Member, ITypeSymbol? Receiver) x, (ISymbol Member, ITypeSymbol? Receiver) y) =>
            SymbolEqualityComparer.Default.Equals(x.Member, y.Member) && SymbolEqualityComparer.Default.Equals(x.Receiver, y.Receiver);

        public int GetHashCode((ISymbol Member, ITypeSymbol? Receiver) obj) =>
            (SymbolEqualityComparer.Default.GetHashCode(obj.Member) * 31) + SymbolEqualityComparer.Default.GetHashCode(obj.Receiver);
    }
}
