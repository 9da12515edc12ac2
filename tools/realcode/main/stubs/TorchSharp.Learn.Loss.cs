// LossGuard corpus stand-in (our own code, not upstream) for TorchSharp 0.9x's `Loss` delegate and its
// `cross_entropy_loss()` factory, which TorchSharp 0.107 no longer has. Gravicode/TorchSharp.Learn uses both;
// its experiment file imports this class with a `using static` added on an existing line (edits.tsv).
using static TorchSharp.torch;

namespace LossGuardCorpusStub
{
    public static class TorchSharp0x
    {
        public delegate Tensor Loss(Tensor input, Tensor target);

        public static Loss cross_entropy_loss() => (input, target) => nn.functional.cross_entropy(input, target);
    }
}
