"""PyTorch CPU on the shapes and measures of LossGuard.Runtime's `compare` benchmark; prints one JSON object.

Usage: python3 pytorch_losses.py 8192x1024 256x32768 ...  (run by `dotnet run -c Release -- compare`).
PyTorch keeps its default thread count; the output says what it was.
"""
import json
import sys
import time

import torch
import torch.nn.functional as F


def median_seconds(call, target=0.05, samples=7):
    call()
    start = time.perf_counter()
    call()
    once = max(time.perf_counter() - start, 1e-7)
    calls = max(1, int(target / once))
    results = []
    for _ in range(samples):
        start = time.perf_counter()
        for _ in range(calls):
            call()
        results.append((time.perf_counter() - start) / calls)
    results.sort()
    return results[samples // 2]


def measures(rows, classes):
    generator = torch.Generator().manual_seed(rows * 31 + classes)
    logits = torch.rand(rows, classes, generator=generator) * 8 - 4
    labels = torch.randint(0, classes, (rows,), generator=generator)
    targets = torch.rand(rows, classes, generator=generator)
    distribution = targets / targets.sum(dim=1, keepdim=True)
    leaf = logits.clone().requires_grad_(True)

    def forward():
        with torch.no_grad():
            F.cross_entropy(logits, labels)

    def backward(loss):
        leaf.grad = None
        loss.backward()

    return {
        "sparse CE forward": forward,
        "sparse CE forward+gradient": lambda: backward(F.cross_entropy(leaf, labels)),
        "dense CE forward+gradient": lambda: backward(F.cross_entropy(leaf, distribution)),
        "label smoothing 0.1 forward+gradient": lambda: backward(F.cross_entropy(leaf, labels, label_smoothing=0.1)),
        "sigmoid CE forward+gradient": lambda: backward(F.binary_cross_entropy_with_logits(leaf, distribution)),
    }


def main():
    results = {"torch": torch.__version__, "threads": torch.get_num_threads(), "seconds": {}}
    for shape in sys.argv[1:]:
        rows, classes = (int(part) for part in shape.split("x"))
        for name, call in measures(rows, classes).items():
            results["seconds"].setdefault(name, {})[shape] = median_seconds(call)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
