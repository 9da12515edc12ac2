namespace LossGuard.Analyzers.Flow;

/// <summary>The blocks waiting for a visit, taken lowest ordinal first (so a block's predecessors in source order settle before it).</summary>
internal sealed class Worklist
{
    private readonly bool[] queued;
    private int lowest;

    public Worklist(int size)
    {
        queued = new bool[size];
        lowest = size;
    }

    public void Add(int ordinal)
    {
        queued[ordinal] = true;
        if (ordinal < lowest)
        {
            lowest = ordinal;
        }
    }

    /// <summary>The lowest queued ordinal, removed from the list; -1 when none is left.</summary>
    public int TakeLowest()
    {
        for (; lowest < queued.Length; lowest++)
        {
            if (queued[lowest])
            {
                queued[lowest] = false;
                return lowest++;
            }
        }

        return -1;
    }
}
