using System;
using LossGuard.Samples.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// Building this shows LossGuard's findings (see README.md); running it needs TorchSharp-cpu (libtorch), which this
// repository's build machine cannot load.
var images = torch.rand(1024, 1, 28, 28);
var labels = torch.randint(0, 10, new long[] { 1024 }, ScalarType.Int64);
var classifier = new DigitClassifier();
var serving = Sequential(("classifier", classifier), ("probabilities", Softmax(1)));

// As first written: the serving model, softmax included, trained with NLLLoss, which reads log-probabilities (LG0007).
var nll = NLLLoss();
var adam = optim.Adam(serving.parameters());
for (var epoch = 1; epoch <= 3; epoch++)
{
    adam.zero_grad();
    var loss = nll.forward(serving.forward(images), labels);
    loss.backward();
    adam.step();
    Console.WriteLine($"serving model + NLLLoss  epoch {epoch}: loss {loss.ToDouble():F4}");
}

// Fixed: the classifier's logits into CrossEntropyLoss, which applies log-softmax itself; the serving model keeps
// its softmax for prediction.
var optimizer = optim.Adam(classifier.parameters());
for (var epoch = 1; epoch <= 3; epoch++)
{
    Console.WriteLine($"logits + CrossEntropyLoss  epoch {epoch}: loss {Trainer.Epoch(classifier, CrossEntropyLoss(), optimizer, images, labels, 64):F4}");
}

var confidence = serving.forward(images.narrow(0, 0, 1)).max().ToDouble();
Console.WriteLine($"accuracy {Trainer.Accuracy(classifier, images, labels):P1}, first prediction's confidence {confidence:P1}");
