using System;
using LossGuard.Samples.Gallery;

// Each misuse beside its fix, run: what the numbers show. The TorchSharp files run only when the gallery is built
// with -p:LossGuardRunTorchSharp=true, which brings TorchSharp's native library (about 1.2 GB on first restore).
RuntimeDemos.Run();
#if LOSSGUARD_RUN_TORCHSHARP
TorchSharpDemos.Run();
#else
Console.WriteLine("TorchSharp: dotnet run --project samples/LossGuard.Samples.Gallery -p:LossGuardRunTorchSharp=true runs those files too");
#endif
