using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LossGuard.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// The value-domain dataflow engine for one compilation: analyses a body (on its operation tree, or on its
/// control-flow graph and those of its lambdas and local functions) and answers, through cached summaries, what a
/// method of the compilation returns.
/// </summary>
internal sealed class DataflowEngine
{
    private readonly Compilation compilation;
    private readonly ConcurrentDictionary<IMethodSymbol, FlowBody?> bodies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, CallTarget> targets = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SummaryKey, ImmutableArray<SummaryEntry>> summaries = new();

    /// <summary>Summaries whose result names nothing of their arguments, by <see cref="SummaryKey.WithoutSite"/>: they answer every call site alike.</summary>
    private readonly ConcurrentDictionary<SummaryKey, ImmutableArray<SummaryEntry>> siteFreeSummaries = new();
    private readonly ConcurrentDictionary<IFieldSymbol, object?> fieldConstants = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, FlowState?> constructedFields = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(INamedTypeSymbol Type, bool IsStatic), List<(SyntaxNode? Constructor, MemberValues.MemberRun Run)>?> constructionRuns = new();
    private readonly ConcurrentDictionary<SummaryKey, ConstructedObject?> constructedObjects = new();
    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Levels), FlowState> parameterStates = new(MethodLevelsComparer.Instance);
    private readonly ConcurrentDictionary<SyntaxNode, BodyFacts> plainFacts = new();
    private readonly ConcurrentDictionary<SyntaxNode, ImmutableArray<(FlowState Entry, BodyFacts Facts)>> entryFacts = new();
    /// <summary>The locals and parameters each callee's lambdas assign, once per callee: summaries run the same body many times.</summary>
    private readonly ConcurrentDictionary<IOperation, ISet<ISymbol>> capturedWrites = new();
    private readonly ConcurrentDictionary<IPropertySymbol, bool> autoProperties = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> assignsMembers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IOperation, ISet<ISymbol>> structsChangedInPlace = new();
    private readonly ConcurrentDictionary<IFieldSymbol, bool> setOnlyByConstruction = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IOperation, ISet<ISymbol>> refAliases = new();
    private readonly ConcurrentDictionary<IOperation, ISet<ISymbol>> escapingCarriers = new();
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<AbstractValue>?> constructorArguments = new(SymbolEqualityComparer.Default);
    private readonly CallSites callSites;
    private readonly ConstructorSites constructorSites;
    private readonly Implementations implementations;
    private readonly MemberValues memberValues;
    private readonly ReentryGuard constructing = new();

    private readonly TotalWork totalWork;

    public DataflowEngine(Compilation compilation, LibraryKnowledge knowledge)
        : this(compilation, knowledge, new TotalWork())
    {
    }

    /// <param name="totalWork">How much work one analysed body and the whole compilation may do (<see cref="TotalWork"/>).</param>
    internal DataflowEngine(Compilation compilation, LibraryKnowledge knowledge, TotalWork totalWork)
    {
        this.totalWork = totalWork;
        this.compilation = compilation;
        Knowledge = knowledge;
        Models = new SourceModels(compilation);
        ClosedWorld = new ClosedWorld(compilation);
        Names = new NameIndex(compilation);
        callSites = new CallSites(Models, ClosedWorld, Names);
        constructorSites = new ConstructorSites(compilation, Models, ClosedWorld, Names);
        implementations = new Implementations(compilation, ClosedWorld);
        ParameterDependence = new ParameterDependence(Models);
        ValueChanges = new ValueChanges(Models);
        Mentions = new MemberMentions(this);
        memberValues = new MemberValues(this);
    }

    public LibraryKnowledge Knowledge { get; }

    /// <summary>Where each member's name is mentioned and may be assigned, found once per name.</summary>
    public MemberMentions Mentions { get; }

    /// <summary>What code outside the compilation can reach (call sites and assignments it may add).</summary>
    public ClosedWorld ClosedWorld { get; }

    /// <summary>
    /// Whether the tree walk follows a <c>foreach</c> over fully known elements one element at a time (the graph walk
    /// joins them); off only to compare the two walks on what they share.
    /// </summary>
    internal bool UnrollsLoops { get; init; } = true;

    public Compilation Compilation => compilation;

    /// <summary>Which trees may spell a name (for finding the uses of a method or member).</summary>
    public NameIndex Names { get; }

    /// <summary>Which values a caller computes may depend on its own parameters (<see cref="Flow.CallSiteAgreement"/>).</summary>
    public ParameterDependence ParameterDependence { get; }

    public ValueChanges ValueChanges { get; }

    /// <summary>The semantic models of the compilation's trees, shared by everything that reads outside the analysed body.</summary>
    public SourceModels Models { get; }

    /// <summary>What a call of <paramref name="method"/> needs to know of it (once per method).</summary>
    public CallTarget Target(IMethodSymbol method) =>
        targets.TryGetValue(method, out var target)
            ? target
            : targets.GetOrAdd(method, new CallTarget(Knowledge.Of(method), BufferViews.Classify(method), SourceBodies.IsDeclaredIn(compilation, method)));

    /// <summary>Whether a body holds a call some rule reads (<see cref="RelevanceCheck"/>).</summary>
    public bool IsRelevant(IOperation body)
    {
        var check = Relevance;
        OperationWalk.All(body, ref check);
        return check.IsRelevant;
    }

    /// <summary>The relevance gate and the structure check of an analysed body, in one walk.</summary>
    public BodyScan Scan(IOperation body) => BodyScan.Of(body, Relevance);

    private RelevanceCheck Relevance => new(Knowledge, compilation);

    /// <summary>
    /// The facts for one body; empty when it is past the budget. The owner's parameters start with what every call
    /// site in the compilation passes, when all call sites are known and agree (up to <paramref name="maxCallDepth"/>
    /// callers up). A body whose parameters start unknown has the facts it has when read as a caller
    /// (<see cref="PlainCalls"/>), and one whose parameters start known those it has when read as a caller with the
    /// same entry (<see cref="CallerCalls"/>): computed once for both.
    /// </summary>
    public BodyFacts Analyze(FlowBody body, ISymbol owner, int maxCallDepth, CancellationToken cancellationToken) =>
        totalWork.Run(() => AnalyzeWithin(body, owner, maxCallDepth, cancellationToken), BodyFacts.Empty);

    private BodyFacts AnalyzeWithin(FlowBody body, ISymbol owner, int maxCallDepth, CancellationToken cancellationToken)
    {
        var entry = owner is IMethodSymbol method ? ParameterState(method, maxCallDepth, cancellationToken) : new FlowState();
        if (maxCallDepth != EngineBudget.DefaultMaxCallDepth)
        {
            return Facts(body, entry, maxCallDepth, cancellationToken);
        }

        return entry.Count == 0
            ? plainFacts.GetOrAdd(body.Root.Syntax, _ => Facts(body, entry, maxCallDepth, cancellationToken))
            : EntryFacts(body.Root.Syntax, body, entry, cancellationToken);
    }

    /// <summary>
    /// The facts of a member's body analysed from <paramref name="entry"/>, once per distinct entry: a caller read at
    /// several levels, or read and analysed itself, usually starts from the same parameters.
    /// </summary>
    private BodyFacts EntryFacts(SyntaxNode member, FlowBody? body, FlowState entry, CancellationToken cancellationToken)
    {
        if (entryFacts.TryGetValue(member, out var known))
        {
            foreach (var (state, facts) in known)
            {
                if (state.SameAs(entry))
                {
                    return facts;
                }
            }
        }

        var computed = (body ??= SourceBodies.OfMember(Models, member, cancellationToken)) is { } analysed
            ? Facts(analysed, entry.Clone(), EngineBudget.DefaultMaxCallDepth, cancellationToken)
            : BodyFacts.Empty;
        entryFacts.AddOrUpdate(member, ImmutableArray.Create((entry, computed)), (_, list) => list.Add((entry, computed)));
        return computed;
    }

    private BodyFacts Facts(FlowBody body, FlowState entry, int maxCallDepth, CancellationToken cancellationToken)
    {
        var budget = new EngineBudget(maxCallDepth, cancellationToken);
        var calls = ImmutableArray.CreateBuilder<CallFact>();
        var returns = ImmutableArray.CreateBuilder<ReturnFact>();
        try
        {
            var nested = body.HasNestedFunctions;
            var untracked = CapturedWrites.Of(body.Root, nested);
            if (body.Graph is { } graph)
            {
                AnalyzeWithNested(graph, entry, untracked, nested, budget, calls, returns);
            }
            else
            {
                AnalyzeTreeWithNested(body.Root, entry, untracked, nested, budget, calls, returns);
            }
        }
        catch (BudgetExceededException)
        {
            return BodyFacts.Empty;
        }

        return new BodyFacts(calls.ToImmutable(), returns.ToImmutable());
    }

    /// <summary>
    /// What every call site passes to the method's parameters (joined), reading callers up to <paramref name="levels"/>
    /// up; nothing when a call site is unknown. Asked only for methods that take a value the engine follows (a module,
    /// a tensor, an array, a delegate): finding call sites binds every use of the name, so other methods are not worth it.
    /// </summary>
    private FlowState ParameterState(IMethodSymbol method, int levels, CancellationToken cancellationToken) =>
        levels <= 0 || !method.Parameters.Any(parameter => Knowledge.CarriesValues(parameter.Type))
            ? new FlowState()
            : parameterStates.GetOrAdd((method, levels), key => CallSiteAgreement.Of(this, key.Method, key.Levels, callSites, cancellationToken)).Clone();

    /// <summary>
    /// The calls of a caller's body, for reading the arguments it passes: analysed with what its own call sites pass,
    /// <paramref name="levels"/> callers up, or on its own when that says nothing.
    /// </summary>
    internal ImmutableArray<CallFact> CallerCalls(SyntaxNode member, int levels, CancellationToken cancellationToken)
    {
        if (levels <= 0
            || Models.Of(member)?.GetDeclaredSymbol(member, cancellationToken) is not IMethodSymbol caller
            || ParameterState(caller, levels, cancellationToken) is not { Count: > 0 } entry)
        {
            return PlainCalls(member, cancellationToken);
        }

        return EntryFacts(member, null, entry, cancellationToken).Calls;
    }

    /// <summary>
    /// What a constructor's parameters hold when its class's construction runs: for one the object keeps unchanged, what
    /// every creation in the compilation passes (<see cref="ConstructorAgreement"/>), once per constructor; <c>null</c>
    /// when nothing is known. Asked only for constructors taking a value the engine follows.
    /// </summary>
    internal ImmutableArray<AbstractValue>? ConstructorArguments(IMethodSymbol constructor, CancellationToken cancellationToken) =>
        !constructor.Parameters.Any(parameter => Knowledge.CarriesValues(parameter.Type))
            ? null
            : constructorArguments.TryGetValue(constructor.OriginalDefinition, out var known)
                ? known
                : constructorArguments.GetOrAdd(constructor.OriginalDefinition, c => ConstructorAgreement.Of(this, c, constructorSites, cancellationToken));

    /// <summary>Whether a body's calls read on their own are known already (reading them costs nothing more).</summary>
    internal bool HasPlainFacts(SyntaxNode member) => plainFacts.ContainsKey(member);

    /// <summary>Whether a value says more than a parameter of unknown origin does.</summary>
    public static bool IsInformative(AbstractValue value) =>
        value.IsKnownDomain || value.Module is not null || value.Function is not null || value.Constant is not null
        || value.Classes is not null || value.Rank is not null || value.Integer is not null || value.Elements is not null;

    /// <summary>The calls of a body analysed on its own (parameters unknown), for reading the arguments it passes.</summary>
    internal ImmutableArray<CallFact> PlainCalls(SyntaxNode member, CancellationToken cancellationToken) =>
        plainFacts.GetOrAdd(member, syntax => SourceBodies.OfMember(Models, syntax, cancellationToken) is { } body
            ? Facts(body, new FlowState(), EngineBudget.DefaultMaxCallDepth, cancellationToken)
            : BodyFacts.Empty).Calls;

    /// <param name="nested">Whether the body's syntax holds lambdas or local functions, analysed on their own too.</param>
    private void AnalyzeWithNested(
        ControlFlowGraph graph, FlowState entry, ISet<ISymbol> untracked, bool nested, EngineBudget budget,
        ImmutableArray<CallFact>.Builder calls, ImmutableArray<ReturnFact>.Builder returns)
    {
        var result = new GraphAnalysis(this, graph, entry, depth: 0, budget, untracked, recordFacts: true).Run();
        calls.AddRange(result.Calls);
        returns.AddRange(result.Returns);
        if (!nested)
        {
            return;
        }

        foreach (var localFunction in graph.LocalFunctions)
        {
            AnalyzeWithNested(graph.GetLocalFunctionControlFlowGraph(localFunction, budget.CancellationToken), new FlowState(), untracked, nested, budget, calls, returns);
        }

        foreach (var lambda in graph.Blocks.SelectMany(block => block.Operations.Concat(Branch(block)))
                     .SelectMany(operation => operation.DescendantsAndSelf())
                     .OfType<IFlowAnonymousFunctionOperation>())
        {
            AnalyzeWithNested(graph.GetAnonymousFunctionControlFlowGraph(lambda, budget.CancellationToken), new FlowState(), untracked, nested, budget, calls, returns);
        }
    }

    /// <summary>The same on a tree walk: the body, then its local functions and lambdas, as a graph lists them.</summary>
    private void AnalyzeTreeWithNested(
        IOperation root, FlowState entry, ISet<ISymbol> untracked, bool nested, EngineBudget budget,
        ImmutableArray<CallFact>.Builder calls, ImmutableArray<ReturnFact>.Builder returns)
    {
        var result = new TreeAnalysis(this, FlowBody.OfTree(root), entry, depth: 0, budget, untracked, recordFacts: true).Run();
        calls.AddRange(result.Calls);
        returns.AddRange(result.Returns);
        if (!nested)
        {
            return;
        }

        var (localFunctions, lambdas) = NestedFunctions.Of(root);
        foreach (var function in localFunctions.Concat<IOperation>(lambdas))
        {
            AnalyzeTreeWithNested(function, new FlowState(), untracked, nested, budget, calls, returns);
        }
    }

    private static IEnumerable<IOperation> Branch(BasicBlock block) =>
        block.BranchValue is { } value ? new[] { value } : Enumerable.Empty<IOperation>();

    /// <summary>
    /// What a call into the compilation returns, given what is known of its arguments (and, for a model's method,
    /// of the fields its constructor set). <paramref name="knownTarget"/>: the receiver's class is known, so an
    /// override is the method that runs. <paramref name="constructed"/>: the one construction <paramref name="fields"/> came from, if so.
    /// </summary>
    public AbstractValue Summarize(
        IMethodSymbol method, ImmutableArray<AbstractValue> arguments, FlowState? fields, int depth, EngineBudget budget, bool knownTarget = false,
        ConstructedObject? constructed = null) =>
        // A summary is the value returned; the callee's own facts are found when its body is analysed.
        method.ReturnsVoid ? AbstractValue.Unknown : Summary(method, arguments, fields, depth, budget, knownTarget, constructed).Value;

    /// <summary>
    /// What a call into the compilation returns and what else it leaves (<see cref="CallEffects"/>: its <c>ref</c> and
    /// <c>out</c> parameters, the members of its object), also for a method that returns nothing. Effects are known
    /// only for a call that runs exactly this method (not dispatched virtually), from the same cached runs.
    /// </summary>
    public (AbstractValue Value, CallEffects? Effects) SummarizeWithEffects(
        IMethodSymbol method, ImmutableArray<AbstractValue> arguments, FlowState? fields, int depth, EngineBudget budget, bool knownTarget,
        ConstructedObject? constructed) =>
        Summary(method, arguments, fields, depth, budget, knownTarget, constructed);

    private (AbstractValue Value, CallEffects? Effects) Summary(
        IMethodSymbol method, ImmutableArray<AbstractValue> arguments, FlowState? fields, int depth, EngineBudget budget, bool knownTarget,
        ConstructedObject? constructed)
    {
        if (!knownTarget && (SourceBodies.IsOverridable(method) || method.IsAbstract))
        {
            return (method.ReturnsVoid ? AbstractValue.Unknown : Dispatched(method, arguments, depth, budget), null);
        }

        if (depth >= budget.MaxCallDepth)
        {
            budget.Cut();
            return (AbstractValue.Unknown, null);
        }

        if (BodyOf(method, budget.CancellationToken) is not { } body)
        {
            return (AbstractValue.Unknown, null);
        }

        var key = new SummaryKey(method, arguments, (object?)constructed ?? (fields is null ? null : method.ContainingType), budget.KeepsFields);
        if (Cached(summaries, key, depth, budget) is { } known)
        {
            return (known.Value, known.Effects);
        }

        // A summary shared between call sites has no effects (they may name a site's arguments).
        var withoutSite = key.WithoutSite();
        if (Cached(siteFreeSummaries, withoutSite, depth, budget, entry => ValueReferences.ComeAfterAllNamed(arguments, entry.Value)) is { } shared)
        {
            return (shared.Value, null);
        }

        var depthLeft = budget.MaxCallDepth - depth;

        var measure = budget.BeginMeasure(depth);
        var run = Run(body, method.Parameters, arguments, fields, depth + 1, budget);
        var (used, cut) = budget.EndMeasure(measure, depth);
        var summary = run.Returned;
        var effects = CallEffects.Of(method.Parameters, arguments, run.Exit, withMembers: fields is null && !method.IsStatic, Knowledge);
        var computed = new SummaryEntry(summary, depthLeft, used, cut, effects);
        summaries.AddOrUpdate(key, ImmutableArray.Create(computed), (_, known) => known.Add(computed));
        if (effects is null && !NamesAnyArgument(summary, arguments))
        {
            siteFreeSummaries.AddOrUpdate(withoutSite, ImmutableArray.Create(computed), (_, known) => known.Add(computed));
        }

        return (summary, effects);
    }

    /// <summary>A cached summary that answers a call at <paramref name="depth"/>; the caller's own measure sees what its run used and cut.</summary>
    private static SummaryEntry? Cached(
        ConcurrentDictionary<SummaryKey, ImmutableArray<SummaryEntry>> cache, SummaryKey key, int depth, EngineBudget budget,
        System.Func<SummaryEntry, bool>? holdsHere = null)
    {
        if (!cache.TryGetValue(key, out var entries))
        {
            return null;
        }

        foreach (var entry in entries)
        {
            if (entry.Answers(budget.MaxCallDepth - depth) && (holdsHere is null || holdsHere(entry)))
            {
                budget.Reached(depth + entry.Used);
                if (entry.Cut)
                {
                    budget.Cut();
                }

                return entry;
            }
        }

        return null;
    }

    private static bool NamesAnyArgument(AbstractValue summary, ImmutableArray<AbstractValue> arguments)
    {
        var named = new HashSet<object>();
        foreach (var argument in arguments)
        {
            ValueReferences.Collect(argument, named);
        }

        return ValueReferences.NamesAny(summary, named);
    }

    /// <summary>
    /// A construction's call of one of the object's own private methods (<c>InitModel()</c> from a constructor), run
    /// on the object's members as they are at the call, so what it adds to them and assigns counts for the
    /// construction; <c>null</c> when it cannot be run so (no body, no depth left).
    /// </summary>
    internal GraphAnalysis.Result? RunOwnHelper(IMethodSymbol method, ImmutableArray<AbstractValue> arguments, FlowState members, int depth, EngineBudget budget)
    {
        if (depth >= budget.MaxCallDepth || BodyOf(method, budget.CancellationToken) is not { } body)
        {
            return null;
        }

        return Run(body, method.Parameters, arguments, members, depth + 1, budget);
    }

    /// <summary>
    /// What an interface or virtual call returns: the join of what each method it may run returns, when the
    /// compilation knows them all (<see cref="Implementations"/>). Their objects' fields are each field's value
    /// wherever it is read (<see cref="MemberValue"/>), as the object may be of any class that inherits the method.
    /// </summary>
    private AbstractValue Dispatched(IMethodSymbol method, ImmutableArray<AbstractValue> arguments, int depth, EngineBudget budget)
    {
        if (implementations.Of(method) is not { IsEmpty: false } targets)
        {
            return AbstractValue.Unknown;
        }

        AbstractValue? joined = null;
        foreach (var target in targets)
        {
            var value = Summarize(target, arguments, fields: null, depth, budget, knownTarget: true);
            joined = joined is null ? value : AbstractValue.Join(joined, value);
        }

        return joined!;
    }

    /// <summary>
    /// What a lambda or local function returns for these arguments (not cached: its graph belongs to one body). When
    /// <paramref name="recordFacts"/>, its calls are facts too: a loss written as a lambda is checked with the
    /// values it is invoked with.
    /// </summary>
    public GraphAnalysis.Result? Invoke(
        FlowBody body, ImmutableArray<IParameterSymbol> parameters, ImmutableArray<AbstractValue> arguments, int depth, EngineBudget budget, bool recordFacts)
    {
        if (depth >= budget.MaxCallDepth)
        {
            budget.Cut();
            return null;
        }

        return Run(body, parameters, arguments, null, depth + 1, budget, recordFacts);
    }

    /// <summary>The fields of a model after construction (initialisers, then any constructor); <c>null</c> past the budget.</summary>
    public FlowState? ConstructedFields(INamedTypeSymbol model, EngineBudget budget) => ConstructedFields(model, budget.CancellationToken);

    public FlowState? ConstructedFields(INamedTypeSymbol model, CancellationToken cancellationToken)
    {
        if (constructedFields.TryGetValue(model, out var known))
        {
            return known;
        }

        var runs = ConstructionRuns(model, isStatic: false, cancellationToken);
        if (runs is null && !constructionRuns.ContainsKey((model.OriginalDefinition, false)))
        {
            // This thread is constructing the model (its constructor applies it): nothing, and nothing cached.
            return null;
        }

        return constructedFields.GetOrAdd(model, type => runs is null ? null : Construction.Fields(this, type, runs, cancellationToken));
    }

    /// <summary>
    /// The fields one constructor makes from these arguments (<see cref="Construction.Allocated"/>), with what every object
    /// of the class holds for the others, once per constructor and arguments; <c>null</c> when it cannot be followed, or
    /// while this thread constructs the class (nothing cached).
    /// </summary>
    public ConstructedObject? ConstructedObject(IMethodSymbol constructor, ImmutableArray<AbstractValue> arguments, CancellationToken cancellationToken)
    {
        var key = new SummaryKey(constructor, arguments, null, keepsFields: true);
        if (constructedObjects.TryGetValue(key, out var known))
        {
            return known;
        }

        var classFields = ConstructedFields(constructor.ContainingType, cancellationToken);
        return Guarded(constructor.ContainingType.OriginalDefinition, () => constructedObjects.GetOrAdd(key, _ => Construction.Allocated(this, constructor, arguments, classFields, cancellationToken)));
    }

    internal GraphAnalysis.Result Run(
        FlowBody body,
        ImmutableArray<IParameterSymbol> parameters,
        ImmutableArray<AbstractValue> arguments,
        FlowState? fields,
        int depth,
        EngineBudget budget,
        bool recordFacts = false)
    {
        budget.Reached(depth);
        var entry = fields?.Clone() ?? new FlowState();
        for (var i = 0; i < parameters.Length && i < arguments.Length; i++)
        {
            var argument = arguments[i];
            entry.Set(parameters[i], argument.Storage is null ? argument : argument with { Storage = new ExternalStorage(parameters[i]) });
        }

        var untracked = capturedWrites.TryGetValue(body.Root, out var known)
            ? known
            : capturedWrites.GetOrAdd(body.Root, CapturedWrites.Of(body.Root, body.HasNestedFunctions));
        return body.Graph is { } graph
            ? new GraphAnalysis(this, graph, entry, depth, budget, untracked, recordFacts).Run()
            : new TreeAnalysis(this, body, entry, depth, budget, untracked, recordFacts).Run();
    }

    /// <summary>
    /// What a parameter or field holds when nothing else is known: a buffer from outside (a field also says whether it
    /// is an integer element type). Made at each read: equal values for one symbol, and most symbols are read once or
    /// twice, where a compilation-wide cache cost more than it saved.
    /// </summary>
    public AbstractValue External(ISymbol symbol) => new(
        ValueDomain.Unknown, Storage: new ExternalStorage(symbol), Integer: symbol is IFieldSymbol field ? Knowledge.IsIntegerDTypeField(field) : null);

    /// <summary>What a field or auto-property holds wherever it is read, when every assignment in the compilation agrees (<see cref="MemberValues"/>).</summary>
    public AbstractValue? MemberValue(ISymbol member, ITypeSymbol? receiver, CancellationToken cancellationToken) => memberValues.Of(member, receiver, cancellationToken);

    /// <summary>
    /// Whether the method's body assigns (by name: <see cref="FieldWrites.WriteOf"/>) a field or auto-property its class
    /// declares or inherits, of a type the engine follows: only then is a call of it on its own object worth a run for
    /// what it leaves in them (<see cref="CallEffects"/>). Once per method.
    /// </summary>
    public bool AssignsMembers(IMethodSymbol method) =>
        assignsMembers.TryGetValue(method.OriginalDefinition, out var known)
            ? known
            : assignsMembers.GetOrAdd(method.OriginalDefinition, m => FieldWrites.Assigned(m.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax()))
                .Any(name => DeclaresMember(m.ContainingType, name)));

    private bool DeclaresMember(INamedTypeSymbol? type, string name)
    {
        for (; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is IFieldSymbol { IsConst: false } field && Knowledge.CarriesValues(field.Type)
                    || member is IPropertySymbol property && IsAutoProperty(property) && Knowledge.CarriesValues(property.Type))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the engine keeps a property's value like a field's (<see cref="MemberValues.IsAutoProperty"/>), once per property.</summary>
    public bool IsAutoProperty(IPropertySymbol property) =>
        autoProperties.TryGetValue(property, out var known) ? known : autoProperties.GetOrAdd(property, MemberValues.IsAutoProperty);

    /// <summary>What a type's constructors leave in its members (<see cref="Construction.Exits"/>), once per type; <c>null</c> past the budget.</summary>
    public List<(SyntaxNode? Constructor, MemberValues.MemberRun Run)>? ConstructionRuns(INamedTypeSymbol type, bool isStatic, CancellationToken cancellationToken)
    {
        var key = (type.OriginalDefinition, isStatic);
        return constructionRuns.TryGetValue(key, out var known)
            ? known
            : Guarded(key.Item1, () => constructionRuns.GetOrAdd(key, k => Construction.Exits(this, k.Type, k.IsStatic, cancellationToken)));
    }

    /// <summary>
    /// A type's construction, unless this thread is already constructing it (a constructor applying its own model):
    /// then nothing, and nothing cached.
    /// </summary>
    private T? Guarded<T>(INamedTypeSymbol type, System.Func<T?> construct)
        where T : class
    {
        if (!constructing.TryEnter(type))
        {
            return null;
        }

        try
        {
            return construct();
        }
        finally
        {
            constructing.Exit(type);
        }
    }

    /// <summary>
    /// What a struct's constructor leaves in each instance field for these arguments, in field order
    /// (<see cref="StructFields"/>); <c>null</c> when the struct is not followed or its constructor has no body here.
    /// </summary>
    public ValueList<AbstractValue>? ConstructedStruct(IMethodSymbol constructor, ImmutableArray<AbstractValue> arguments, int depth, EngineBudget budget)
    {
        if (!StructFields.IsFollowed(constructor.ContainingType, compilation))
        {
            return null;
        }

        if (depth >= budget.MaxCallDepth)
        {
            budget.Cut();
            return null;
        }

        if (CarrierClasses.PrimaryConstructorFields(constructor, arguments) is { } positional)
        {
            return new ValueList<AbstractValue>(positional);
        }

        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            if (SourceBodies.OfSyntax(Models, reference.GetSyntax(budget.CancellationToken), budget.CancellationToken) is { } body)
            {
                // A constructor that does more with this than reading and writing its fields (this = ..., a method
                // of the type, another constructor) may change them in ways the run does not keep.
                if (!body.Root.Descendants().OfType<IInstanceReferenceOperation>().All(IsFieldAccess)
                    || body.Root.Syntax.DescendantNodes().Any(node => node is RefExpressionSyntax or MakeRefExpressionSyntax))
                {
                    return null;
                }

                var exit = Run(body, constructor.Parameters, arguments, null, depth + 1, budget).Exit;
                return new ValueList<AbstractValue>(StructFields.Fields(constructor.ContainingType).Select(field => exit.Get(CarrierClasses.StateKey(field)) ?? AbstractValue.Unknown));
            }
        }

        return null;
    }

    /// <summary>
    /// <c>this</c> reading or writing one of its fields or auto-properties, or calling <c>object</c>'s constructor (a
    /// class's implicit <c>: base()</c>).
    /// </summary>
    private bool IsFieldAccess(IInstanceReferenceOperation instance) => instance.Parent switch
    {
        IFieldReferenceOperation field => field.Instance == instance,
        IPropertyReferenceOperation property => property.Instance == instance && IsAutoProperty(property.Property),
        IInvocationOperation { TargetMethod: { MethodKind: MethodKind.Constructor, ContainingType.SpecialType: SpecialType.System_Object } } => true,
        _ => false,
    };

    /// <summary>The struct variables the member holding <paramref name="operation"/> may change in place (<see cref="StructFields.ChangedInPlace"/>), once per member.</summary>
    public ISet<ISymbol> StructsChangedInPlace(IOperation operation) => OfRoot(structsChangedInPlace, operation, StructFields.ChangedInPlace);

    /// <summary>The locals and parameters that the body holding <paramref name="operation"/> takes a reference to (<see cref="RefAliases"/>).</summary>
    public ISet<ISymbol> RefAliased(IOperation operation) => OfRoot(refAliases, operation, RefAliases.Of);

    /// <summary>The carrier variables the body holding <paramref name="operation"/> lets escape (<see cref="CarrierMentions"/>).</summary>
    public ISet<ISymbol> EscapingCarriers(IOperation operation) => OfRoot(escapingCarriers, operation, root => CarrierMentions.Escaping(root, compilation, method => Target(method) is { IsInSource: false, Known.IsSink: true }));

    private static ISet<ISymbol> OfRoot(ConcurrentDictionary<IOperation, ISet<ISymbol>> cache, IOperation operation, System.Func<IOperation, ISet<ISymbol>> compute)
    {
        var root = operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        return cache.TryGetValue(root, out var known) ? known : cache.GetOrAdd(root, compute);
    }

    /// <summary>Whether only its object's construction sets the field (<see cref="Construction.SetOnlyByConstruction"/>), once per field.</summary>
    public bool SetOnlyByConstruction(IFieldSymbol field, CancellationToken cancellationToken) =>
        setOnlyByConstruction.TryGetValue(field, out var known)
            ? known
            : setOnlyByConstruction.GetOrAdd(field, Construction.SetOnlyByConstruction(this, field, cancellationToken));

    /// <summary>The constant a <c>readonly</c> field is initialised with, if its initialiser is a constant.</summary>
    public object? ConstantOf(IFieldSymbol field, CancellationToken cancellationToken) =>
        fieldConstants.TryGetValue(field, out var known) ? known : fieldConstants.GetOrAdd(field, ConstantFields.InitialValue(Models, field, cancellationToken));

    private FlowBody? BodyOf(IMethodSymbol method, CancellationToken cancellationToken) =>
        bodies.TryGetValue(method.OriginalDefinition, out var known)
            ? known
            : bodies.GetOrAdd(method.OriginalDefinition, SourceBodies.Of(Models, method.OriginalDefinition, cancellationToken));

    private sealed class MethodLevelsComparer : IEqualityComparer<(IMethodSymbol Method, int Levels)>
    {
        public static readonly MethodLevelsComparer Instance = new();

        public bool Equals((IMethodSymbol Method, int Levels) x, (IMethodSymbol Method, int Levels) y) =>
            x.Levels == y.Levels && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

        public int GetHashCode((IMethodSymbol Method, int Levels) obj) =>
            (SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 31) + obj.Levels;
    }
}
