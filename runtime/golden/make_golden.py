"""Regenerates tests/LossGuard.Runtime.Tests/Golden/pytorch.json: PyTorch's losses and gradients for fixed inputs.

Run where python3-torch is installed:  python3 runtime/golden/make_golden.py
The runtime tests read the committed file; they never need PyTorch.
"""
import json
import pathlib

import torch
import torch.nn.functional as F

OUT = pathlib.Path(__file__).resolve().parents[2] / "tests" / "LossGuard.Runtime.Tests" / "Golden" / "pytorch.json"


def values(count, seed, scale):
    """Deterministic logits in [-scale, scale] (a linear congruential sequence; no RNG state shared with PyTorch)."""
    state = seed
    out = []
    for _ in range(count):
        state = (1103515245 * state + 12345) % 2**31
        out.append(round((state / 2**31 * 2 - 1) * scale, 4))
    return out


def labels(rows, classes, seed):
    return [(seed * 7 + row * 13) % classes for row in range(rows)]


def sparse_case(name, rows, classes, seed, scale=4.0, reduction="mean", smoothing=0.0, weights=None, ignore=None):
    logits = values(rows * classes, seed, scale)
    targets = labels(rows, classes, seed)
    if ignore is not None:
        targets[ignore] = -100
    x = torch.tensor(logits, dtype=torch.float64).reshape(rows, classes).requires_grad_(True)
    w = torch.tensor(weights, dtype=torch.float64) if weights else None
    loss = F.cross_entropy(x, torch.tensor(targets), weight=w, reduction=reduction, label_smoothing=smoothing)
    (loss.sum() if reduction == "none" else loss).backward()
    return {
        "name": name, "kind": "sparse", "rows": rows, "classes": classes, "logits": logits, "labels": targets,
        "reduction": reduction, "labelSmoothing": smoothing, "classWeights": weights or [],
        "loss": loss.detach().reshape(-1).tolist(), "gradient": x.grad.reshape(-1).tolist(),
    }


def dense_case(name, rows, classes, seed, smoothing=0.0):
    logits = values(rows * classes, seed, 4.0)
    raw = [abs(v) + 0.1 for v in values(rows * classes, seed + 1, 1.0)]
    target = []
    for row in range(rows):
        chunk = raw[row * classes:(row + 1) * classes]
        total = sum(chunk)
        target.extend(round(v / total, 6) for v in chunk)
    x = torch.tensor(logits, dtype=torch.float64).reshape(rows, classes).requires_grad_(True)
    loss = F.cross_entropy(x, torch.tensor(target, dtype=torch.float64).reshape(rows, classes), label_smoothing=smoothing)
    loss.backward()
    return {
        "name": name, "kind": "dense", "rows": rows, "classes": classes, "logits": logits, "targets": target,
        "reduction": "mean", "labelSmoothing": smoothing, "loss": [loss.item()], "gradient": x.grad.reshape(-1).tolist(),
    }


def sigmoid_case(name, count, seed, scale, positive_weight=1.0):
    logits = values(count, seed, scale)
    target = [round(abs(v), 4) for v in values(count, seed + 3, 1.0)]
    x = torch.tensor(logits, dtype=torch.float64).requires_grad_(True)
    loss = F.binary_cross_entropy_with_logits(
        x, torch.tensor(target, dtype=torch.float64), pos_weight=torch.tensor(positive_weight, dtype=torch.float64))
    loss.backward()
    return {
        "name": name, "kind": "sigmoid", "rows": 1, "classes": count, "logits": logits, "targets": target,
        "reduction": "mean", "positiveWeight": positive_weight, "loss": [loss.item()], "gradient": x.grad.tolist(),
    }


def main():
    cases = [
        sparse_case("sparse, 8 rows of 5 classes", 8, 5, 1),
        sparse_case("sparse, short rows of 3 classes, sum", 40, 3, 2, reduction="sum"),
        sparse_case("sparse, 3 rows of 70 classes, per row", 3, 70, 3, reduction="none"),
        sparse_case("sparse, label smoothing 0.1", 6, 40, 4, smoothing=0.1),
        sparse_case("sparse, class weights and an ignored row", 5, 4, 5, weights=[0.5, 2.0, 1.0, 3.0], ignore=2),
        sparse_case("sparse, large logits", 4, 9, 6, scale=60.0),
        sparse_case("sparse, one long row", 1, 700, 7),
        dense_case("dense, soft labels", 6, 11, 8),
        dense_case("dense, soft labels and smoothing 0.2", 4, 37, 9, smoothing=0.2),
        sigmoid_case("sigmoid", 50, 10, 6.0),
        sigmoid_case("sigmoid, positive weight 3, large logits", 40, 11, 40.0, positive_weight=3.0),
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"torch": torch.__version__, "cases": cases}, separators=(",", ":")) + "\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
