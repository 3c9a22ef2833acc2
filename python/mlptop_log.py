"""Log a training run for ``mlptop watch`` and take its keys back: pause, learning rate, snapshot.

Standard library only. A training loop writes one JSON object per line to ``RUN.jsonl`` (the watch
protocol, see mlptop's README) and reads the commands a watcher appends to ``RUN.jsonl.control``::

    from mlptop_log import RunLog
    run = RunLog("run.jsonl")
    for epoch in range(1, epochs + 1):
        ...                                   # your own training step
        run.log(epoch=epoch, train_loss=loss, test_loss=val, lr=optimizer.param_groups[0]["lr"])
        if run.obey(optimizer):               # blocks while paused; applies lr changes
            torch.save(model.state_dict(), f"snapshot-{epoch}.pt")

``run.log_model(model)`` adds per-layer gradient norms (and, every ``weights_every`` epochs, the
weights) of a PyTorch model's ``nn.Linear`` layers; torch is imported only when it is called.
"""

import json
import math
import os
import time

__all__ = ["RunLog"]


def _number(value):
    """A float for JSON: tensors and NumPy scalars become floats; NaN and infinities become None."""
    if hasattr(value, "item"):
        value = value.item()
    value = float(value)
    return value if math.isfinite(value) else None


class RunLog:
    """Writes the watch protocol to ``path`` and obeys ``path + ".control"``.

    ``append=True`` adds to an existing log (a watcher shows the restart as a new segment when the
    epochs go back); by default the log is started afresh. ``time`` is added to every line unless
    the caller gives one. ``weights_every`` sets how often ``log_model`` logs the weights.
    """

    def __init__(self, path, append=False, weights_every=10, poll_interval=0.05):
        self.path = os.fspath(path)
        self.control_path = self.path + ".control"
        self.weights_every = weights_every
        self.poll_interval = poll_interval
        self._file = open(self.path, "a" if append else "w", encoding="utf-8")
        self._pending_model = {}
        self._control_offset = 0
        self._control_inode = None
        self._partial_bytes = b""
        self._remembered_first_line = None
        self._control_mtime = None
        # Commands already in the control file were for an earlier run (or this one, appended to).
        self._last_id = self._largest_id()
        self._skip_existing_commands()
        self.paused = False
        self.lr_factor = 1.0
        self.lr = None
        self.epoch = None

    # -- writing --------------------------------------------------------------------------------

    def log(self, epoch, **fields):
        """Writes one line: ``epoch`` and any numeric fields (``train_loss``, ``test_loss``,
        ``train_accuracy``, ``test_accuracy``, ``lr``, ``step``, ``time``, ``grad_norms``,
        ``weights``, or your own). Values may be floats, ints, 0-d tensors or NumPy scalars."""
        line = {"epoch": int(epoch)}
        fields = dict(self._pending_model, **fields)
        self._pending_model = {}
        fields.setdefault("time", time.time())
        for key, value in fields.items():
            if value is None or isinstance(value, str):
                continue
            if key in ("grad_norms", "weights"):
                line[key] = self._nested(value)
            elif key == "step":
                line[key] = int(value)
            else:
                line[key] = _number(value)
        self._file.write(json.dumps(line, allow_nan=False) + "\n")
        self._file.flush()
        self.epoch = int(epoch)

    def _nested(self, value):
        if hasattr(value, "tolist"):
            value = value.tolist()
        if isinstance(value, (list, tuple)):
            return [self._nested(item) for item in value]
        return None if value is None else _number(value)

    def log_model(self, model, epoch=None):
        """Adds the model's ``nn.Linear`` layers to the next ``log`` line: each layer's gradient
        norm ‖∂E/∂W‖ (after ``backward``), and every ``weights_every`` epochs the weight matrices.
        Imports torch only here."""
        import torch  # noqa: F401  (only PyTorch users call this)

        layers = [m for m in model.modules() if isinstance(m, torch.nn.Linear)]
        norms = [(layer.weight.grad.norm().item() if layer.weight.grad is not None else None) for layer in layers]
        self._pending_model["grad_norms"] = norms
        epoch = self.epoch + 1 if epoch is None and self.epoch is not None else epoch
        if epoch is not None and self.weights_every and epoch % self.weights_every == 0:
            self._pending_model["weights"] = [layer.weight.detach().cpu().tolist() for layer in layers]

    def close(self):
        self._file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- obeying ----------------------------------------------------------------------------------

    def obey(self, optimizer=None):
        """Carries out the watcher's commands since the last call: ``pause`` blocks (reading on)
        until ``resume``; ``scale_lr``/``set_lr`` change every ``optimizer.param_groups`` learning
        rate (and ``self.lr_factor``/``self.lr``); returns True when a snapshot was asked for."""
        snapshot = False
        while True:
            for command in self._new_commands():
                kind = command.get("command")
                if kind == "pause":
                    self.paused = True
                elif kind == "resume":
                    self.paused = False
                elif kind == "scale_lr":
                    factor = float(command.get("factor", 1.0))
                    self.lr_factor *= factor
                    if optimizer is not None:
                        for group in optimizer.param_groups:
                            group["lr"] = group["lr"] * factor
                        self.lr = optimizer.param_groups[0]["lr"]
                elif kind == "set_lr":
                    rate = float(command["lr"])
                    self.lr = rate
                    if optimizer is not None:
                        for group in optimizer.param_groups:
                            group["lr"] = rate
                elif kind == "snapshot":
                    snapshot = True
            if not self.paused:
                return snapshot
            time.sleep(self.poll_interval)

    def _new_commands(self):
        try:
            info = os.stat(self.control_path)
        except FileNotFoundError:
            return []
        replaced = self._control_inode != (info.st_dev, info.st_ino) or info.st_size < self._control_offset
        if not replaced and self._control_offset > 0 and info.st_mtime_ns != self._control_mtime:
            # A file deleted and written anew may reuse the inode and reach the old one's size.
            replaced = self._first_line() != self._remembered_first_line
        self._control_mtime = info.st_mtime_ns
        if replaced:
            if self._control_inode is not None:
                # A new control file (replaced or truncated): its numbering starts again.
                self._last_id = 0
            self._control_inode = (info.st_dev, info.st_ino)
            self._control_offset = 0
            self._partial_bytes = b""
            self._remembered_first_line = None
        if info.st_size == self._control_offset and not replaced:
            return []
        with open(self.control_path, "rb") as control:
            control.seek(self._control_offset)
            data = control.read()
            self._control_offset += len(data)
        text = self._partial_bytes + data
        # A command torn mid-write (or mid-character) waits for the rest.
        cut = text.rfind(b"\n") + 1
        self._partial_bytes = text[cut:]
        text = text[:cut].decode("utf-8", errors="replace")
        if self._remembered_first_line is None:
            self._remembered_first_line = self._first_line()
        lines = text.split("\n")
        commands = []
        for line in lines:
            try:
                command = json.loads(line)
                number = int(command["id"])
            except (ValueError, KeyError, TypeError):
                continue
            if number > self._last_id:
                self._last_id = number
                commands.append(command)
        return commands

    def _first_line(self):
        try:
            with open(self.control_path, "r", encoding="utf-8") as control:
                return control.readline()
        except FileNotFoundError:
            return None

    def _largest_id(self):
        largest = 0
        try:
            with open(self.control_path, "r", encoding="utf-8") as control:
                for line in control:
                    try:
                        largest = max(largest, int(json.loads(line)["id"]))
                    except (ValueError, KeyError, TypeError):
                        pass
        except FileNotFoundError:
            pass
        return largest

    def _skip_existing_commands(self):
        try:
            info = os.stat(self.control_path)
        except FileNotFoundError:
            return
        self._control_inode = (info.st_dev, info.st_ino)
        self._control_offset = info.st_size
        self._control_mtime = info.st_mtime_ns
        self._remembered_first_line = self._first_line()
