using System.Threading.Tasks;
using LossGuard.Analyzers.Catalogue;
using LossGuard.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = LossGuard.Analyzers.Tests.Infrastructure.Verify<LossGuard.Analyzers.Rules.ValueDomainAnalyzer>;

namespace LossGuard.Analyzers.Tests.RealCode;

/// <summary>
/// A two-headed network returns its heads in a tuple: an element read by <c>ItemN</c> or by name, from the call or
/// from a local holding the tuple, or a tuple local deconstructed later, holds what the network put there; a tuple
/// local the method changes in place says nothing.
/// </summary>
public sealed class TupleElementFlowTests
{
    private static string Step(string statements) => $$"""
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        using F = TorchSharp.torch.nn.functional;

        sealed class Net : Module<Tensor, (Tensor, Tensor)>
        {
            private readonly Module<Tensor, Tensor> body = Linear(8, 4);
            private readonly Module<Tensor, Tensor> probabilities = Softmax(1);
            public Net() : base("net") => RegisterComponents();
            public override (Tensor, Tensor) forward(Tensor x) => (probabilities.forward(body.forward(x)), tanh(x));
        }

        readonly struct Heads
        {
            private readonly Tensor probabilities, value;
            public Heads(Tensor probabilities, Tensor value) => (this.probabilities, this.value) = (probabilities, value);
            public static implicit operator (Tensor, Tensor)(Heads heads) => (heads.value, heads.probabilities);
        }

        static class Trainer
        {
            static readonly Net net = new Net();

            static (Tensor probabilities, Tensor value) Heads(Tensor x) => (F.softmax(x, 1), tanh(x));

            static (Tensor, Tensor) Replace((Tensor, Tensor) t) => t;

            static void Reset(ref (Tensor, Tensor) t) => t = (t.Item2, t.Item2);

            static Tensor Step(Tensor x, Tensor y)
            {
                {{statements}}
            }
        }
        """;

    [Theory]
    [InlineData("var outs = net.forward(x); return F.cross_entropy({|#0:outs.Item1|}, y);")]
    [InlineData("return F.cross_entropy({|#0:net.forward(x).Item1|}, y);")]
    [InlineData("var o = Heads(x); return F.cross_entropy({|#0:o.probabilities|}, y);")]
    [InlineData("var o = Heads(x); return F.cross_entropy({|#0:o.Item1|}, y);")]
    [InlineData("var o = net.forward(x); var (p, _) = o; return F.cross_entropy({|#0:p|}, y);")]
    [InlineData("(Tensor p, Tensor v) o = (F.softmax(x, 1), x); return F.cross_entropy({|#0:o.p|}, y);")]
    public Task A_softmax_head_read_from_a_tuple_by_element_is_LG0001(string statements) =>
        Verify.AnalyzerAsync(Step(statements), Finding.At(Descriptors.SoftmaxIntoLogitsLoss));

    [Theory]
    // The tuple local changed in place before the read: an element written, passed by ref, a ref local into it.
    [InlineData("var o = net.forward(x); o.Item1 = x; return F.cross_entropy(o.Item1, y);")]
    [InlineData("var o = net.forward(x); Reset(ref o); return F.cross_entropy(o.Item1, y);")]
    [InlineData("var o = net.forward(x); ref var first = ref o.Item1; first = x; return F.cross_entropy(o.Item1, y);")]
    [InlineData("var o = net.forward(x); o = (x, x); return F.cross_entropy(o.Item1, y);")]
    [InlineData("var o = net.forward(x); (o.Item1, _) = (x, 0); var (p, _) = o; return F.cross_entropy(p, y);")]
    // The element that holds no probabilities, or a tuple that came through code that may swap them.
    [InlineData("var o = net.forward(x); return F.cross_entropy(o.Item2, y);")]
    [InlineData("var o = Heads(x); return F.cross_entropy(o.value, y);")]
    // A struct converted to a tuple by an operator that orders the elements its own way.
    [InlineData("(Tensor, Tensor) o = new Heads(F.softmax(x, 1), x); return F.cross_entropy(o.Item1, y);")]
    [InlineData("var h = new Heads(F.softmax(x, 1), x); var o = ((Tensor, Tensor))h; return F.cross_entropy(o.Item1, y);")]
    [InlineData("var h = new Heads(F.softmax(x, 1), x); (Tensor, Tensor) o = h; var (p, _) = o; return F.cross_entropy(p, y);")]
    [InlineData("(Heads, Tensor) s = (new Heads(F.softmax(x, 1), x), x); ((Tensor, Tensor), Tensor) o = s; var ((p, _), _) = o; return F.cross_entropy(p, y);")]
    // The tensor in the tuple changed in place through the tuple.
    [InlineData("var o = net.forward(x); o.Item1.sub_(0.5); return F.cross_entropy(o.Item1, y);")]
    public Task A_tuple_element_changed_or_holding_something_else_is_silent(string statements) =>
        Verify.AnalyzerAsync(Step(statements));
}
