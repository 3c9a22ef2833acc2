#!/usr/bin/env python3
"""Checks a regression run of mlptop against the same run in PyTorch float64.

From the starting model file (loss "squared-error": one output unit) and the CSV (last column the
real target), this script trains full-batch in torch float64 with autograd, torch.optim (SGD,
SGD with momentum, Adam; weight decay as torch applies it) and torch's own mean squared error
(`F.mse_loss`, reduction "mean": the loss mlptop calls squared-error), for --epochs epochs. It then
compares with what mlptop wrote: every weight and bias of --trained to --rtol relative (or 1e-15
absolute), and each epoch's training loss of --log (JSONL, "train_loss") to --rtol relative.
Prints "compared …" on success, the largest differences on failure (exit 1).

Uses ../shared/reference's mlp_ref for parameters and activations. Run by scripts/check-against-pytorch.
"""
import argparse
import json
import os
import sys

import numpy as np

REF = os.environ.get("REF", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "reference"))
sys.path.insert(0, REF)
import mlp_ref  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402


def layers_of(path):
    with open(path) as f:
        model = json.load(f)
    if model.get("loss") != "squared-error":
        sys.exit("%s: loss %r, not squared-error" % (path, model.get("loss")))
    return [(l["activation"], np.array(l["weights"], dtype=np.float64), np.array(l["biases"], dtype=np.float64))
            for l in model["layers"]]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", required=True, help="the starting model")
    p.add_argument("--data", required=True)
    p.add_argument("--trained", required=True, help="mlptop's model after --epochs")
    p.add_argument("--log", required=True, help="mlptop's --log of the run")
    p.add_argument("--optimizer", default="sgd")
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--weight-decay", type=float, default=0.0)
    p.add_argument("--epochs", type=int, default=100)
    p.add_argument("--rtol", type=float, default=1e-9)
    a = p.parse_args()
    torch.set_num_threads(1)
    layers = layers_of(a.model)
    acts = [l[0] for l in layers]
    ps = mlp_ref.t_params(torch, layers)
    with open(a.data) as f:
        f.readline()
        rows = np.array([[float(c) for c in line.split(",")] for line in f if line.strip()])
    X = torch.tensor(rows[:, :-1], dtype=torch.float64)
    y = torch.tensor(rows[:, -1:], dtype=torch.float64)
    if a.optimizer == "adam":
        opt = torch.optim.Adam(ps, lr=a.lr, weight_decay=a.weight_decay, foreach=False)
    else:
        opt = torch.optim.SGD(ps, lr=a.lr, momentum=0.9 if a.optimizer == "momentum" else 0.0,
                              weight_decay=a.weight_decay, foreach=False)
    losses = []
    for _ in range(a.epochs):
        opt.zero_grad(set_to_none=True)
        A = X
        for i, act in enumerate(acts):
            A = mlp_ref.t_act(torch, act, A @ ps[2 * i].T + ps[2 * i + 1])
        L = F.mse_loss(A, y, reduction="mean")
        losses.append(L.item())
        L.backward()
        opt.step()
    ours = [p.detach().numpy().ravel() for p in ps]
    theirs = [a for _, W, b in layers_of(a.trained) for a in (W.ravel(), b.ravel())]
    worst = 0.0
    for r, m in zip(ours, theirs):
        err = np.abs(r - m) / np.maximum(np.maximum(np.abs(r), np.abs(m)), 1e-15 / a.rtol)
        worst = max(worst, float(err.max()))
    with open(a.log) as f:
        logged = [json.loads(line)["train_loss"] for line in f if line.strip()]
    if len(logged) != len(losses):
        print("FAIL: %d epochs logged, %d trained" % (len(logged), len(losses)))
        sys.exit(1)
    worst_loss = max(abs(r - m) / max(abs(r), abs(m), 1e-300) for r, m in zip(losses, logged))
    if worst > a.rtol or worst_loss > a.rtol:
        print("FAIL: parameters differ by %.2e relative, losses by %.2e (rtol %g)" % (worst, worst_loss, a.rtol))
        sys.exit(1)
    print("compared %d parameters and %d epoch losses: largest relative differences %.1e, %.1e"
          % (sum(len(r) for r in ours), len(losses), worst, worst_loss))


if __name__ == "__main__":
    main()
