using System.Threading.Tasks;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>Minimal reproductions of the false LG0001 found reviewing AbstractValue.Made (8b9a7d0); each must be silent.</summary>
public sealed class NullGuardReviewMinimalTests
{
    private const string Head = """
        using System;
        using System.Runtime.InteropServices;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        """;

    // Family A: a reference to a local escapes through a call (ref-returning method, Span, ref struct), not a 'ref x' expression.
    [Theory]
    [InlineData("TorchSharp.Modules.Softmax? act = Softmax(1); R.Id(ref act) = null;")]
    [InlineData("TorchSharp.Modules.Softmax? act = null; ref var r = ref R.Id(ref act); act = Softmax(1); r = null;")]
    [InlineData("TorchSharp.Modules.Softmax? act = null; var sp = MemoryMarshal.CreateSpan(ref act, 1); act = Softmax(1); sp[0] = null;")]
    [InlineData("TorchSharp.Modules.Softmax? act = null; var sp = new Span<TorchSharp.Modules.Softmax?>(ref act); act = Softmax(1); sp[0] = null;")]
    [InlineData("TorchSharp.Modules.Softmax? act = Softmax(1); System.Runtime.CompilerServices.Unsafe.AsRef(in act) = null;")]
    [InlineData("TorchSharp.Modules.Softmax? act = Softmax(1); R.ClearIn(act);")]
    [InlineData("TorchSharp.Modules.Softmax? act = Softmax(1); TypedReference tr = __makeref(act); __refvalue(tr, TorchSharp.Modules.Softmax?) = null;")]
    public Task Local_reference_escapes_through_a_call(string body) =>
        Verify.AnalyzerAsync(Head + """
            internal static class R
            {
                public static ref T Id<T>(ref T x) => ref x;
                public static void ClearIn(in TorchSharp.Modules.Softmax? a) => System.Runtime.CompilerServices.Unsafe.AsRef(in a) = null;
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var h = Linear(8, 3).call(x);
            """ + body + """

                    if (act != null) h = act.call(h);
                    return functional.cross_entropy(h, y);
                }
            }
            """);

    // Family B: writes that Construction.SetOnlyByConstruction does not see.
    [Theory]
    [InlineData("public static readonly Action<M> Kill = m => m.activation = null;", "M.Kill(m);")]
    [InlineData("public static Action<M> Kill { get; } = m => m.activation = null;", "M.Kill(m);")]
    [InlineData("private readonly Action<M> kill = m => m.activation = null; public void Off() => kill(this);", "m.Off();")]
    [InlineData("public event Action<M>? Kill = m => m.activation = null; public void Off() => Kill?.Invoke(this);", "m.Off();")]
    public Task Member_initializer_lambda_clears_the_field(string member, string off) =>
        Verify.AnalyzerAsync(Head + """
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private TorchSharp.Modules.Softmax? activation;
            """ + member + """

                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (activation != null) h = activation.call(h);
                    return h;
                }
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var m = new M();
            """ + off + """

                    return functional.cross_entropy(m.call(x), y);
                }
            }
            """);

    [Fact]
    public Task Static_constructor_clears_the_shared_instance() =>
        Verify.AnalyzerAsync(Head + """
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private TorchSharp.Modules.Softmax? activation;
                public static readonly M Shared;
                static M() { Shared = new M(); Shared.activation = null; }
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (activation != null) h = activation.call(h);
                    return h;
                }
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y) => functional.cross_entropy(M.Shared.call(x), y);
            }
            """);

    [Fact]
    public Task Constructor_clears_another_instance() =>
        Verify.AnalyzerAsync(Head + """
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private TorchSharp.Modules.Softmax? activation;
                public M(M? previous) : base("M") { activation = Softmax(1); if (previous != null) previous.activation = null; RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (activation != null) h = activation.call(h);
                    return h;
                }
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var a = new M(null);
                    _ = new M(a);
                    return functional.cross_entropy(a.call(x), y);
                }
            }
            """);

    [Fact]
    public Task Readonly_field_written_through_an_in_argument() =>
        Verify.AnalyzerAsync(Head + """
            internal static class R { public static ref T Mut<T>(in T x) => ref System.Runtime.CompilerServices.Unsafe.AsRef(in x); }
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> linear = Linear(8, 3);
                private readonly TorchSharp.Modules.Softmax? activation;
                public M() : base("M") { activation = Softmax(1); RegisterComponents(); }
                public void Off() => R.Mut(activation) = null;
                public override Tensor forward(Tensor x)
                {
                    var h = linear.call(x);
                    if (activation != null) h = activation.call(h);
                    return h;
                }
            }
            public static class Local
            {
                public static Tensor Batch(Tensor x, Tensor y)
                {
                    var m = new M();
                    m.Off();
                    return functional.cross_entropy(m.call(x), y);
                }
            }
            """);
}
