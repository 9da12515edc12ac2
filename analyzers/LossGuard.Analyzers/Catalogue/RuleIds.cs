namespace LossGuard.Analyzers.Catalogue;

/// <summary>The rule ids of the LossGuard catalogue (docs/rules/&lt;id&gt;.md).</summary>
public static class RuleIds
{
    public const string SoftmaxIntoLogitsLoss = "LG0001";
    public const string SigmoidIntoLogitsLoss = "LG0002";
    public const string UnstableComposition = "LG0003";
    public const string SingleClassSoftmax = "LG0004";
    public const string OneHotIntoSparseLoss = "LG0005";
    public const string IndicesIntoCategoricalLoss = "LG0006";
    public const string WrongDomainForLoss = "LG0007";
    public const string SoftmaxAlongBatchAxis = "LG0008";
    public const string UnrecognisedKerasLossName = "LG0009";
    public const string UnstableTensorPrimitivesSoftMax = "LG0010";
    public const string UnscaledCosineLogits = "LG0011";
    public const string InvalidSetting = "LG0900";
}
