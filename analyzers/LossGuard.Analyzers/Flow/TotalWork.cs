using System;
using System.Threading;

namespace LossGuard.Analyzers.Flow;

/// <summary>
/// Thrown when an analysed body, with everything its analysis started, or the whole compilation has done as much
/// work as it may; caught only where the analysis of a body began, so that nothing it started is kept.
/// </summary>
internal sealed class TotalBudgetExceededException : Exception
{
}

/// <summary>
/// The work of one compilation's analyses, counted in steps: operations evaluated and blocks visited. Each walk
/// has a budget of its own, but one analysed body may start many walks (its callers read for their arguments, the
/// constructions of the models whose fields it reads): the body with everything it starts may take at most
/// <see cref="MaxStepsPerBody"/> steps, and once the compilation's bodies have taken <see cref="MaxStepsPerCompilation"/>
/// in all, bodies analysed later stay silent. A shape of code no test foresaw
/// then costs a bounded time in an editor.
/// </summary>
internal sealed class TotalWork
{
    public const int MaxStepsPerBody = 250_000;
    public const long MaxStepsPerCompilation = 5_000_000;

    /// <summary>The body this thread is analysing, with the work counted so far.</summary>
    [ThreadStatic]
    private static Scope? current;

    private readonly long maxPerCompilation;
    private readonly int maxPerBody;
    private long done;

    public TotalWork(int maxPerBody = MaxStepsPerBody, long maxPerCompilation = MaxStepsPerCompilation)
    {
        this.maxPerBody = maxPerBody;
        this.maxPerCompilation = maxPerCompilation;
    }

    /// <summary>Steps counted so far in the compilation (finished bodies only).</summary>
    public long Done => Volatile.Read(ref done);

    /// <summary>
    /// Runs the analysis of one body, counting every step of the walks it starts; <paramref name="silent"/>
    /// when the body or the compilation goes past its budget.
    /// </summary>
    public T Run<T>(Func<T> analysis, T silent)
    {
        if (current is not null)
        {
            return analysis();
        }

        if (Done > maxPerCompilation)
        {
            return silent;
        }

        var scope = current = new Scope(maxPerBody);
        try
        {
            return analysis();
        }
        catch (TotalBudgetExceededException)
        {
            return silent;
        }
        finally
        {
            current = null;
            Interlocked.Add(ref done, scope.Steps);
        }
    }

    /// <summary>Counts one step (an operation evaluated, a block visited) for the body this thread is analysing.</summary>
    public static void Step()
    {
        if (current is { } scope && ++scope.Steps > scope.Max)
        {
            throw new TotalBudgetExceededException();
        }
    }

    private sealed class Scope
    {
        public Scope(int max) => Max = max;

        public int Max { get; }

        public int Steps { get; set; }
    }
}
