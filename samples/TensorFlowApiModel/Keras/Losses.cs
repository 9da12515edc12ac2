namespace Tensorflow.Keras.Losses
{
    public abstract class Loss : ILossFunc
    {
        public Loss(string reduction = "auto", string name = null!, bool from_logits = false) { }

        public string Reduction => string.Empty;

        public string Name => string.Empty;

        public abstract Tensor Apply(Tensor y_true, Tensor y_pred, bool from_logits = false, int axis = -1);

        public Tensor Call(Tensor y_true, Tensor y_pred, Tensor sample_weight = null!) => null!;
    }

    public abstract class LossFunctionWrapper : Loss
    {
        public LossFunctionWrapper(string reduction = "auto", string name = null!, bool from_logits = false)
            : base(reduction, name, from_logits) { }
    }

    public class CategoricalCrossentropy : LossFunctionWrapper
    {
        public CategoricalCrossentropy(bool from_logits = false, float label_smoothing = 0, string reduction = null!, string name = null!) { }

        public override Tensor Apply(Tensor y_true, Tensor y_pred, bool from_logits = false, int axis = -1) => null!;
    }

    public class SparseCategoricalCrossentropy : LossFunctionWrapper
    {
        public SparseCategoricalCrossentropy(bool from_logits = false, string reduction = null!, string name = null!) { }

        public override Tensor Apply(Tensor y_true, Tensor y_pred, bool from_logits = false, int axis = -1) => null!;
    }

    public class BinaryCrossentropy : LossFunctionWrapper
    {
        public BinaryCrossentropy(bool from_logits = false, float label_smoothing = 0, string reduction = null!, string name = null!) { }

        public override Tensor Apply(Tensor y_true, Tensor y_pred, bool from_logits = false, int axis = -1) => null!;
    }

    public class SigmoidFocalCrossEntropy : LossFunctionWrapper
    {
        public SigmoidFocalCrossEntropy(bool from_logits = false, float alpha = 0.25f, float gamma = 2.0f, string reduction = "none", string name = "sigmoid_focal_crossentropy") { }

        public override Tensor Apply(Tensor y_true, Tensor y_pred, bool from_logits = false, int axis = -1) => null!;
    }

    public class MeanSquaredError : LossFunctionWrapper
    {
        public MeanSquaredError(string reduction = null!, string name = null!) { }

        public override Tensor Apply(Tensor y_true = null!, Tensor y_pred = null!, bool from_logits = false, int axis = -1) => null!;
    }

    public class MeanAbsoluteError : LossFunctionWrapper
    {
        public MeanAbsoluteError(string reduction = null!, string name = null!) { }

        public override Tensor Apply(Tensor y_true = null!, Tensor y_pred = null!, bool from_logits = false, int axis = -1) => null!;
    }

    public class Huber : LossFunctionWrapper
    {
        public Huber(string reduction = null!, Tensor delta = null!, string name = null!) { }

        public override Tensor Apply(Tensor y_true = null!, Tensor y_pred = null!, bool from_logits = false, int axis = -1) => null!;
    }

    public class LogCosh : LossFunctionWrapper
    {
        public LogCosh(string reduction = null!, string name = null!) { }

        public override Tensor Apply(Tensor y_true = null!, Tensor y_pred = null!, bool from_logits = false, int axis = -1) => null!;
    }

    public class CosineSimilarity : LossFunctionWrapper
    {
        public CosineSimilarity(string reduction = null!, int axis = -1, string name = null!) { }

        public override Tensor Apply(Tensor y_true = null!, Tensor y_pred = null!, bool from_logits = false, int axis = -1) => null!;
    }
}
