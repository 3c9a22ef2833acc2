#!/usr/bin/env python3
"""Checks `mlptop eval` against an independent evaluation in PyTorch float64.

From the model file and the CSV alone, this script does what eval must: reads the CSV with
Python's csv module, maps the labels through the model's "classes" (by name, or by value for
numbers; the label itself when the model has none), applies the model's "features" (xN, xN^2,
xN*xM, sin(xN)) and "standardize" ((x − mean) / deviation), runs the network forward in torch
float64 and takes the loss as the reference harness defines it (mlp_ref.t_loss). It then compares
with `mlptop eval --json` and `--predictions`: the loss to --rtol relative, the accuracy, the
confusion matrix and each sample's predicted class exactly, each class probability to --rtol
relative (or 1e-15 absolute, for tiny probabilities). Prints "ok" or "FAIL" with the largest differences.

Uses ../shared/reference's mlpcore and mlp_ref. Run by scripts/check-eval-against-pytorch.
"""
import argparse
import csv
import json
import math
import os
import re
import sys

import numpy as np

REF = os.environ.get("REF", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "reference"))
sys.path.insert(0, REF)
import mlpcore as mc  # noqa: E402
import mlp_ref  # noqa: E402
import torch  # noqa: E402

torch.set_default_dtype(torch.float64)


def feature(term, row):
    """One Playground feature of a raw row: xN, xN^2, xN*xM, sin(xN) (N 1-based)."""
    if m := re.fullmatch(r"x(\d+)", term):
        return row[int(m[1]) - 1]
    if m := re.fullmatch(r"x(\d+)\^2", term):
        return row[int(m[1]) - 1] * row[int(m[1]) - 1]
    if m := re.fullmatch(r"x(\d+)\*x(\d+)", term):
        return row[int(m[1]) - 1] * row[int(m[2]) - 1]
    if m := re.fullmatch(r"sin\(x(\d+)\)", term):
        return math.sin(row[int(m[1]) - 1])
    raise ValueError("unknown feature " + term)


def load(model_path, data_path):
    model = mc.load_json(model_path)
    loss, layers = mc.load_model(model_path)
    names = model.get("input_names")
    with open(data_path, newline="", encoding="utf-8-sig") as f:
        rows = [[c.strip() for c in r] for r in csv.reader(f) if any(c.strip() for c in r)]
    header, rows = rows[0], rows[1:]
    inputs = len(names) if names is not None else layers[0][1].shape[1]
    has_labels = len(header) == inputs + 1
    raw = np.array([[float(c) for c in r[:inputs]] for r in rows])
    K = layers[-1][1].shape[0]
    K = 2 if K == 1 else K
    classes = model.get("classes")
    if classes is None:
        classes = list(range(K))
    labels = None
    if has_labels:
        if all(isinstance(c, str) for c in classes):
            labels = np.array([classes.index(r[-1]) for r in rows])
        else:
            labels = np.array([classes.index(float(r[-1])) for r in rows])
    X = raw
    if "features" in model:
        X = np.array([[feature(t, r) for t in model["features"]] for r in raw])
    if "standardize" in model:
        X = (X - np.array(model["standardize"]["means"])) / np.array(model["standardize"]["deviations"])
    return loss, layers, X, labels, [str(c) if isinstance(c, str) else ("%d" % c) for c in classes]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--eval-json", required=True)
    p.add_argument("--predictions", required=True)
    p.add_argument("--name", default="")
    p.add_argument("--rtol", type=float, default=1e-12)
    a = p.parse_args()
    loss, layers, X, labels, names = load(a.model, a.data)
    acts = [name for name, _, _ in layers]
    ps = mlp_ref.t_params(torch, layers)
    Xt = torch.tensor(X)
    A = Xt
    for i, act in enumerate(acts):
        A = mlp_ref.t_act(torch, act, A @ ps[2 * i].T + ps[2 * i + 1])
    out = A.detach().numpy()
    K = len(names)
    probs = np.concatenate([1 - out, out], axis=1) if out.shape[1] == 1 else out
    predicted = (out[:, 0] >= 0.5).astype(int) if out.shape[1] == 1 else out.argmax(axis=1)
    report = mc.load_json(a.eval_json)
    with open(a.predictions, newline="") as f:
        pred_rows = list(csv.reader(f))[1:]
    failures = []
    worst = 0.0

    def rel(x, r):
        return abs(x - r) / max(abs(x), abs(r), 1e-300)

    mine = np.array([[float(c) for c in r[-1 - K:-1]] for r in pred_rows])
    for s in range(len(X)):
        for k in range(K):
            d = rel(mine[s, k], probs[s, k])
            worst = max(worst, d)
            if d > a.rtol and abs(mine[s, k] - probs[s, k]) > 1e-15:
                failures.append("row %d p(%s): %r vs torch %r" % (s, names[k], mine[s, k], probs[s, k]))
                break
    if [r[-1] for r in pred_rows] != [names[k] for k in predicted]:
        failures.append("predicted classes differ")
    if report["classes"] != mc.load_json(a.model).get("classes", list(range(K))):
        failures.append("classes differ")
    loss_diff = 0.0
    if labels is not None:
        T = mc.targets(loss, labels, out.shape[1])
        Tt = torch.tensor(T) if loss == "softmax-ce" else torch.tensor(T, dtype=torch.float64)
        E = mlp_ref.t_loss(torch, loss, acts, ps, Xt, Tt).item()
        loss_diff = rel(report["loss"], E)
        if loss_diff > a.rtol:
            failures.append("loss %r vs torch %r" % (report["loss"], E))
        confusion = np.zeros((K, K), dtype=int)
        for t, q in zip(labels, predicted):
            confusion[t, q] += 1
        if report["confusion"] != confusion.tolist():
            failures.append("confusion differs")
        if report["accuracy"] != float(np.trace(confusion)) / len(labels):
            failures.append("accuracy differs")
    elif "loss" in report:
        failures.append("a loss without labels")
    status = "FAIL" if failures else "ok"
    print("%s  %s: %d samples, %d classes, loss rel %.3g, probabilities rel %.3g%s" % (
        status, a.name, len(X), K, loss_diff, worst, ("; " + "; ".join(failures)) if failures else ""))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
