// The kernels' stackalloc scratch is always written before it is read: zeroing it is wasted time.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
