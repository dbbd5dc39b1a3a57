"""Training runs on disk: one folder per run, written by the worker, read by the page.

```
runs/                       # RNNVIZ_RUNS_DIR overrides; default: runs/ beside the app
  20250101-120000-a1b2c3/   # the run id: timestamp + random suffix (nothing a user types)
    config.json             # RunConfig
    status.json             # state, pid, times, epoch i / max, best epoch, error
    history.csv             # keras.callbacks.CSVLogger: one row per epoch (epoch 0-based)
    best.keras              # ModelCheckpoint(save_best_only=True), moved into place atomically
    weights.npz             # the best weights by layer, for the numpy cells (no TensorFlow)
    test.json               # test-set loss and accuracy, at the end
    vocab.json              # the model's vocabulary: the words of ids 3 + 1 .. num_words - 1
    worker.log              # the worker's console output
    stop                    # present = the page asked the worker to stop
```

Every JSON / npz file is written to a temporary name then `os.replace`d, so a
reader never sees half a file (a write that fails removes its temporary file;
one left by a killed process is removed by the next reader after
`STALE_TEMPORARY_SECONDS`); `history.csv` is appended by Keras, so its
reader ignores an unfinished last line. This module never imports Keras: the
page lists, reads and launches runs with it.

A live worker writes a `heartbeat` time into status.json at least every
`HEARTBEAT_SECONDS`; a run whose process is alive but silent for longer than
`stall_seconds` (frozen with `kill -STOP`, say) is STALLED: it no longer takes
a training slot, and its owner can `end` it.
"""

from __future__ import annotations

import errno
import fnmatch
import io
import json
import math
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from rnnviz import config as cfg
from rnnviz import run_files
from rnnviz.config import RunConfig
from rnnviz.models import run_cost
from rnnviz.owner import same_owner
from rnnviz.run_files import DamagedFile
from rnnviz.text import INDEX_FROM, Vocabulary

RUNS_DIR_ENV = "RNNVIZ_RUNS_DIR"
MAX_RUNS_ENV = "RNNVIZ_MAX_RUNS"
APP_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RUNS_DIR = APP_ROOT / "runs"
# Full book runs trained by this worker and committed, so a fresh install has results to show.
REFERENCE_RUNS_DIR = APP_ROOT / "reference_runs"
REFERENCE_RUNS_ENV = "RNNVIZ_REFERENCE_RUNS_DIR"  # another folder (tests: an empty one)

CONFIG_FILE = "config.json"
STATUS_FILE = "status.json"
HISTORY_FILE = "history.csv"
MODEL_FILE = "best.keras"
WEIGHTS_FILE = "weights.npz"
TEST_FILE = "test.json"
VOCAB_FILE = "vocab.json"
LOG_FILE = "worker.log"
STOP_FILE = "stop"

QUEUED, RUNNING, DONE, FAILED, STOPPED, INTERRUPTED, BROKEN = (
    "queued", "running", "done", "failed", "stopped", "interrupted", "broken")
STALLED = "stalled"  # never written: the reader's name for a live process that stopped reporting
ACTIVE = (QUEUED, RUNNING)  # these take a training slot
LIVE = (*ACTIVE, STALLED)  # a process may still write into the folder: not deletable yet
STATES = (QUEUED, RUNNING, DONE, FAILED, STOPPED, INTERRUPTED)
LAUNCH_GRACE_SECONDS = 60  # a queued run without a process yet is not called interrupted before this

HEARTBEAT_SECONDS = 2.0  # a live worker writes status.json at least this often (rnnviz.train.StatusLog)
# Silence after which a live worker counts as stalled: several of its own epochs, at least a minute; before
# its epoch time is known (importing Keras, reading data, compiling), a generous bound.
STALL_MIN_SECONDS = 60
STALL_EPOCHS = 3
STALL_PREPARING_SECONDS = 300
END_WAIT_SECONDS = 3.0  # `end`: how long a worker may take to exit after SIGTERM before it gets SIGKILL
TEMPORARY_FILES = (".*.tmp", ".checkpoint-tmp.keras")  # write_atomic's and ModelCheckpoint's
STALE_TEMPORARY_SECONDS = 600  # a temporary file this old was left by a process that died writing it
DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
DISK_FULL_TEXT = os.strerror(errno.ENOSPC)  # "No space left on device", as a log shows it

# What happens between the click and the first curve point, in order (status.json "steps", timed by
# the worker's StatusLog): the worker process starts; the data is read while Keras is imported and
# the model built; the first batch waits for the training step to compile; then the rest of epoch 1.
STEPS = ("python", "data", "keras", "model", "compile", "epoch1")

_RUN_ID = re.compile(r"^\d{8}-\d{6}-[0-9a-f]{6}$")
HISTORY_COLUMNS = run_files.HISTORY_COLUMNS


class RunError(RuntimeError):
    """A run cannot be found, deleted or launched; `key` and `params` give the page's message."""

    def __init__(self, key: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.key = key
        self.params = params


# --- small file helpers ----------------------------------------------------------------


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write `content` to `path` through a temporary file and `os.replace`.

    A write that fails (a full disk) removes its temporary file: nothing half written is left.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    mode = "wb" if isinstance(content, bytes) else "w"
    try:
        with open(tmp, mode, **({} if isinstance(content, bytes) else {"encoding": "utf-8"})) as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_temporary_files(folder: Path, older_than: float = STALE_TEMPORARY_SECONDS,
                           pid: int | None = None) -> None:
    """Remove the temporary files (`TEMPORARY_FILES`) in `folder` last written `older_than` seconds ago or more;
    with `pid`, only that process's own (write_atomic names them `.<name>.<pid>.<random>.tmp`, and a
    checkpoint is the worker's). Links are removed, never followed; a file that cannot be removed stays."""
    if Path(folder).is_symlink():
        return  # never act on what a link points to
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not any(fnmatch.fnmatchcase(entry.name, pattern) for pattern in TEMPORARY_FILES):
            continue
        if pid is not None and entry.name.endswith(".tmp") and f".{pid}." not in entry.name:
            continue
        try:
            if now - entry.stat(follow_symlinks=False).st_mtime >= older_than:
                os.unlink(entry.path)
        except OSError:
            pass


def is_disk_full(error: BaseException) -> bool:
    """True when `error`, or an error it was raised from, says the disk (or the quota) is full."""
    while error is not None:
        if isinstance(error, OSError) and error.errno in DISK_FULL_ERRNOS:
            return True
        error = error.__cause__ or error.__context__
    return False


def disk_error(error: OSError, folder: Path) -> RunError:
    """The page's message for an OSError from writing into the runs folder: read-only, disk full, or other."""
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return RunError("train_err_runs_readonly", f"cannot write into {folder}: {error}", folder=str(folder))
    if is_disk_full(error):
        return RunError("train_err_disk_full", f"disk full writing into {folder}: {error}", folder=str(folder))
    return RunError("train_err_runs_os", f"cannot write into {folder}: {error}", folder=str(folder),
                    error=error.strerror or str(error))


@contextmanager
def _writing(folder: Path) -> Iterator[None]:
    """Turns an OSError raised while writing into the runs folder into the RunError the page shows."""
    try:
        yield
    except OSError as error:
        raise disk_error(error, folder) from error


def write_json(path: Path, values: dict) -> None:
    write_atomic(path, json.dumps(values, indent=2, allow_nan=True))


def save_npz_atomic(path: Path, arrays: dict[str, np.ndarray]) -> None:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    write_atomic(path, buffer.getvalue())


def vocabulary_words(word_index: dict[str, int], num_words: int) -> list[str]:
    """The words a model with `num_words` knows, most frequent first (rank r has id r + 3).

    >>> vocabulary_words({"the": 1, "and": 2, "a": 3}, 6)
    ['the', 'and']
    """
    ranked = sorted((rank, word) for word, rank in word_index.items() if rank + INDEX_FROM < num_words)
    return [word for _, word in ranked]


def write_vocab(folder: Path, word_index: dict[str, int], num_words: int) -> None:
    write_json(folder / VOCAB_FILE, {"num_words": num_words, "index_from": INDEX_FROM,
                                     "words": vocabulary_words(word_index, num_words)})


def _read_json(path: Path) -> dict | None:
    """A small JSON object (no link, at most `run_files.JSON_BYTES`), or None when missing or damaged."""
    try:
        return run_files.read_json(path)
    except DamagedFile:
        return None


def read_history(path: Path, limit: int | None = None) -> dict[str, list[float]]:
    """The per-epoch metrics of a CSVLogger file, epochs counted from 1 (`run_files.parse_history`).

    Only complete lines are read: a row Keras is still writing is skipped.

    Args:
        limit: the file's size limit in bytes (default: `run_files.history_limit` of the longest run).

    Returns:
        {"epoch": [1, 2, ...], "loss": [...], "accuracy": [...], "val_loss": [...], ...};
        empty lists when the file is missing or empty.

    Raises:
        DamagedFile: over the limit, a link, or rows that are not numbers.
    """
    return run_files.read_history(Path(path), limit or run_files.history_limit(None))


def _number_or_zero(value) -> float:
    return float(value) if isinstance(value, (int, float)) else 0.0


# --- process liveness ----------------------------------------------------------------------


def process_start_ticks(pid: int) -> int | None:
    """When process `pid` started (clock ticks since boot, Linux /proc), or None if unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return int(stat.rsplit(")", 1)[1].split()[19])
    except (OSError, ValueError, IndexError):
        return None


def process_alive(pid: int | None, start_ticks: int | None = None) -> bool:
    """True when `pid` runs (not a zombie) and, if `start_ticks` is known, is the same process."""
    if not isinstance(pid, int) or pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        return _windows_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc (macOS): trust kill()
    fields = stat.rsplit(")", 1)[1].split()
    if fields[0] in ("Z", "X"):  # finished, not yet reaped
        return False
    return start_ticks is None or int(fields[19]) == start_ticks


def terminate(pid: int | None, start_ticks: int | None, wait: float = END_WAIT_SECONDS) -> bool:
    """End process `pid` (and its helpers, when it leads its own process group, as `launch` starts it):
    SIGTERM with SIGCONT (a frozen process acts on nothing else), then SIGKILL if it is still there after
    `wait` seconds. Nothing is sent once `pid` is not the process that started at `start_ticks`.

    Returns:
        True when the process is gone.
    """
    for sig in (signal.SIGTERM, getattr(signal, "SIGKILL", signal.SIGTERM)):
        if not process_alive(pid, start_ticks):
            return True
        _signal(pid, sig)
        if sig == signal.SIGTERM and hasattr(signal, "SIGCONT"):
            _signal(pid, signal.SIGCONT)
        deadline = time.monotonic() + wait
        while process_alive(pid, start_ticks) and time.monotonic() < deadline:
            time.sleep(0.05)
    return not process_alive(pid, start_ticks)


def _signal(pid: int, sig: int) -> None:
    """`sig` to the process group `pid` leads, else to `pid` alone."""
    try:
        if hasattr(os, "killpg") and os.getpgid(pid) == pid:
            os.killpg(pid, sig)
        else:
            os.kill(pid, sig)
    except ProcessLookupError:
        pass  # already gone
    except PermissionError:
        pass  # another user's: `terminate` then finds it still there


def _windows_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    code = ctypes.c_ulong()
    ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
    ctypes.windll.kernel32.CloseHandle(handle)
    return code.value == 259  # STILL_ACTIVE


# --- what a run folder holds -----------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One run as read from its folder (a snapshot)."""

    id: str
    path: Path
    config: RunConfig | None  # None when config.json is missing or invalid (state BROKEN)
    status: dict = field(default_factory=dict)  # status.json, with "state" checked against the process
    history: dict[str, list[float]] = field(default_factory=dict)
    test: dict | None = None  # {"loss", "accuracy", "samples"} once evaluated
    damage: tuple[DamagedFile, ...] = ()  # why the run is BROKEN: each file that broke its rules

    @property
    def state(self) -> str:
        return self.status.get("state", BROKEN)

    @property
    def active(self) -> bool:
        """Queued or training: the run takes one of `Limits.max_runs` slots."""
        return self.state in ACTIVE

    @property
    def live(self) -> bool:
        """Its process may still write into the folder (active or stalled): it cannot be deleted yet."""
        return self.state in LIVE

    @property
    def silent_seconds(self) -> float | None:
        """How long a stalled run's worker has not reported."""
        return self.status.get("silent_seconds")

    @property
    def error(self) -> str | None:
        return self.status.get("error")

    @property
    def epochs_run(self) -> int:
        return len(self.history.get("epoch", []))

    @property
    def max_epochs(self) -> int | None:
        return self.config.epochs if self.config else self.status.get("epochs")

    @property
    def best_epoch(self) -> int | None:
        """1-based epoch of the lowest validation loss (the weights EarlyStopping restores)."""
        losses = self.history.get("val_loss", [])
        finite = [(loss, i) for i, loss in enumerate(losses) if math.isfinite(loss)]
        if not finite:
            return None
        return self.history["epoch"][min(finite)[1]]

    def _at_best(self, column: str) -> float | None:
        best = self.best_epoch
        if best is None:
            return None
        return self.history[column][self.history["epoch"].index(best)]

    @property
    def best_val_loss(self) -> float | None:
        return self._at_best("val_loss")

    @property
    def best_val_accuracy(self) -> float | None:
        return self._at_best("val_accuracy")

    @property
    def early_stopped(self) -> bool:
        """Training ended before `epochs` because validation loss stopped improving."""
        return bool(self.status.get("early_stopped"))

    @property
    def test_accuracy(self) -> float | None:
        return self.test.get("accuracy") if self.test else None

    @property
    def seconds_per_epoch(self) -> float | None:
        return self.status.get("seconds_per_epoch")

    @property
    def elapsed(self) -> float | None:
        """Seconds since the worker started: counted live while the run is active."""
        started = self.status.get("started")
        if self.active and isinstance(started, (int, float)):
            return max(time.time() - started, 0.0)
        return self.status.get("elapsed")

    @property
    def started(self) -> float | None:
        return self.status.get("started") or self.status.get("created")

    @property
    def backend(self) -> str | None:
        return self.status.get("backend") or (self.config.backend if self.config else None)

    @property
    def preset(self) -> str | None:
        return cfg.preset_of(self.config) if self.config else None

    @property
    def owner(self) -> str | None:
        """The hash of the token of the visitor who launched the run from the page (None: the command line)."""
        return self.status.get("owner")

    def owned_by(self, visitor: str) -> bool:
        """Whether `visitor` (an `owner.owner_hash`) launched the run; compared in constant time."""
        return same_owner(self.owner, visitor)

    def changeable_by(self, visitor: str) -> bool:
        """Only the visitor who launched a run may stop or delete it; anyone may for a CLI run."""
        return self.owner is None or self.owned_by(visitor)

    @property
    def has_model(self) -> bool:
        return run_files.is_regular_file(self.path / MODEL_FILE)  # never through a link

    @property
    def is_reference(self) -> bool:
        """One of the committed reference runs (read-only in the app)."""
        return self.path.parent.resolve() == reference_runs_dir().resolve()

    def load_weights(self) -> dict[str, np.ndarray]:
        """The best weights by name (layout: `rnnviz.weights`), without TensorFlow.

        Read once per version of the file (`rnnviz.run_files`); the arrays are read-only.

        Raises:
            DamagedFile: missing, a link, unpacking to more than the config's model needs, not arrays,
                or not the config's model (`rnnviz.weights.check`).
        """
        from rnnviz import weights as weights_file  # the weights.npz layout and its checks

        if self.config is None:
            raise DamagedFile("run_damaged_invalid", "no valid config.json", file=CONFIG_FILE, error="missing")
        weights = weights_file.read(self.path / WEIGHTS_FILE, self.config)
        if weights is None:
            raise DamagedFile("run_damaged_missing", f"{WEIGHTS_FILE} is missing", file=WEIGHTS_FILE)
        return weights

    def vocabulary(self) -> Vocabulary | None:
        """The words the model was trained with (ids as `load_data(num_words)`), None if not stored.

        Raises:
            DamagedFile: not a word list of the run's `num_words`, too large, or a link.
        """
        return run_files.read_vocabulary(self.path / VOCAB_FILE, self.config.num_words if self.config else None)

    def history_csv(self) -> bytes | None:
        """history.csv as stored, for a download: None if missing, a link or over its limit."""
        try:
            return run_files.read_bytes(self.history_path, run_files.history_limit(self.config))
        except DamagedFile:
            return None

    def steps(self) -> list[tuple[str, float | None, float | None]]:
        """The steps before the first curve point as (name, began, ended) in seconds after the click,
        in `STEPS` order; None for a step not begun / not ended yet. An ended run's open steps stay open."""
        timed = self.status.get("steps") if isinstance(self.status.get("steps"), dict) else {}
        rows = []
        for name in STEPS:
            times = timed.get(name)
            began, ended = (times + [None, None])[:2] if isinstance(times, list) else (None, None)
            rows.append((name, began if isinstance(began, (int, float)) else None,
                         ended if isinstance(ended, (int, float)) else None))
        return rows

    @property
    def batch_fraction(self) -> float | None:
        """How far the current epoch is (0..1), from the batch the worker last reported; None if unknown."""
        batch, batches = self.status.get("batch"), self.status.get("batches")
        if not isinstance(batch, int) or not isinstance(batches, int) or batches <= 0:
            return None
        return min(batch / batches, 1.0)

    @property
    def history_path(self) -> Path:
        return self.path / HISTORY_FILE

    @property
    def model_path(self) -> Path:
        return self.path / MODEL_FILE

    def remaining_seconds(self) -> float | None:
        """At most this much longer (early stopping may end the run sooner)."""
        per_epoch, max_epochs = self.seconds_per_epoch, self.max_epochs
        if not self.active or per_epoch is None or max_epochs is None:
            return None
        return max(max_epochs - self.epochs_run, 0) * per_epoch


def _unread_files(config: RunConfig | None) -> list[tuple[str, int | None]]:
    """The files `RunStore.get` does not parse, with their size limits (None: any size)."""
    sized = config is not None
    return [(WEIGHTS_FILE, run_files.weights_limit(config) if sized else None),
            (MODEL_FILE, run_files.model_limit(config) if sized else None),
            (VOCAB_FILE, run_files.vocab_limit(config.num_words) if sized else None),
            (LOG_FILE, None), (STOP_FILE, None)]


# --- the store -------------------------------------------------------------------------------


def reference_runs_dir() -> Path:
    setting = os.environ.get(REFERENCE_RUNS_ENV, "").strip()
    return Path(setting).expanduser() if setting else REFERENCE_RUNS_DIR


def default_runs_dir() -> Path:
    setting = os.environ.get(RUNS_DIR_ENV, "").strip()
    return Path(setting).expanduser() if setting else DEFAULT_RUNS_DIR


def _int_setting(name: str, default: int, low: int = 1) -> int:
    """An integer from the environment; a missing or malformed value gives the default."""
    try:
        return max(low, int(os.environ.get(name, str(default))))
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    """What one shared deployment (a class on one link) allows; each is an environment setting.

    The defaults let one visitor train the book's full runs while a class of
    visitors cannot exhaust a small server: one run at a time, the book's 100
    epochs and 20,000 reviews at most, at most 30 runs kept on disk, and a model
    whose estimated peak memory (`models.run_cost`; the book's largest, one-hot
    SimpleRNN: ~790 MB) and size stay within what a 2.7 GB Cloud app can hold.
    """

    max_runs: int = 1  # RNNVIZ_MAX_RUNS: training processes at once
    max_epochs: int = 100  # RNNVIZ_MAX_EPOCHS: epochs per run
    max_reviews: int = cfg.BOOK_TRAIN_SIZE  # RNNVIZ_MAX_REVIEWS: training reviews per run
    keep_runs: int = 30  # RNNVIZ_KEEP_RUNS: runs stored; at the limit a run must be deleted before a new one
    max_memory_mb: int = 2_000  # RNNVIZ_MAX_MEMORY_MB: a run's estimated peak memory
    max_params: int = 5_000_000  # RNNVIZ_MAX_PARAMS: a model's parameters (× 4 bytes: 20 MB of weights)

    @classmethod
    def from_environment(cls) -> Limits:
        defaults = cls()
        return cls(max_runs=_int_setting(MAX_RUNS_ENV, defaults.max_runs),
                   max_epochs=_int_setting("RNNVIZ_MAX_EPOCHS", defaults.max_epochs),
                   max_reviews=_int_setting("RNNVIZ_MAX_REVIEWS", defaults.max_reviews, low=8),
                   keep_runs=_int_setting("RNNVIZ_KEEP_RUNS", defaults.keep_runs),
                   max_memory_mb=_int_setting("RNNVIZ_MAX_MEMORY_MB", defaults.max_memory_mb),
                   max_params=_int_setting("RNNVIZ_MAX_PARAMS", defaults.max_params))

    def check(self, config: RunConfig) -> None:
        """RunError when `config` asks for more than a run may use (checked before launch, from the config)."""
        if config.epochs > self.max_epochs:
            raise RunError("train_err_limit_epochs", f"{config.epochs} epochs > limit {self.max_epochs}",
                           n=config.epochs, limit=self.max_epochs)
        if config.train_samples > self.max_reviews:
            raise RunError("train_err_limit_reviews", f"{config.train_samples} reviews > limit {self.max_reviews}",
                           n=config.train_samples, limit=self.max_reviews)
        cost = run_cost(config)
        if cost.params > self.max_params:
            raise RunError("train_err_limit_params", f"{cost.params} parameters > limit {self.max_params}",
                           n=cost.params, limit=self.max_params, mb=cost.model_bytes / 2**20)
        memory_mb = cost.memory_bytes / 2**20
        if memory_mb > self.max_memory_mb:
            raise RunError("train_err_limit_memory", f"~{memory_mb:.0f} MB > limit {self.max_memory_mb} MB",
                           mb=memory_mb, limit=self.max_memory_mb)


def stall_seconds(status: dict) -> float:
    """How long a live worker may stay silent before its run counts as stalled: `STALL_EPOCHS` of its
    measured epochs (at least `STALL_MIN_SECONDS`) once training; `STALL_PREPARING_SECONDS` before."""
    per_epoch = status.get("seconds_per_epoch")
    if (status.get("phase") in ("training", "testing") and isinstance(per_epoch, (int, float))
            and math.isfinite(per_epoch) and per_epoch > 0):
        return max(STALL_MIN_SECONDS, STALL_EPOCHS * per_epoch)
    return STALL_PREPARING_SECONDS


def new_run_id() -> str:
    return f"{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"


def check_run_id(run_id: str) -> str:
    """`run_id` if it has the generated format; ValueError otherwise (so it can never be a path)."""
    if not isinstance(run_id, str) or not _RUN_ID.match(run_id):
        raise ValueError(f"not a run id: {run_id!r}")
    return run_id


class RunStore:
    """The runs folder: create, list, read, stop and delete runs."""

    def __init__(self, root: str | Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_runs_dir()

    # -- paths
    def path(self, run_id: str) -> Path:
        return self.root / check_run_id(run_id)

    def stop_requested(self, run_id: str) -> bool:
        return (self.path(run_id) / STOP_FILE).exists()

    # -- writing
    def create(self, config: RunConfig, owner: str | None = None) -> str:
        """A new run folder holding config.json and a queued status; returns its id.

        The folder is filled under a temporary name, then renamed: `list()`
        never sees it half made, and a failed write leaves nothing behind.

        Raises:
            RunError("train_err_runs_readonly" / "train_err_disk_full" / "train_err_runs_os"): the runs
                folder cannot be written (see `disk_error`).
        """
        with _writing(self.root):
            self.root.mkdir(parents=True, exist_ok=True)
            while True:
                run_id = new_run_id()
                if not (self.root / run_id).exists():
                    break
            staging = self.root / f".new-{run_id}"
            try:
                staging.mkdir()
                write_atomic(staging / CONFIG_FILE, cfg.to_json(config))
                write_json(staging / STATUS_FILE, {"state": QUEUED, "created": time.time(), "pid": None,
                                                   "epochs": config.epochs, "backend": config.backend,
                                                   "owner": owner})
                os.rename(staging, self.root / run_id)
            except OSError:
                shutil.rmtree(staging, ignore_errors=True)
                raise
        return run_id

    def read_status(self, run_id: str) -> dict:
        return _read_json(self.path(run_id) / STATUS_FILE) or {}

    def update_status(self, run_id: str, **changes: Any) -> dict:
        """Merge `changes` into status.json (atomically) and return the new status."""
        status = self.read_status(run_id)
        status.update(changes)
        write_json(self.path(run_id) / STATUS_FILE, status)
        return status

    def request_stop(self, run_id: str, visitor: str | None = None) -> None:
        """Ask the worker to stop after its current batch (it keeps history and best weights).

        `visitor`: who asks (the page passes its visitor id); None is the machine's user (the CLI).
        """
        self._check_owner(self.get(run_id), visitor)
        with _writing(self.root):
            (self.path(run_id) / STOP_FILE).touch()

    def delete(self, run_id: str, visitor: str | None = None) -> None:
        """Remove a finished run's folder. A run still training must be stopped first.

        A run folder that is a link loses only the link: its target is not the app's to remove
        (`rmtree` never follows the links inside a folder either).
        """
        run = self.get(run_id)
        self._check_owner(run, visitor)
        if run.live:
            raise RunError("train_err_delete_active", f"run {run_id} is still {run.state}; stop it first",
                           run=run_id)
        with _writing(self.root):
            if run.path.is_symlink():
                run.path.unlink()
            else:
                shutil.rmtree(run.path)

    def end(self, run_id: str, visitor: str | None = None) -> None:
        """End the run's worker process (`terminate`: SIGTERM, then SIGKILL) and mark the run stopped, which
        frees its slot. For a stalled worker, which never reads the `stop` file; an ended run stays as it is.

        Raises:
            RunError("train_err_not_yours"): `visitor` did not launch it.
            RunError("train_err_end_failed"): the process would not end (it belongs to another user).
        """
        run = self.get(run_id)
        self._check_owner(run, visitor)
        if not run.live:
            return
        pid = run.status.get("pid")
        if isinstance(pid, int) and not terminate(pid, run.status.get("pid_start")):
            raise RunError("train_err_end_failed", f"process {pid} of run {run_id} did not end", run=run_id)
        with _writing(self.root):
            (self.path(run_id) / STOP_FILE).touch()  # a worker starting just now stops at its first batch
            now = time.time()
            started = run.status.get("started")
            self.update_status(run_id, state=STOPPED, phase=None, ended=now, ended_by_owner=True,
                               elapsed=now - started if isinstance(started, (int, float)) else None)
        remove_temporary_files(run.path, older_than=0)  # the process is gone: whatever it was writing is half

    @staticmethod
    def _check_owner(run: Run, visitor: str | None) -> None:
        if visitor is not None and not run.changeable_by(visitor):
            raise RunError("train_err_not_yours", f"run {run.id} belongs to another visitor", run=run.id)

    # -- reading
    def get(self, run_id: str) -> Run:
        """The run as it is now, each file checked (`rnnviz.run_files`): one that breaks its rules makes
        the run BROKEN, with the reasons in `damage` and `error`; the files that pass are kept.

        Raises:
            RunError: there is no such run (never for what a file holds).
        """
        folder = self.path(run_id)
        if folder.is_symlink():  # never followed: its target may be anywhere
            damage = DamagedFile("run_damaged_folder_link", f"the run folder {run_id} is a symbolic link (not "
                                 "followed; deleting removes only the link)")
            return Run(id=run_id, path=folder, config=None, status={"state": BROKEN, "error": str(damage)},
                       damage=(damage,))
        if not folder.is_dir():
            raise RunError("train_err_no_run", f"no run {run_id}", run=run_id)
        status, damage = run_files.read_status(folder / STATUS_FILE, STATES)
        known = len(damage)
        config = self._checked(damage, run_files.read_config, folder / CONFIG_FILE)
        if config is None and len(damage) == known:
            damage.append(DamagedFile("run_damaged_missing", f"{CONFIG_FILE} is missing", file=CONFIG_FILE))
        history = self._checked(damage, run_files.read_history, folder / HISTORY_FILE,
                                run_files.history_limit(config)) or run_files.empty_history()
        test = self._checked(damage, run_files.read_test, folder / TEST_FILE)
        for name, limit in _unread_files(config):  # read later, or only by the worker: a link or size is enough
            self._checked(damage, run_files.check_present, folder / name, limit)
        if damage:
            status = {**status, "state": BROKEN, "error": "; ".join(map(str, damage))}
        elif status["state"] in ACTIVE:
            if not self._process_running(status):
                status = {**status, "state": INTERRUPTED}
            elif (silent := self._silence(status)) > stall_seconds(status):
                status = {**status, "state": STALLED, "silent_seconds": silent}
        remove_temporary_files(folder)  # left by a process that died writing them
        return Run(id=run_id, path=folder, config=config, status=status, history=history, test=test,
                   damage=tuple(damage))

    @staticmethod
    def _checked(damage: list[DamagedFile], read, *args):
        """`read(*args)`, or None with the reason added to `damage`."""
        try:
            return read(*args)
        except DamagedFile as error:
            damage.append(error)
            return None

    @staticmethod
    def _process_running(status: dict) -> bool:
        pid = status.get("pid")
        if pid is None:  # queued, the worker not started yet
            return time.time() - float(status.get("created") or 0) < LAUNCH_GRACE_SECONDS
        return process_alive(pid, status.get("pid_start"))

    @staticmethod
    def _silence(status: dict) -> float:
        """Seconds since the worker last wrote its heartbeat (or started, or the run was created)."""
        last = next((value for value in (status.get(name) for name in ("heartbeat", "started", "created"))
                     if isinstance(value, (int, float)) and not isinstance(value, bool)
                     and math.isfinite(value)), None)
        return 0.0 if last is None else max(time.time() - last, 0.0)

    def ids(self) -> list[str]:
        """Run ids, newest first."""
        if not self.root.is_dir():
            return []
        # A link is listed too (as broken), so it can be deleted.
        return sorted((p.name for p in self.root.iterdir()
                       if _RUN_ID.match(p.name) and (p.is_symlink() or p.is_dir())), reverse=True)

    def list(self) -> list[Run]:
        """Every run, newest first. A damaged folder shows as a BROKEN run; it never raises."""
        runs = []
        for run_id in self.ids():
            try:
                runs.append(self.get(run_id))
            except Exception as error:  # noqa: BLE001 - one bad folder must not hide the others
                runs.append(Run(id=run_id, path=self.root / run_id, config=None,
                                status={"state": BROKEN, "error": f"{type(error).__name__}: {error}"}))
        # ids sort by the second they were made; the creation time orders runs made in the same second
        return sorted(runs, key=lambda run: (run.id[:15], _number_or_zero(run.status.get("created"))),
                      reverse=True)

    def active(self) -> list[Run]:
        """Runs queued or training, with a live process."""
        return [run for run in self.list() if run.active]

    def load_weights(self, run_id: str) -> dict[str, np.ndarray]:
        """The best weights by name (see `rnnviz.weights`), without TensorFlow."""
        return self.get(run_id).load_weights()

    @contextmanager
    def _launch_lock(self) -> Iterator[None]:
        """One launcher at a time (two browser tabs clicking together)."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".launch.lock", "a+") as handle:
            try:
                import fcntl
            except ImportError:  # pragma: no cover - Windows: best effort
                yield
                return
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


# --- starting the worker ------------------------------------------------------------------------


def worker_command(store: RunStore, run_id: str) -> list[str]:
    return [sys.executable, "-m", "rnnviz.train", "--runs-dir", str(store.root), "--run-id", run_id]


def worker_env(config: RunConfig) -> dict[str, str]:
    """The worker's environment: the config's Keras backend, unbuffered output, the app importable."""
    return {**os.environ, "KERAS_BACKEND": config.backend, "PYTHONUNBUFFERED": "1",
            "TF_CPP_MIN_LOG_LEVEL": os.environ.get("TF_CPP_MIN_LOG_LEVEL", "2"),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(APP_ROOT), os.environ.get("PYTHONPATH")]))}


def launch(store: RunStore, config: RunConfig, owner: str | None = None, limits: Limits | None = None) -> str:
    """Create a run and start `python -m rnnviz.train` for it in a separate process.

    The process gets KERAS_BACKEND from `config.backend` and writes only into
    the run folder; this process (the Streamlit server) never imports Keras.
    Launches are serialised by a file lock, so a burst of clicks from many
    sessions starts at most `limits.max_runs` processes, each in its own new folder.

    Args:
        owner: the visitor launching, as `owner.owner_hash` of their token (stored in status.json;
            only they may stop or delete the run).
        limits: default `Limits.from_environment()`.

    Raises:
        RunError("train_err_busy"): `limits.max_runs` runs are active.
        RunError("train_err_limit_epochs" / "train_err_limit_reviews"): the config asks for too much.
        RunError("train_err_store_full"): `keep_runs` runs are stored already.
        RunError("train_err_runs_readonly" / "train_err_disk_full" / "train_err_runs_os"): the runs folder
            cannot be written, or the process cannot start; nothing is left behind.
    """
    limits = limits or Limits.from_environment()
    limits.check(config)
    with _writing(store.root), store._launch_lock():
        active = store.active()
        if len(active) >= limits.max_runs:
            raise RunError("train_err_busy", f"{len(active)} run(s) already training (limit {limits.max_runs})",
                           n=len(active), limit=limits.max_runs, run=active[0].id)
        stored = len(store.ids())
        if stored >= limits.keep_runs:
            raise RunError("train_err_store_full", f"{stored} runs stored (limit {limits.keep_runs})",
                           n=stored, limit=limits.keep_runs)
        run_id = store.create(config, owner=owner)
        try:
            process = _start_worker(store, run_id, config)
        except OSError:
            shutil.rmtree(store.path(run_id), ignore_errors=True)  # no process: no run
            raise
    reap_in_background(process, run_id)
    return run_id


def reap_in_background(process: subprocess.Popen, name: str) -> None:
    """Wait for `process` on a thread, so once it ends it does not linger as a zombie that looks alive."""
    threading.Thread(target=process.wait, daemon=True, name=f"reap-{name}").start()


def _start_worker(store: RunStore, run_id: str, config: RunConfig) -> subprocess.Popen:
    """The worker process for a created run, its output into worker.log; its pid noted in status.json."""
    with open(store.path(run_id) / LOG_FILE, "ab") as log:
        process = subprocess.Popen(worker_command(store, run_id), cwd=APP_ROOT, env=worker_env(config),
                                   stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    status = store.read_status(run_id)
    if status.get("state") == QUEUED and status.get("pid") is None:
        try:
            store.update_status(run_id, pid=process.pid, pid_start=process_start_ticks(process.pid))
        except OSError:
            pass  # the worker writes its pid itself as it starts
    return process


def log_tail(run: Run, lines: int = 30) -> str:
    """The last lines of the worker's console output (for a failed or interrupted run)."""
    try:
        text = run_files.read_tail(run.path / LOG_FILE).decode("utf-8", errors="replace")
    except (DamagedFile, OSError):  # a link is never followed
        return ""
    return "\n".join(text.splitlines()[-lines:])


def ran_out_of_disk(run: Run) -> bool:
    """The run ended because the disk was full: the worker said so in status.json, or its log does."""
    if run.status.get("error_key") == "train_err_disk_full_run":
        return True
    tail = log_tail(run)
    return DISK_FULL_TEXT in tail or "ENOSPC" in tail
