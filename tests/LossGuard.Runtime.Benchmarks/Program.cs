using System;
using BenchmarkDotNet.Running;
using LossGuard.Runtime.Benchmarks;

if (args.Length > 0 && args[0] == "compare")
{
    return Comparison.Run(args.AsSpan(1).ToArray());
}

if (args.Length > 0 && args[0] == "paired")
{
    return PairedComparison.Run(args.AsSpan(1).ToArray());
}

BenchmarkSwitcher.FromAssembly(typeof(Shape).Assembly).Run(args);
return 0;
