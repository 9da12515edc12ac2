// LossGuard corpus stand-in (our own code, not upstream) for the IEnumerableUnpacker source generator, which the
// package feed does not serve: its two attributes and the one generated method RLMatrix calls. No loss code.
namespace IEnumerableUnpacker
{
    [System.AttributeUsage(System.AttributeTargets.Class)]
    public sealed class UnpackableAttribute : System.Attribute { }

    [System.AttributeUsage(System.AttributeTargets.Field | System.AttributeTargets.Property)]
    public sealed class UnpackAttribute : System.Attribute
    {
        public UnpackAttribute(string name) { }
    }
}

namespace RLMatrix.Agents.Common
{
    public static class TransitionInMemoryUnpackStub
    {
        public static void UnpackTransitionInMemory<TState>(
            this System.Collections.Generic.IEnumerable<TransitionInMemory<TState>> source,
            out TState[] batchStates, out int[,] batchDiscreteActions, out float[,] batchContinuousActions)
            => throw new System.NotSupportedException("corpus stand-in");
    }
}
