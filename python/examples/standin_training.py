#!/usr/bin/env python3
"""A training loop stand-in (standard library only) that logs with mlptop_log and obeys the
watcher: ``python3 python/examples/standin_training.py run.jsonl [seconds_per_epoch]``.

Its "optimizer" has PyTorch's ``param_groups``; the loss falls as 1/(1 + epoch·lr). Used by
mlptop's end-to-end tests, and a way to try ``mlptop watch run.jsonl`` without PyTorch.
"""
import math
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from mlptop_log import RunLog  # noqa: E402


class Optimizer:
    def __init__(self, lr):
        self.param_groups = [{"lr": lr}]


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "run.jsonl"
    pause = float(sys.argv[2]) if len(sys.argv) > 2 else 0.02
    optimizer = Optimizer(0.05)
    run = RunLog(path)
    progress = 0.0
    epoch = 0
    while True:
        epoch += 1
        lr = optimizer.param_groups[0]["lr"]
        progress += lr
        loss = 1 / (1 + progress)
        run.log(epoch=epoch, train_loss=loss, test_loss=1.1 * loss, train_accuracy=1 - loss / 2,
                test_accuracy=1 - 0.55 * loss, lr=lr, grad_norms=[loss, loss / 3],
                weights=[[[math.sin(epoch / 50 + i + j) for j in range(2)] for i in range(4)],
                         [[math.cos(epoch / 50 + i) for i in range(4)]]] if epoch % 20 == 0 else None,
                margin=math.sqrt(progress))
        if run.obey(optimizer):
            print(f"snapshot asked at epoch {epoch}", flush=True)
        time.sleep(pause)


if __name__ == "__main__":
    main()
