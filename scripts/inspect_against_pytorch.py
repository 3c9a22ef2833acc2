#!/usr/bin/env python3
"""Checks `mlptop inspect --json` against PyTorch autograd in float64.

For each inspect report given, recomputes with torch, from the same model file and CSV:
  - the sample's forward pass as a batch of one: z and a of every layer (retain_grad on each z),
    the loss, δ = ∂E/∂z (z.grad) and ∂E/∂W, ∂E/∂b (the parameters' .grad);
  - the whole CSV as one batch: the mean loss and ∂E/∂W, ∂E/∂b.
and compares every number. Relative difference as the reference's `compare`:
|x − r| / max(|x|, |r|, 1e-12); a number fails when it is above --rtol and |x − r| is above
--atol. Prints one line per report: "ok" or "FAIL", the sample, how many numbers, the largest
relative and absolute differences, for the sample's numbers and the batch's apart.

Uses ../shared/reference's mlpcore (model and CSV reading, targets) and mlp_ref (the activations),
so the maths is the reference harness's own. Run by scripts/check-inspect-against-pytorch.
"""
import argparse
import json
import os
import sys

import numpy as np

REF = os.environ.get("REF", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "reference"))
sys.path.insert(0, REF)
import mlpcore as mc  # noqa: E402
import mlp_ref  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_default_dtype(torch.float64)


def pass_through(loss, layers, X, T):
    """Forward and backward of rows X (targets T) as one batch. Returns the loss, per layer
    (z, a, δ = z.grad) and per layer (∂E/∂W, ∂E/∂b), all as NumPy float64."""
    ps = mlp_ref.t_params(torch, layers)
    acts = [name for name, _, _ in layers]
    A, zs, as_ = X, [], []
    for i, name in enumerate(acts):
        Z = A @ ps[2 * i].T + ps[2 * i + 1]
        Z.retain_grad()
        A = mlp_ref.t_act(torch, name, Z)
        zs.append(Z)
        as_.append(A)
    m = X.shape[0]
    if loss == "mse":
        D = as_[-1] - T
        E = (D * D).sum() / 2 / m
    elif loss == "bce":
        E = F.binary_cross_entropy_with_logits(zs[-1], T, reduction="mean")
    else:
        E = F.cross_entropy(zs[-1], T, reduction="mean")
    E.backward()
    trace = [(z.detach().numpy()[0], a.detach().numpy()[0], z.grad.numpy()[0]) for z, a in zip(zs, as_)]
    grads = [(ps[2 * i].grad.numpy(), ps[2 * i + 1].grad.numpy()) for i in range(len(acts))]
    return float(E.item()), trace, grads


def flat(values):
    return np.concatenate([np.asarray(v, dtype=np.float64).ravel() for v in values]) if values else np.zeros(0)


def compare(report, loss, layers, X, y, K, rtol, atol):
    i = report["sample"]
    T = mc.targets(loss, y, K)
    tensor = (lambda t: torch.tensor(t)) if loss == "softmax-ce" else (lambda t: torch.tensor(t, dtype=torch.float64))
    Xt = torch.tensor(X, dtype=torch.float64)
    e1, trace, g1 = pass_through(loss, layers, Xt[i:i + 1], tensor(T[i:i + 1]))
    em, _, gm = pass_through(loss, layers, Xt, tensor(T))
    mine, ref = [], []
    mine.append(report["input"]); ref.append(X[i])
    mine.append([report["label"], report["loss"]]); ref.append([y[i], e1])
    for layer, (z, a, d), (gw, gb) in zip(report["layers"], trace, g1):
        for key, value in (("z", z), ("a", a), ("delta", d), ("weight_gradient", gw), ("bias_gradient", gb)):
            mine.append(layer[key]); ref.append(value)
    split = len(mine)
    batch = report["batch"]
    mine.append([batch["samples"], batch["loss"]]); ref.append([X.shape[0], em])
    for w, b, (gw, gb) in zip(batch["weight_gradients"], batch["bias_gradients"], gm):
        mine += [w, b]; ref += [gw, gb]
    parts = []
    ok = True
    for label, (x, r) in (("sample", (flat(mine[:split]), flat(ref[:split]))),
                          ("batch", (flat(mine[split:]), flat(ref[split:])))):
        if x.shape != r.shape:
            return False, "%s: shape mismatch: %d numbers vs %d" % (label, x.size, r.size), float("inf"), float("inf")
        diff = np.abs(x - r)
        rel = diff / np.maximum(np.maximum(np.abs(x), np.abs(r)), 1e-12)
        bad = ((rel > rtol) & (diff > atol)) | ~np.isfinite(x)
        ok &= not bad.any()
        parts.append((label, x.size, float(rel.max()), float(diff.max()), int(bad.sum())))
    text = "sample %d: " % i + "; ".join(
        "%s %d numbers, max_rel_diff %r, max_abs_diff %r%s" % (label, n, mr, ma, ", %d outside" % nb if nb else "")
        for label, n, mr, ma, nb in parts) + " (rtol %r, atol %r)" % (rtol, atol)
    return ok, text, parts[0][2], parts[1][2]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--rtol", type=float, default=1e-12)
    p.add_argument("--atol", type=float, default=1e-15)
    p.add_argument("--name", default="")
    p.add_argument("reports", nargs="+", help="mlptop inspect --json outputs")
    a = p.parse_args()
    loss, layers = mc.load_model(a.model)
    X, y, _ = mc.read_csv(a.data)
    K = layers[-1][1].shape[0]
    failed = False
    for path in a.reports:
        with open(path) as f:
            report = json.load(f)
        ok, text, sample_worst, batch_worst = compare(report, loss, layers, X, y, K, a.rtol, a.atol)
        failed |= not ok
        print("%s  inspect %s %s worst %r %r" % ("ok  " if ok else "FAIL", a.name, text, sample_worst, batch_worst))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
