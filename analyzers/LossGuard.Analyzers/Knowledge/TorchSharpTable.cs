using System.Collections.Immutable;

namespace LossGuard.Analyzers.Knowledge;

/// <summary>TorchSharp 0.107: <c>torch</c>, <c>torch.nn.functional</c>, <c>torch.special</c>, <c>Tensor</c> methods and <c>torch.nn</c> modules.</summary>
internal static class TorchSharpTable
{
    private const string Torch = "TorchSharp.torch";
    private const string Functional = "TorchSharp.torch+nn+functional";
    private const string Special = "TorchSharp.torch+special";
    private const string Tensor = "TorchSharp.torch+Tensor";
    private const string Modules = "TorchSharp.Modules.";
    private const string ModuleExtensions = "TorchSharp.ModuleExtensionMethods";
    private const string This = ProducerEntry.Receiver;

    public static LibraryTable Create() => new(
        "TorchSharp",
        ImmutableArray.Create(Torch),
        ImmutableArray.Create(
            new ProducerEntry(Functional, "softmax", ValueDomain.Probabilities, "input", FusedLog: "log_softmax", Axis: "dim", SigmoidVariant: "sigmoid"),
            new ProducerEntry(Functional, "log_softmax", ValueDomain.LogProbabilities, "x", Axis: "dim"),
            new ProducerEntry(Functional, "sigmoid", ValueDomain.IndependentProbabilities, "x", FusedLog: "logsigmoid"),
            new ProducerEntry(Functional, "logsigmoid", ValueDomain.LogProbabilities, "x"),
            new ProducerEntry(Functional, "one_hot", ValueDomain.OneHotLabels, "x", Classes: "num_classes", Integer: true),
            new ProducerEntry(Functional, "linear", ValueDomain.Logits, "input", Similarity: "weights", SimilarityAxis: 1),
            new ProducerEntry(Functional, "normalize", ValueDomain.UnitVectors, "input", Axis: "dim", Norm: "p"),
            new ProducerEntry(Functional, "cosine_similarity", ValueDomain.Cosines, "x1"),
            new ProducerEntry(Torch, "mm", ValueDomain.Unknown, "input", Similarity: "target"),
            new ProducerEntry(Torch, "matmul", ValueDomain.Unknown, "input", Similarity: "target"),
            new ProducerEntry(Tensor, "mm", ValueDomain.Unknown, This, Similarity: "target"),
            new ProducerEntry(Tensor, "matmul", ValueDomain.Unknown, This, Similarity: "target"),
            new ProducerEntry(Torch, "softmax", ValueDomain.Probabilities, "input", FusedLog: "log_softmax", FusedLogType: Functional, Axis: "dim", SigmoidVariant: "sigmoid"),
            new ProducerEntry(Torch, "sigmoid", ValueDomain.IndependentProbabilities, "input", FusedLog: "logsigmoid", FusedLogType: Functional),
            new ProducerEntry(Special, "softmax", ValueDomain.Probabilities, "input", FusedLog: "log_softmax", Axis: "dim", SigmoidVariant: "sigmoid"),
            new ProducerEntry(Special, "log_softmax", ValueDomain.LogProbabilities, "input", Axis: "dim"),
            new ProducerEntry(Special, "sigmoid", ValueDomain.IndependentProbabilities, "input", FusedLog: "logsigmoid", FusedLogType: Functional),
            new ProducerEntry(Special, "expit", ValueDomain.IndependentProbabilities, "input", FusedLog: "logsigmoid", FusedLogType: Functional),
            new ProducerEntry(Tensor, "softmax", ValueDomain.Probabilities, This, FusedLog: "log_softmax", Axis: "dim", SigmoidVariant: "sigmoid"),
            new ProducerEntry(Tensor, "log_softmax", ValueDomain.LogProbabilities, This, Axis: "dim"),
            new ProducerEntry(Tensor, "sigmoid", ValueDomain.IndependentProbabilities, This, FusedLog: "log_sigmoid"),
            new ProducerEntry(Tensor, "log_sigmoid", ValueDomain.LogProbabilities, This)),
        ImmutableArray.Create(
            new LossInputEntry(Functional, "cross_entropy", "input", ValueDomain.Logits, AppliesSoftmax: true),
            new LossInputEntry(Functional, "cross_entropy", "target", ValueDomain.ClassIndices, AcceptsDistribution: true),
            new LossInputEntry(Functional, "nll_loss", "input", ValueDomain.LogProbabilities, LogitsVariant: "cross_entropy"),
            new LossInputEntry(Functional, "nll_loss", "target", ValueDomain.ClassIndices),
            new LossInputEntry(Functional, "binary_cross_entropy", "input", ValueDomain.IndependentProbabilities, LogitsVariant: "binary_cross_entropy_with_logits"),
            new LossInputEntry(Functional, "binary_cross_entropy_with_logits", "input", ValueDomain.Logits),
            new LossInputEntry(Functional, "multilabel_soft_margin_loss", "input", ValueDomain.Logits),
            new LossInputEntry(Functional, "kl_div", "input", ValueDomain.LogProbabilities),
            new LossInputEntry(Functional, "kl_div", "target", ValueDomain.Probabilities, LogFlag: "log_target"),
            new LossInputEntry(Functional, "ctc_loss", "log_probs", ValueDomain.LogProbabilities, ClassAxis: 2)),
        ImmutableArray.Create(
            new TransformEntry(Torch, "log", TransformKind.Log, "input"),
            new TransformEntry(Tensor, "log", TransformKind.Log, This),
            new TransformEntry(Tensor, "log_", TransformKind.Log, This),
            new TransformEntry(Torch, "clamp", TransformKind.Clip, "input"),
            new TransformEntry(Tensor, "clamp", TransformKind.Clip, This),
            new TransformEntry(Tensor, "to_type", TransformKind.DType, This, Scalar: "type"),
            new TransformEntry(Tensor, "to", TransformKind.DType, This, Scalar: "type"),
            new TransformEntry(Tensor, "type", TransformKind.DType, This, Scalar: "dtype"),
            new TransformEntry(Tensor, "long", TransformKind.DType, This, Integer: true),
            new TransformEntry(Tensor, "int", TransformKind.DType, This, Integer: true),
            new TransformEntry(Tensor, "float", TransformKind.DType, This, Integer: false),
            new TransformEntry(Tensor, "double", TransformKind.DType, This, Integer: false),
            new TransformEntry(Tensor, "to", TransformKind.Preserve, This),
            new TransformEntry(Tensor, "cpu", TransformKind.Preserve, This),
            new TransformEntry(Tensor, "cuda", TransformKind.Preserve, This),
            new TransformEntry(Tensor, "detach", TransformKind.Preserve, This),
            new TransformEntry(Tensor, "clone", TransformKind.Preserve, This),
            new TransformEntry(Tensor, "contiguous", TransformKind.Preserve, This),
            new TransformEntry(ModuleExtensions, "to", TransformKind.Preserve, "module"),
            new TransformEntry(ModuleExtensions, "cpu", TransformKind.Preserve, "module"),
            new TransformEntry(ModuleExtensions, "cuda", TransformKind.Preserve, "module"),
            new TransformEntry(Tensor, "MoveToOuterDisposeScope", TransformKind.Preserve, This),
            new TransformEntry(Tensor, "DetachFromDisposeScope", TransformKind.Preserve, This),
            new TransformEntry(Tensor, "view", TransformKind.Shape, This, Scalar: "shape"),
            new TransformEntry(Tensor, "reshape", TransformKind.Shape, This, Scalar: "shape"),
            new TransformEntry(Torch, "reshape", TransformKind.Shape, "input", Scalar: "shape"),
            new TransformEntry(Tensor, "expand", TransformKind.Shape, This, Scalar: "sizes"),
            new TransformEntry(Tensor, "squeeze", TransformKind.Shape, This, Rank: RankChange.Unknown),
            new TransformEntry(Torch, "squeeze", TransformKind.Shape, "input", Rank: RankChange.Unknown),
            new TransformEntry(Tensor, "unsqueeze", TransformKind.Shape, This, Rank: RankChange.More),
            new TransformEntry(Torch, "unsqueeze", TransformKind.Shape, "input", Rank: RankChange.More),
            new TransformEntry(Tensor, "flatten", TransformKind.Shape, This, Rank: RankChange.Flatten),
            new TransformEntry(Torch, "flatten", TransformKind.Shape, "input", Rank: RankChange.Flatten),
            new TransformEntry(Tensor, "select", TransformKind.Shape, This, Rank: RankChange.Fewer),
            new TransformEntry(Torch, "select", TransformKind.Shape, "input", Rank: RankChange.Fewer),
            new TransformEntry(Tensor, "get_TensorItems", TransformKind.Shape, This, Rank: RankChange.Indexed),
            new TransformEntry(Tensor, "permute", TransformKind.Shape, This, Rank: RankChange.Same),
            new TransformEntry(Torch, "permute", TransformKind.Shape, "input", Rank: RankChange.Same),
            new TransformEntry(Tensor, "transpose", TransformKind.Shape, This, Rank: RankChange.Same),
            new TransformEntry(Torch, "transpose", TransformKind.Shape, "input", Rank: RankChange.Same),
            new TransformEntry(Tensor, "swapaxes", TransformKind.Shape, This, Rank: RankChange.Same),
            new TransformEntry(Tensor, "movedim", TransformKind.Shape, This, Rank: RankChange.Same),
            new TransformEntry(Tensor, "t", TransformKind.Shape, This, Rank: RankChange.Same),
            new TransformEntry(Torch, "t", TransformKind.Shape, "input", Rank: RankChange.Same),
            new TransformEntry(Tensor, "narrow", TransformKind.Shape, This, Rank: RankChange.Same),
            new TransformEntry(Torch, "narrow", TransformKind.Shape, "input", Rank: RankChange.Same),
            new TransformEntry(Tensor, "index_select", TransformKind.Shape, This, Rank: RankChange.Same),
            new TransformEntry(Torch, "index_select", TransformKind.Shape, "input", Rank: RankChange.Same),
            new TransformEntry(Tensor, "gather", TransformKind.Shape, This, Rank: RankChange.Same),
            new TransformEntry(Torch, "gather", TransformKind.Shape, "input", Rank: RankChange.Same),
            new TransformEntry(Tensor, "take_along_dim", TransformKind.Shape, This, Rank: RankChange.Unknown),
            new TransformEntry(Torch, "randn", TransformKind.Shape, null),
            new TransformEntry(Torch, "rand", TransformKind.Shape, null),
            new TransformEntry(Torch, "zeros", TransformKind.Shape, null),
            new TransformEntry(Torch, "ones", TransformKind.Shape, null),
            new TransformEntry(Torch, "empty", TransformKind.Shape, null)))
    {
        AssemblyNames = ImmutableArray.Create("TorchSharp"),
        Modules = ImmutableArray.Create(
            new ModuleEntry(Modules + "Softmax", ModuleKind.Activation, ValueDomain.Probabilities, Dim: "dim", FusedLog: "LogSoftmax", SigmoidVariant: "Sigmoid"),
            new ModuleEntry(Modules + "LogSoftmax", ModuleKind.Activation, ValueDomain.LogProbabilities, Dim: "dim"),
            new ModuleEntry(Modules + "Sigmoid", ModuleKind.Activation, ValueDomain.IndependentProbabilities, FusedLog: "LogSigmoid"),
            new ModuleEntry(Modules + "LogSigmoid", ModuleKind.Activation, ValueDomain.LogProbabilities),
            new ModuleEntry(Modules + "Linear", ModuleKind.Linear, ValueDomain.Logits, OutFeatures: "outputSize"),
            new ModuleEntry(Modules + "Sequential", ModuleKind.Sequential),
            new ModuleEntry(Modules + "Flatten", ModuleKind.Flatten, Dim: "start_dim"),
            new ModuleEntry(Modules + "CrossEntropyLoss", ModuleKind.Loss, LossType: Functional, LossMethod: "cross_entropy"),
            new ModuleEntry(Modules + "NLLLoss", ModuleKind.Loss, LossType: Functional, LossMethod: "nll_loss"),
            new ModuleEntry(Modules + "BCELoss", ModuleKind.Loss, LossType: Functional, LossMethod: "binary_cross_entropy", FusedName: "BCEWithLogitsLoss"),
            new ModuleEntry(Modules + "BCEWithLogitsLoss", ModuleKind.Loss, LossType: Functional, LossMethod: "binary_cross_entropy_with_logits"),
            new ModuleEntry(Modules + "MultiLabelSoftMarginLoss", ModuleKind.Loss, LossType: Functional, LossMethod: "multilabel_soft_margin_loss"),
            new ModuleEntry(Modules + "KLDivLoss", ModuleKind.Loss, LossType: Functional, LossMethod: "kl_div", Flag: "log_target"),
            new ModuleEntry(Modules + "CTCLoss", ModuleKind.Loss, LossType: Functional, LossMethod: "ctc_loss")
            {
                LossInputs = ImmutableArray.Create("log_probs", "targets", "input_lengths", "target_lengths"),
            }),
        ModelBaseTypes = ImmutableArray.Create("TorchSharp.torch+nn+Module`2", "TorchSharp.torch+nn+Module`3"),
        ApplyMethods = ImmutableArray.Create("forward", "call"),
        ForwardMethods = ImmutableArray.Create("forward"),
        TensorTypes = ImmutableArray.Create(Tensor),
        TrainingMethods = ImmutableArray.Create(new TrainingEntry("append", TrainingStep.Append, null)),
        DTypeEnums = ImmutableArray.Create(new DTypeEnumEntry(
            "TorchSharp.torch+ScalarType", ImmutableArray.Create(0L, 1L, 2L, 3L, 4L), ImmutableArray.Create(5L, 6L, 7L, 15L))),
    };
}
