namespace LossGuard;

/// <summary>How per-row losses are combined into the returned value.</summary>
public enum Reduction
{
    /// <summary>The mean over rows (over non-ignored rows, weighted by their class weights, for sparse losses).</summary>
    Mean,

    /// <summary>The sum over rows.</summary>
    Sum,

    /// <summary>No reduction: per-row losses go to <c>rowLosses</c>; the return value is their sum.</summary>
    None,
}
