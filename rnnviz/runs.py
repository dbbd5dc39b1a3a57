"""The runs folder: one folder per run, written by the worker; the store lists, reads, stops and deletes them.

```
runs/                       # RNNVIZ_RUNS_DIR overrides; default: runs/ beside the app
  20250101-120000-a1b2c3/   # the run id: timestamp + random suffix (nothing a user types)
    config.json             # RunConfig
    status.json             # state, launcher + pid or job, times, epoch i / max, best epoch, error (`run_status.RunStatus`)
    worker.json             # written once by the worker as it starts: owner, times, launcher + pid or job
    history.csv             # keras.callbacks.CSVLogger: one row per epoch (epoch 0-based)
    best.keras              # ModelCheckpoint(save_best_only=True), moved into place atomically
    weights.npz             # the best weights by layer, for the numpy cells (no TensorFlow)
    test.json               # test-set loss and accuracy, at the end
    vocab.json              # the model's vocabulary: the words of ids 3 + 1 .. num_words - 1
    worker.log              # the worker's console output
    stop                    # present = the page asked the worker to stop
```

Every JSON / npz file is written through `files.write_atomic`, so a reader never sees half a
file (one left by a killed process is removed by the next reader after
`files.STALE_TEMPORARY_SECONDS`); `history.csv` is appended by Keras, so its reader ignores an
unfinished last line. Every file is read through `rnnviz.run_files`, which checks it. This module
never imports Keras; `rnnviz.launch` starts the worker for a new run.

status.json is the one file every writer changes, so a damaged one must not hand the run to anyone
(issue 24): no writer builds on a status it cannot read (`update_status`, `rewrite_status`), and
worker.json keeps the identity the worker started with, for a reader of a damaged status.json.

A live worker writes a `heartbeat` time into status.json at least every
`run_status.HEARTBEAT_SECONDS`; a run whose process is alive but silent for longer than
`run_status.stall_seconds` (frozen with `kill -STOP`, say) is STALLED: it no longer takes
a training slot, and its owner can `end` it. Whether a worker is alive, and ending it, is the business
of the launcher that started it (`rnnviz.launchers.of_run`: a local process, or a job on a Ray cluster).

Over 350 lines because a `Run` snapshot and the store that makes it share one job, the folder
layout above: the snapshot's properties name what a page reads from its files.
"""

from __future__ import annotations

import errno
import functools
import math
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from rnnviz import config as cfg
from rnnviz import launchers, run_files
from rnnviz.config import RunConfig
from rnnviz.files import DISK_FULL_TEXT, is_disk_full, remove_temporary_files, write_atomic, write_json
from rnnviz.owner import same_owner
from rnnviz.run_files import DamagedFile
from rnnviz.run_status import RunStatus, stall_seconds
from rnnviz.text import INDEX_FROM, Vocabulary

RUNS_DIR_ENV = "RNNVIZ_RUNS_DIR"
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
WORKER_FILE = "worker.json"
STOP_FILE = "stop"

QUEUED, RUNNING, DONE, FAILED, STOPPED, INTERRUPTED, BROKEN = (
    "queued", "running", "done", "failed", "stopped", "interrupted", "broken")
STALLED = "stalled"  # never written: the reader's name for a live process that stopped reporting
WAITING = "waiting"  # in the queue for a slot (`rnnviz.run_queue`): no worker yet, takes no slot
ACTIVE = (QUEUED, RUNNING)  # these take a training slot (QUEUED: its worker is being started)
LIVE = (*ACTIVE, STALLED, WAITING)  # a worker may still write into the folder, or will: not deletable
STATES = (WAITING, QUEUED, RUNNING, DONE, FAILED, STOPPED, INTERRUPTED)
LAUNCH_GRACE_SECONDS = launchers.LAUNCH_GRACE_SECONDS  # a queued local run without a process is not interrupted before

_RUN_ID = re.compile(r"^\d{8}-\d{6}-[0-9a-f]{6}$")
HISTORY_COLUMNS = run_files.HISTORY_COLUMNS


class RunError(RuntimeError):
    """A run cannot be found, deleted or launched; `key` and `params` give the page's message."""

    def __init__(self, key: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.key = key
        self.params = params


def disk_error(error: OSError, folder: Path) -> RunError:
    """The page's message for an OSError from writing into the runs folder: read-only, disk full, or other."""
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return RunError("train_err_runs_readonly", f"cannot write into {folder}: {error}", folder=str(folder))
    if is_disk_full(error):
        return RunError("train_err_disk_full", f"disk full writing into {folder}: {error}", folder=str(folder))
    return RunError("train_err_runs_os", f"cannot write into {folder}: {error}", folder=str(folder),
                    error=error.strerror or str(error))


@contextmanager
def writing(folder: Path) -> Iterator[None]:
    """Turns an OSError raised while writing into the runs folder into the RunError the page shows."""
    try:
        yield
    except OSError as error:
        raise disk_error(error, folder) from error


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


# --- what a run folder holds -----------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One run as read from its folder (a snapshot)."""

    id: str
    path: Path
    config: RunConfig | None  # None when config.json is missing or invalid (state BROKEN)
    status: RunStatus = RunStatus(BROKEN)  # status.json, its state checked against the process
    history: dict[str, list[float]] = field(default_factory=dict)
    test: dict | None = None  # {"loss", "accuracy", "samples"} once evaluated
    damage: tuple[DamagedFile, ...] = ()  # why the run is BROKEN: each file that broke its rules
    # False when neither status.json nor worker.json says who launched the run: only the operator may change it
    owner_known: bool = True

    @property
    def state(self) -> str:
        return self.status.state

    @property
    def active(self) -> bool:
        """Queued or training: the run takes one of `Limits.max_runs` slots."""
        return self.state in ACTIVE

    @property
    def live(self) -> bool:
        """Its process may still write into the folder (active or stalled): it cannot be deleted yet."""
        return self.state in LIVE

    @property
    def unanswered(self) -> bool:
        """The launcher could not tell whether its worker lives (a Ray cluster that does not answer)."""
        return self.status.unanswered

    @property
    def silent_seconds(self) -> float | None:
        """How long a stalled run's worker has not reported."""
        return self.status.silent_seconds

    @property
    def error(self) -> str | None:
        return self.status.error

    @property
    def epochs_run(self) -> int:
        return len(self.history.get("epoch", []))

    @property
    def max_epochs(self) -> int | None:
        return self.config.epochs if self.config else self.status.epochs

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
        return self.status.early_stopped

    @property
    def test_accuracy(self) -> float | None:
        return self.test.get("accuracy") if self.test else None

    @property
    def seconds_per_epoch(self) -> float | None:
        return self.status.seconds_per_epoch

    @property
    def elapsed(self) -> float | None:
        """Seconds since the worker started: counted live while the run is active."""
        started = self.status.started
        if self.active and started is not None:
            return max(time.time() - started, 0.0)
        return self.status.elapsed

    @property
    def started(self) -> float | None:
        return self.status.started or self.status.created

    @property
    def launched(self) -> float | None:
        """When the run was launched (the click), the same from waiting in the queue to done."""
        return self.status.enqueued or self.status.created or self.status.started

    @property
    def backend(self) -> str | None:
        return self.status.backend or (self.config.backend if self.config else None)

    @property
    def preset(self) -> str | None:
        return cfg.preset_of(self.config) if self.config else None

    @property
    def owner(self) -> str | None:
        """The hash of the token of the visitor who launched the run from the page (None: the command line)."""
        return self.status.owner

    def owned_by(self, visitor: str) -> bool:
        """Whether `visitor` (an `owner.owner_hash`) launched the run; compared in constant time."""
        return same_owner(self.owner, visitor)

    def changeable_by(self, visitor: str) -> bool:
        """Only the visitor who launched a run may stop or delete it; anyone may for a CLI run; nobody but the
        operator when a damaged status.json leaves whose run it is unknown."""
        if not self.owner_known:
            return False
        return self.owner is None or self.owned_by(visitor)

    @property
    def has_model(self) -> bool:
        return run_files.is_regular_file(self.path / MODEL_FILE)  # never through a link

    @property
    def is_reference(self) -> bool:
        """One of the committed reference runs (read-only in the app)."""
        return resolved(self.path.parent) == resolved(reference_runs_dir())

    def load_weights(self) -> dict[str, np.ndarray]:
        """The best weights by name (layout: `rnnviz.weights`), without TensorFlow.

        Read once per version of the file (`rnnviz.run_files`); the arrays are read-only.

        Raises:
            DamagedFile: missing, a link, unpacking to more than the config's model needs, not arrays,
                or not the config's model (`rnnviz.weights.check`).
        """
        from rnnviz import weights as weights_file  # the weights.npz layout and its checks

        if self.config is None:
            raise DamagedFile("train_run_damaged_invalid", "no valid config.json", file=CONFIG_FILE, error="missing")
        weights = weights_file.read(self.path / WEIGHTS_FILE, self.config)
        if weights is None:
            raise DamagedFile("train_run_damaged_missing", f"{WEIGHTS_FILE} is missing", file=WEIGHTS_FILE)
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
        """`RunStatus.step_times`: (name, began, ended) per step before the first curve point, seconds after
        the click; an ended run's open steps stay open."""
        return self.status.step_times()

    @property
    def batch_fraction(self) -> float | None:
        """How far the current epoch is (0..1), from the batch the worker last reported; None if unknown."""
        return self.status.batch_fraction

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


def _names_owner(values: dict, damage: list[DamagedFile]) -> bool:
    """Whether status.json (its fields that passed) says who launched the run: an owner (null: the command
    line's), or a valid state with none named and none damaged (a run from before owners)."""
    if "owner" in values:
        return True
    return "state" in values and "owner" not in {problem.params.get("field") for problem in damage}


def _last_written(path: Path) -> float | None:
    try:
        return os.lstat(path).st_mtime
    except OSError:
        return None


def _unread_files(config: RunConfig | None) -> list[tuple[str, int | None]]:
    """The files `RunStore.get` does not parse, with their size limits (None: any size)."""
    sized = config is not None
    return [(WEIGHTS_FILE, run_files.weights_limit(config) if sized else None),
            (MODEL_FILE, run_files.model_limit(config) if sized else None),
            (VOCAB_FILE, run_files.vocab_limit(config.num_words) if sized else None),
            (LOG_FILE, None), (STOP_FILE, None)]


# --- the store -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def resolved(folder: Path) -> Path:
    """`folder.resolve()`, kept: a runs folder does not move while the app runs, and resolving costs an
    lstat per part of the path, for every run listed (24 reference runs) on every page run; with a class
    on one server each of those calls hands the GIL to another session and waits to get it back."""
    return folder.resolve()


def reference_runs_dir() -> Path:
    setting = os.environ.get(REFERENCE_RUNS_ENV, "").strip()
    return Path(setting).expanduser() if setting else REFERENCE_RUNS_DIR


def default_runs_dir() -> Path:
    setting = os.environ.get(RUNS_DIR_ENV, "").strip()
    return Path(setting).expanduser() if setting else DEFAULT_RUNS_DIR



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
    def create(self, config: RunConfig, owner: str | None = None, queue_number: int | None = None) -> str:
        """A new run folder holding config.json and a queued status; returns its id.

        With `queue_number` the run waits in the queue instead (state WAITING, `rnnviz.run_queue`): its
        status holds that number and the click's time (`enqueued`).

        The folder is filled under a temporary name, then renamed: `list()`
        never sees it half made, and a failed write leaves nothing behind.

        Raises:
            RunError("train_err_runs_readonly" / "train_err_disk_full" / "train_err_runs_os"): the runs
                folder cannot be written (see `disk_error`).
        """
        with writing(self.root):
            self.root.mkdir(parents=True, exist_ok=True)
            while True:
                run_id = new_run_id()
                if not (self.root / run_id).exists():
                    break
            staging = self.root / f".new-{run_id}"
            try:
                staging.mkdir()
                write_atomic(staging / CONFIG_FILE, cfg.to_json(config))
                now = time.time()
                queue = {} if queue_number is None else {"state": WAITING, "queue_number": queue_number,
                                                         "enqueued": now}
                write_json(staging / STATUS_FILE, {"state": QUEUED, "created": now, "pid": None,
                                                   "epochs": config.epochs, "backend": config.backend,
                                                   "owner": owner, **queue})
                os.rename(staging, self.root / run_id)
            except OSError:
                shutil.rmtree(staging, ignore_errors=True)
                raise
        return run_id

    def read_status(self, run_id: str) -> dict:
        return _read_json(self.path(run_id) / STATUS_FILE) or {}

    def buildable_status(self, run_id: str) -> dict | None:
        """status.json as written, when a writer may build on it: a JSON object naming a valid state.
        None when it is missing, emptied, cut, not an object or stateless."""
        status = _read_json(self.path(run_id) / STATUS_FILE)
        return status if status is not None and status.get("state") in STATES else None

    def update_status(self, run_id: str, **changes: Any) -> dict:
        """Merge `changes` into status.json (atomically) and return the new status.

        A status.json that cannot be built on (`buildable_status`) is never the base: the identity its worker
        recorded as it started (worker.json) is, so the run keeps its owner and its worker's handle.

        Raises:
            RunError("train_err_status_damaged"): status.json cannot be built on and no worker recorded an
                identity; nothing is written (a status built from nothing names no owner: anyone's run).
        """
        status = self.buildable_status(run_id)
        if status is None:
            status = self._recorded_identity(run_id)
        status.update(changes)
        write_json(self.path(run_id) / STATUS_FILE, status)
        return status

    def rewrite_status(self, run_id: str, own: dict[str, Any]) -> dict:
        """The worker's write: its own copy of its whole status (`train.StatusLog`) over status.json, whose
        other fields stay; a status.json that cannot be built on is replaced by the copy, never merged into."""
        status = {**(self.buildable_status(run_id) or {}), **own}
        write_json(self.path(run_id) / STATUS_FILE, status)
        return status

    def record_worker(self, run_id: str, identity: dict[str, Any]) -> None:
        """worker.json: who launched the run, when, and its worker's handle (`run_files.WORKER_FIELDS`), written
        once by the worker as it starts. Read when status.json is damaged (`get`, `update_status`)."""
        write_json(self.path(run_id) / WORKER_FILE, {name: identity.get(name) for name in run_files.WORKER_FIELDS})

    def _recorded_identity(self, run_id: str) -> dict:
        """worker.json's fields, for a status.json that cannot be built on; RunError when there is none."""
        identity = self._checked([], run_files.read_worker, self.path(run_id) / WORKER_FILE)
        if identity is None:
            raise RunError("train_err_status_damaged", f"the status of run {run_id} cannot be read and no worker "
                           "recorded whose run it is: nothing written", run=run_id)
        return identity

    def request_stop(self, run_id: str, visitor: str | None = None) -> None:
        """Ask the worker to stop after its current batch (it keeps history and best weights).

        `visitor`: who asks (the page passes its visitor id); None is the machine's user (the CLI).
        """
        self._check_owner(self.get(run_id), visitor)
        with writing(self.root):
            (self.path(run_id) / STOP_FILE).touch()

    def delete(self, run_id: str, visitor: str | None = None, operator: bool = False) -> None:
        """Remove a finished run's folder. A run still training must be stopped first; so must a damaged run
        whose worker still lives (`get`).

        A run folder that is a link loses only the link: its target is not the app's to remove
        (`rmtree` never follows the links inside a folder either).

        `operator`: the deployment's operator, who may delete any visitor's run (and one of unknown owner).
        """
        run = self.get(run_id)
        self._check_owner(run, visitor, operator)
        if run.live:
            raise RunError("train_err_delete_active", f"run {run_id} is still {run.state}; stop it first",
                           run=run_id)
        with writing(self.root):
            if run.path.is_symlink():
                run.path.unlink()
            else:
                shutil.rmtree(run.path)

    def end(self, run_id: str, visitor: str | None = None, operator: bool = False) -> None:
        """End the run's worker through the launcher that started it (a local process: SIGTERM, then SIGKILL;
        a Ray job: `stop_job`) and mark the run stopped, which frees its slot. For a stalled worker, which
        never reads the `stop` file; an ended run stays as it is. `operator`: as for `delete`.

        Raises:
            RunError("train_err_not_yours"): `visitor` did not launch it.
            RunError("train_err_end_failed"): the worker would not end (another user's process, or the
                cluster does not answer).
        """
        run = self.get(run_id)
        self._check_owner(run, visitor, operator)
        if not run.live:
            return
        launcher = launchers.of_run(run.status)
        if not launcher.stop(run.status):
            raise RunError("train_err_end_failed", f"the {launcher.name} worker of run {run_id} did not end",
                           run=run_id)
        with writing(self.root):
            (self.path(run_id) / STOP_FILE).touch()  # a worker starting just now stops at its first batch
            now = time.time()
            started = run.status.started
            self.update_status(run_id, state=STOPPED, phase=None, ended=now, ended_by_owner=True,
                               elapsed=now - started if started is not None else None)
        remove_temporary_files(run.path, older_than=0)  # the process is gone: whatever it was writing is half

    @staticmethod
    def _check_owner(run: Run, visitor: str | None, operator: bool = False) -> None:
        if not operator and visitor is not None and not run.changeable_by(visitor):
            raise RunError("train_err_not_yours", f"run {run.id} belongs to another visitor", run=run.id)

    # -- reading
    def get(self, run_id: str) -> Run:
        """The run as it is now, each file checked (`rnnviz.run_files`): one that breaks its rules makes
        the run BROKEN, with the reasons in `damage` and `error`; the files that pass are kept.

        A damaged status.json loses nothing worker.json recorded (owner, times, the worker's handle); a damaged
        run whose worker still lives counts as running, whatever its files say: it keeps its slot, its owner
        can stop or end it, and nobody can delete it (issue 24).

        Raises:
            RunError: there is no such run (never for what a file holds).
        """
        folder = self.path(run_id)
        if folder.is_symlink():  # never followed: its target may be anywhere
            damage = DamagedFile("train_run_damaged_folder_link", f"the run folder {run_id} is a symbolic link (not "
                                 "followed; deleting removes only the link)")
            return Run(id=run_id, path=folder, config=None, status=RunStatus(BROKEN, error=str(damage)),
                       damage=(damage,))
        if not folder.is_dir():
            raise RunError("train_err_no_run", f"no run {run_id}", run=run_id)
        values, damage = run_files.read_status(folder / STATUS_FILE, STATES)
        written_state, owner_known = values.get("state"), _names_owner(values, damage)
        if damage:  # what the status lost, its worker recorded as it started (if it has started)
            identity = self._checked(damage, run_files.read_worker, folder / WORKER_FILE)
            if identity is not None:
                values, owner_known = {**identity, **values}, True
        known = len(damage)
        config = self._checked(damage, run_files.read_config, folder / CONFIG_FILE)
        if config is None and len(damage) == known:
            damage.append(DamagedFile("train_run_damaged_missing", f"{CONFIG_FILE} is missing", file=CONFIG_FILE))
        history = self._checked(damage, run_files.read_history, folder / HISTORY_FILE,
                                run_files.history_limit(config)) or run_files.empty_history()
        test = self._checked(damage, run_files.read_test, folder / TEST_FILE)
        for name, limit in _unread_files(config):  # read later, or only by the worker: a link or size is enough
            self._checked(damage, run_files.check_present, folder / name, limit)
        if damage:
            values = {**values, "state": BROKEN, "error": "; ".join(map(str, damage))}
        status = RunStatus.from_dict(values)
        if status.state == BROKEN and written_state in (None, *ACTIVE):
            status = self._still_working(status, folder / STATUS_FILE)
        elif status.state in ACTIVE:
            alive = launchers.of_run(status).alive(status)
            if alive is False:
                if run_files.read_status(folder / STATUS_FILE, STATES)[0].get("state") not in ACTIVE:
                    return self.get(run_id)  # the worker wrote its end state as it exited: read that
                status = status.replace(state=INTERRUPTED)
            elif (silent := status.silence(time.time())) > stall_seconds(status):
                status = status.replace(state=STALLED, silent_seconds=silent)
            if alive is None:  # a cluster that does not answer: the run as written (its silence makes it STALLED)
                status = status.replace(unanswered=True)
        remove_temporary_files(folder)  # left by a process that died writing them
        return Run(id=run_id, path=folder, config=config, status=status, history=history, test=test,
                   damage=tuple(damage), owner_known=owner_known)

    def _still_working(self, status: RunStatus, status_file: Path) -> RunStatus:
        """A damaged run whose recorded worker (pid or job) still lives: RUNNING, or STALLED once silent too
        long; its damage stays listed. A heartbeat its status lost counts from the file's last write: a
        live worker rewrites it within `run_status.HEARTBEAT_SECONDS`."""
        if (status.pid is None and status.job is None) or launchers.of_run(status).alive(status) is False:
            return status
        status = status.replace(state=RUNNING, heartbeat=status.heartbeat or _last_written(status_file))
        if (silent := status.silence(time.time())) > stall_seconds(status):
            status = status.replace(state=STALLED, silent_seconds=silent)
        return status

    @staticmethod
    def _checked(damage: list[DamagedFile], read, *args):
        """`read(*args)`, or None with the reason added to `damage`."""
        try:
            return read(*args)
        except DamagedFile as error:
            damage.append(error)
            return None

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
                                status=RunStatus(BROKEN, error=f"{type(error).__name__}: {error}")))
        # ids sort by the second they were made; the creation time orders runs made in the same second
        return sorted(runs, key=lambda run: (run.id[:15], run.status.created or 0.0),
                      reverse=True)

    def active(self) -> list[Run]:
        """Runs queued or training, with a live process."""
        return [run for run in self.list() if run.active]

    def load_weights(self, run_id: str) -> dict[str, np.ndarray]:
        """The best weights by name (see `rnnviz.weights`), without TensorFlow."""
        return self.get(run_id).load_weights()

    @contextmanager
    def launch_lock(self) -> Iterator[None]:
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



def log_tail(run: Run, lines: int = 30) -> str:
    """The last lines of the worker's console output (for a failed or interrupted run)."""
    try:
        text = run_files.read_tail(run.path / LOG_FILE).decode("utf-8", errors="replace")
    except (DamagedFile, OSError):  # a link is never followed
        return ""
    return "\n".join(text.splitlines()[-lines:])


def ran_out_of_disk(run: Run) -> bool:
    """The run ended because the disk was full: the worker said so in status.json, or its log does."""
    if run.status.error_key == "train_err_disk_full_run":
        return True
    tail = log_tail(run)
    return DISK_FULL_TEXT in tail or "ENOSPC" in tail
