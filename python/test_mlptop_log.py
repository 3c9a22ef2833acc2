"""Tests of mlptop_log (standard library only): ``python3 -m unittest discover -s python``."""

import json
import os
import tempfile
import threading
import time
import unittest

from mlptop_log import RunLog


class FakeOptimizer:
    def __init__(self, lr):
        self.param_groups = [{"lr": lr}, {"lr": lr / 10}]


def append_command(path, number, command, **fields):
    with open(path + ".control", "a", encoding="utf-8") as control:
        control.write(json.dumps(dict(id=number, command=command, **fields)) + "\n")


class RunLogTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.folder.name, "run.jsonl")

    def tearDown(self):
        self.folder.cleanup()

    def run_log(self, **options):
        run = RunLog(self.path, **options)
        self.addCleanup(run.close)
        return run

    def lines(self):
        with open(self.path, encoding="utf-8") as log:
            return [json.loads(line) for line in log]

    def test_log_writes_one_flushed_json_line_per_call(self):
        run = self.run_log()
        run.log(epoch=1, train_loss=0.5, test_loss=float("nan"), lr=0.1, note="ignored", time=12.5)
        # Flushed: another reader sees it before close.
        self.assertEqual(self.lines(), [{"epoch": 1, "train_loss": 0.5, "test_loss": None, "lr": 0.1, "time": 12.5}])
        run.log(epoch=2, grad_norms=[0.25, float("inf")], weights=[[[1, 2]], [[3]]], step=40)
        second = self.lines()[1]
        self.assertEqual(second["grad_norms"], [0.25, None])
        self.assertEqual(second["weights"], [[[1.0, 2.0]], [[3.0]]])
        self.assertEqual(second["step"], 40)
        self.assertIn("time", second)
        run.close()

    def test_values_with_item_are_converted(self):
        class Scalar:
            def item(self):
                return 0.125

        run = self.run_log()
        run.log(epoch=3, train_loss=Scalar(), time=1)
        self.assertEqual(self.lines()[0]["train_loss"], 0.125)

    def test_obey_scales_and_sets_every_learning_rate_once(self):
        run = self.run_log()
        optimizer = FakeOptimizer(0.1)
        append_command(self.path, 1, "scale_lr", factor=2.0)
        self.assertFalse(run.obey(optimizer))
        self.assertEqual([g["lr"] for g in optimizer.param_groups], [0.2, 0.02])
        # The same command is not applied twice.
        self.assertFalse(run.obey(optimizer))
        self.assertEqual(optimizer.param_groups[0]["lr"], 0.2)
        append_command(self.path, 2, "set_lr", lr=0.05)
        run.obey(optimizer)
        self.assertEqual([g["lr"] for g in optimizer.param_groups], [0.05, 0.05])
        self.assertEqual(run.lr_factor, 2.0)

    def test_snapshot_request_returns_true_once(self):
        run = self.run_log()
        append_command(self.path, 1, "snapshot")
        self.assertTrue(run.obey())
        self.assertFalse(run.obey())

    def test_pause_blocks_until_resume(self):
        run = self.run_log(poll_interval=0.01)
        append_command(self.path, 1, "pause")
        released = []

        def resume_later():
            time.sleep(0.3)
            released.append(time.monotonic())
            append_command(self.path, 2, "resume")

        threading.Thread(target=resume_later).start()
        start = time.monotonic()
        run.obey()
        self.assertGreaterEqual(time.monotonic() - start, 0.25)
        self.assertEqual(len(released), 1)
        self.assertFalse(run.paused)

    def test_commands_of_an_earlier_run_are_ignored(self):
        append_command(self.path, 1, "pause")
        append_command(self.path, 2, "scale_lr", factor=8)
        run = self.run_log()
        optimizer = FakeOptimizer(0.1)
        self.assertFalse(run.obey(optimizer))
        self.assertEqual(optimizer.param_groups[0]["lr"], 0.1)
        append_command(self.path, 3, "scale_lr", factor=0.5)
        run.obey(optimizer)
        self.assertEqual(optimizer.param_groups[0]["lr"], 0.05)

    def test_torn_and_malformed_control_lines_are_handled(self):
        run = self.run_log()
        optimizer = FakeOptimizer(1.0)
        with open(self.path + ".control", "a", encoding="utf-8") as control:
            control.write("not json\n")
            control.write('{"id": 1, "command": "scale_lr", "fac')
        run.obey(optimizer)
        self.assertEqual(optimizer.param_groups[0]["lr"], 1.0)
        with open(self.path + ".control", "a", encoding="utf-8") as control:
            control.write('tor": 4}\n')
        run.obey(optimizer)
        self.assertEqual(optimizer.param_groups[0]["lr"], 4.0)

    def test_a_replaced_control_file_numbers_again_from_one(self):
        run = self.run_log()
        optimizer = FakeOptimizer(1.0)
        append_command(self.path, 5, "scale_lr", factor=2)
        run.obey(optimizer)
        os.remove(self.path + ".control")
        append_command(self.path, 1, "scale_lr", factor=3)
        run.obey(optimizer)
        self.assertEqual(optimizer.param_groups[0]["lr"], 6.0)


class LogModelTests(unittest.TestCase):
    """log_model against a stand-in for torch (the real one is not needed to test the wiring)."""

    def setUp(self):
        import sys
        import types

        class Tensor:
            def __init__(self, rows):
                self.rows = rows

            def norm(self):
                total = sum(x * x for row in self.rows for x in row) ** 0.5
                return type("Scalar", (), {"item": lambda _self: total})()

            def detach(self):
                return self

            def cpu(self):
                return self

            def tolist(self):
                return self.rows

        class Linear:
            def __init__(self, rows, grad):
                self.weight = types.SimpleNamespace(grad=Tensor(grad) if grad else None, detach=lambda: Tensor(rows))

        class Model:
            def __init__(self, layers):
                self.layers = layers

            def modules(self):
                return [self] + self.layers

        fake = types.ModuleType("torch")
        fake.nn = types.SimpleNamespace(Linear=Linear)
        self.saved = sys.modules.get("torch")
        sys.modules["torch"] = fake
        self.model = Model([Linear([[1.0, 2.0]], [[3.0, 4.0]]), Linear([[5.0]], None)])
        self.folder = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.folder.name, "run.jsonl")

    def tearDown(self):
        import sys
        if self.saved is None:
            sys.modules.pop("torch", None)
        else:
            sys.modules["torch"] = self.saved
        self.folder.cleanup()

    def test_gradient_norms_every_line_and_weights_every_n_epochs(self):
        run = RunLog(self.path, weights_every=2)
        self.addCleanup(run.close)
        for epoch in (1, 2):
            run.log_model(self.model)
            run.log(epoch=epoch, train_loss=0.5, time=0)
        with open(self.path, encoding="utf-8") as log:
            first, second = [json.loads(line) for line in log]
        self.assertEqual(first["grad_norms"], [5.0, None])
        self.assertNotIn("weights", first)
        self.assertEqual(second["weights"], [[[1.0, 2.0]], [[5.0]]])


if __name__ == "__main__":
    unittest.main()
