#!/usr/bin/env python3
"""Checks `mlptop eval` on a regression model against an independent evaluation in PyTorch float64.

From the model file (loss "squared-error") and the CSV alone: reads the CSV with Python's csv
module (the last column the real target when the header has one more column than the model's
inputs), applies the model's "features" and "standardize" as eval_against_pytorch.py does, runs
the network forward in torch float64 and takes torch's F.mse_loss (mean) and R² = 1 − MSE/Var(y)
(population variance, numpy). Compares with `mlptop eval --json` (loss, mse, r2 to --rtol relative)
and `--predictions` (each predicted value to --rtol relative, or 1e-15 absolute). Prints "ok" or
"FAIL". Run by scripts/check-eval-against-pytorch.
"""
import argparse
import csv
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_against_pytorch import REF, feature, mlp_ref, torch  # noqa: E402,F401
import torch.nn.functional as F  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--eval-json", required=True)
    p.add_argument("--predictions", required=True)
    p.add_argument("--name", default="")
    p.add_argument("--rtol", type=float, default=1e-12)
    a = p.parse_args()
    with open(a.model) as f:
        model = json.load(f)
    layers = [(l["activation"], np.array(l["weights"], dtype=np.float64), np.array(l["biases"], dtype=np.float64))
              for l in model["layers"]]
    with open(a.data, newline="", encoding="utf-8-sig") as f:
        rows = [[c.strip() for c in r] for r in csv.reader(f) if any(c.strip() for c in r)]
    header, rows = rows[0], rows[1:]
    names = model.get("input_names")
    inputs = len(names) if names is not None else layers[0][1].shape[1]
    raw = np.array([[float(c) for c in r[:inputs]] for r in rows])
    y = np.array([float(r[-1]) for r in rows]) if len(header) == inputs + 1 else None
    X = raw
    if "features" in model:
        X = np.array([[feature(t, r) for t in model["features"]] for r in raw])
    if "standardize" in model:
        X = (X - np.array(model["standardize"]["means"])) / np.array(model["standardize"]["deviations"])
    ps = mlp_ref.t_params(torch, layers)
    A = torch.tensor(X)
    for i, (act, _, _) in enumerate(layers):
        A = mlp_ref.t_act(torch, act, A @ ps[2 * i].T + ps[2 * i + 1])
    out = A.detach().numpy()[:, 0]
    with open(a.eval_json) as f:
        report = json.load(f)
    with open(a.predictions, newline="") as f:
        mine = np.array([float(r[-1]) for r in list(csv.reader(f))[1:]])
    failures = []

    def rel(x, r):
        return abs(x - r) / max(abs(x), abs(r), 1e-300)

    worst = max((rel(m, t) for m, t in zip(mine, out) if abs(m - t) > 1e-15), default=0.0)
    if len(mine) != len(out) or worst > a.rtol:
        failures.append("predictions differ by %.3g relative" % worst)
    if report.get("task") != "regression":
        failures.append("task %r" % report.get("task"))
    mse_diff = 0.0
    if y is not None:
        mse = F.mse_loss(A[:, 0], torch.tensor(y), reduction="mean").item()
        r2 = 1 - mse / float(np.var(y))
        mse_diff = max(rel(report["loss"], mse), rel(report["mse"], mse))
        if mse_diff > a.rtol or rel(report["r2"], r2) > a.rtol:
            failures.append("mse %r r2 %r vs torch %r %r" % (report["mse"], report["r2"], mse, r2))
    elif "mse" in report:
        failures.append("an MSE without targets")
    status = "FAIL" if failures else "ok"
    print("%s  %s: %d samples, mse rel %.3g, predictions rel %.3g%s" % (
        status, a.name, len(X), mse_diff, worst, ("; " + "; ".join(failures)) if failures else ""))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
