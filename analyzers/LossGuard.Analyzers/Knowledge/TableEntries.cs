namespace LossGuard.Analyzers.Knowledge;

/// <summary>A library call whose result (return value or destination argument) lies in a known domain.</summary>
/// <param name="Type">Metadata name of the declaring type.</param>
/// <param name="Method">Method name (all overloads).</param>
/// <param name="Domain">The domain of what it produces.</param>
/// <param name="Input">The parameter carrying the value it transforms (the logits), if any.</param>
/// <param name="Destination">The parameter it writes its result into, if any; otherwise the return value.</param>
/// <param name="Classes">The parameter carrying the class count, if any.</param>
/// <param name="FusedLog">The method computing the fused, stable log of this activation, if there is one.</param>
/// <param name="FusedLogType">Metadata name of the type declaring <see cref="FusedLog"/>, when it is not <see cref="Type"/>.</param>
/// <param name="NeedsMaxSubtractedInput">The producer overflows unless its input is max-subtracted.</param>
/// <param name="Axis">The parameter carrying the axis it normalises along, if any.</param>
/// <param name="Integer">Whether the result's elements are integers, when the producer fixes it.</param>
/// <param name="SigmoidVariant">For a softmax: the sigmoid of the same library (called without the class count or axis).</param>
/// <param name="Similarity">
/// For a product (<c>linear</c>, <c>mm</c>): the parameter carrying its second factor; when <see cref="Input"/> holds unit
/// vectors along its last axis and this one unit vectors along <see cref="SimilarityAxis"/>, the result is cosine
/// similarities (otherwise <see cref="Domain"/>).
/// </param>
/// <param name="Norm">For a normalisation: the parameter carrying the norm's order; its result is unit vectors only for the L2 norm (2).</param>
/// <param name="SimilarityAxis">The axis of the second factor that the product contracts (1 for <c>linear</c>'s weights, 0 for <c>mm</c>).</param>
/// <param name="Exponential">
/// The output is the exponential of <see cref="Input"/> (<c>exp</c>): its input is the output's logarithm (the log-rates
/// of rates), and the exponential of log-softmax output along a known axis is probabilities along it.
/// </param>
internal sealed record ProducerEntry(
    string Type,
    string Method,
    ValueDomain Domain,
    string? Input,
    string? Destination = null,
    string? Classes = null,
    string? FusedLog = null,
    bool NeedsMaxSubtractedInput = false,
    string? Axis = null,
    bool? Integer = null,
    string? SigmoidVariant = null,
    string? Similarity = null,
    int SimilarityAxis = 0,
    string? Norm = null,
    string? FusedLogType = null,
    bool Exponential = false)
{
    /// <summary>The <see cref="Input"/> of an instance method whose input is the object it is called on.</summary>
    public const string Receiver = "this";
}

/// <summary>What an element-wise or reducing library call does to the domain of its input.</summary>
internal enum TransformKind
{
    /// <summary>The natural logarithm: probabilities become log-probabilities.</summary>
    Log,

    /// <summary>Clipping (clamp, max, min against constants): the domain is kept.</summary>
    Clip,

    /// <summary>The maximum of a buffer, a scalar that remembers which buffer it came from.</summary>
    MaxOf,

    /// <summary>Subtracting a scalar: subtracting the buffer's own maximum makes it max-subtracted.</summary>
    SubtractScalar,

    /// <summary>A copy, move or view that keeps what the values mean (device moves, <c>detach</c>, <c>clone</c>; a module moved to a device is the same module).</summary>
    Preserve,

    /// <summary>An element-type conversion: the meaning stays, the elements become integers or floats.</summary>
    DType,

    /// <summary>
    /// A tensor created from sizes, or a reshape, selection or permutation of one that keeps what its values mean;
    /// <see cref="TransformEntry.Rank"/> says what becomes of its number of dimensions.
    /// </summary>
    Shape,

    /// <summary>An activation looked up by name (Keras <c>GetActivationFromName("softmax")</c>): the activation that name stands for.</summary>
    ActivationByName,

    /// <summary>
    /// Tensors joined into one (<c>cat</c>, <c>stack</c>): what every part means, when all parts mean the same and the join
    /// keeps it; <see cref="TransformEntry.Join"/> says how they are joined, <see cref="TransformEntry.Scalar"/> names the axis.
    /// </summary>
    Join,
}

/// <summary>How a <see cref="TransformKind.Join"/> call joins its parts.</summary>
internal enum JoinKind
{
    /// <summary>Along an existing axis, the one its axis parameter gives (<c>cat</c>): the rank stays.</summary>
    Concatenate,

    /// <summary>Along a new axis inserted where its axis parameter says (<c>stack</c>): one dimension more.</summary>
    Stack,

    /// <summary><c>hstack</c>: along axis 1, or axis 0 of one-dimensional parts.</summary>
    Horizontal,

    /// <summary><c>vstack</c>: along axis 0; one-dimensional parts become rows first (a stack along a new axis 0).</summary>
    Vertical,
}

/// <summary>What a <see cref="TransformKind.Shape"/> call does to the number of dimensions.</summary>
internal enum RankChange
{
    /// <summary>As many as the sizes it is given (<c>view(-1, 10)</c>, <c>zeros(8, 3)</c>).</summary>
    Sizes,

    /// <summary>As many as its input has (<c>permute</c>, <c>gather</c>, <c>narrow</c>).</summary>
    Same,

    /// <summary>One fewer (<c>select</c>).</summary>
    Fewer,

    /// <summary>One more (<c>unsqueeze</c>).</summary>
    More,

    /// <summary>The dimensions from <c>start_dim</c> to <c>end_dim</c> become one (<c>flatten</c>).</summary>
    Flatten,

    /// <summary>One fewer per integer index (<c>t[0]</c>); unknown for other indices.</summary>
    Indexed,

    /// <summary>Not known (<c>squeeze</c> removes only dimensions of size one).</summary>
    Unknown,
}

/// <summary>A library call that transforms a value rather than producing a new domain.</summary>
/// <param name="Input">The parameter carrying the transformed value; <c>null</c>: the one argument that is not a constant.</param>
/// <param name="Scalar">
/// For <see cref="TransformKind.SubtractScalar"/>: the parameter carrying the scalar; for <see cref="TransformKind.DType"/>:
/// the parameter carrying the element type; for <see cref="TransformKind.Shape"/> of a receiver: the parameter carrying the new shape.
/// </param>
/// <param name="Integer">For <see cref="TransformKind.DType"/> without a type parameter: whether the result holds integers.</param>
/// <param name="Rank">For <see cref="TransformKind.Shape"/>: what becomes of the number of dimensions.</param>
/// <param name="Join">For <see cref="TransformKind.Join"/>: how the parts are joined.</param>
internal sealed record TransformEntry(
    string Type,
    string Method,
    TransformKind Kind,
    string? Input,
    string? Destination = null,
    string? Scalar = null,
    bool? Integer = null,
    RankChange Rank = RankChange.Sizes,
    JoinKind Join = JoinKind.Concatenate);

/// <summary>A loss parameter and the domain the loss expects there.</summary>
/// <param name="Type">Metadata name of the declaring type.</param>
/// <param name="Method">Loss method name (all overloads).</param>
/// <param name="Parameter">The parameter name.</param>
/// <param name="Expects">The domain the loss expects in that parameter.</param>
/// <param name="Classes">The parameter carrying the class count, if any; its presence marks a softmax over classes.</param>
/// <param name="LogitsVariant">The loss that takes logits in place of what this parameter expects (the fused form of a probability-space loss).</param>
/// <param name="AcceptsDistribution">For a class-index parameter: float distributions (a float one-hot) are legal too.</param>
/// <param name="LabelsVariant">For a label parameter: the loss that takes the other kind of labels (class indices for one-hot).</param>
/// <param name="SigmoidVariant">For a softmax over classes: the sigmoid loss to use over one class (without the class count).</param>
/// <param name="AppliesSoftmax">For a logits parameter: the loss applies a softmax over classes to it (LG0011 reads it).</param>
/// <param name="ClassAxis">
/// The class axis of the layout the parameter reads, when the loss fixes it (CTC's <c>[T, N, C]</c>: 2): a (log-)softmax
/// along another axis of a value of that layout's rank is LG0008.
/// </param>
/// <param name="LogFlag">
/// For a probability-space or rate parameter: the boolean parameter of the loss function (or of its module's constructor)
/// that, when true, makes it expect their logarithm instead (<c>kl_div</c>'s <c>log_target</c>: log-probabilities;
/// <c>poisson_nll_loss</c>'s <c>log_input</c>: log-rates).
/// </param>
internal sealed record LossInputEntry(
    string Type,
    string Method,
    string Parameter,
    ValueDomain Expects,
    string? Classes = null,
    string? LogitsVariant = null,
    bool AcceptsDistribution = false,
    string? LabelsVariant = null,
    string? SigmoidVariant = null,
    string? LogFlag = null,
    int? ClassAxis = null,
    bool AppliesSoftmax = false);
