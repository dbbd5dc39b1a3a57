"""status.json read as typed fields (`RunStatus`), and how long a live worker may stay silent.

The worker (`rnnviz.train.StatusLog`) writes status.json several times a second; the store
(`rnnviz.runs.RunStore.get`) reads it through `rnnviz.run_files.read_status`, which drops every
field that breaks its type or range, and builds a `RunStatus` from what is left. Pages read its
fields, never the file's keys. The state names themselves live with the store (`rnnviz.runs`).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

HEARTBEAT_SECONDS = 2.0  # a live worker writes status.json at least this often (rnnviz.train.StatusLog)
# Silence after which a live worker counts as stalled: several of its own epochs, at least a minute; before
# its epoch time is known (importing Keras, reading data, compiling), a generous bound.
STALL_MIN_SECONDS = 60
STALL_EPOCHS = 3
STALL_PREPARING_SECONDS = 300

# What happens between the click and the first curve point, in order ("steps", timed by the worker's
# StatusLog): the worker process starts; the data is read while Keras is imported and the model built;
# the first batch waits for the training step to compile; then the rest of epoch 1.
STEPS = ("python", "data", "keras", "model", "compile", "epoch1")


@dataclass(frozen=True)
class RunStatus:
    """One reading of status.json; a field is None when absent or damaged (`run_files.STATUS_SCHEMA`)."""

    state: str  # runs.WAITING ... runs.INTERRUPTED as written; the reader's STALLED / INTERRUPTED / BROKEN
    phase: str | None = None  # run_files.PHASES while the worker is in one
    # times (seconds since the epoch)
    created: float | None = None  # the click on the page (or the command line's start); for a run that
    # waited in the queue, when its slot came (`launch.dispatch`): the steps before its first point count from it
    enqueued: float | None = None  # the click that put the run in the queue (`rnnviz.run_queue`)
    started: float | None = None  # the worker process started
    ended: float | None = None
    heartbeat: float | None = None  # the worker's last write
    # durations (seconds)
    elapsed: float | None = None  # started -> ended (or the last epoch)
    seconds_per_epoch: float | None = None
    epoch_seconds: tuple[float, ...] = ()  # each epoch's duration, in order
    silent_seconds: float | None = None  # never written: how long a STALLED run's worker has not reported
    unanswered: bool = False  # never written: its launcher could not tell whether the worker lives (a Ray
    # cluster that does not answer): the run is shown as written, with a line saying so
    # the worker: who started it and its handle there (`rnnviz.launchers`)
    launcher: str | None = None  # launchers.LAUNCHERS key; None: a local process
    job: str | None = None  # its job on a cluster (Ray: the submission id, `launchers.job_id`)
    pid: int | None = None  # its process (on whichever machine runs it)
    pid_start: int | None = None  # its start ticks (`processes.process_start_ticks`)
    backend: str | None = None  # the Keras backend
    owner: str | None = None  # `owner.owner_hash` of the visitor who launched it (None: the command line)
    queue_number: int | None = None  # its place in the order of the queue: lower starts first
    # progress
    epochs: int | None = None  # the most the run may train
    epoch: int | None = None  # epochs finished
    best_epoch: int | None = None  # 1-based epoch of the lowest validation loss so far
    batch: int | None = None  # batches finished in the current epoch
    batches: int | None = None  # batches per epoch
    steps: dict = field(default_factory=dict)  # {step: [began, ended or None]} seconds after `created`
    # data and resources
    train_samples: int | None = None
    val_samples: int | None = None
    test_samples: int | None = None
    peak_memory_mb: float | None = None
    # how it ended
    early_stopped: bool = False  # validation loss stopped improving before `epochs`
    ended_by_owner: bool = False  # `RunStore.end`: the process was ended, not asked to stop
    error: str | None = None  # the worker's words (English) or the reader's reasons for BROKEN
    error_key: str | None = None  # the same in the page's language: an i18n key ...
    error_params: dict = field(default_factory=dict)  # ... and its parameters

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> RunStatus:
        """The fields of a checked status.json (`run_files.read_status`); unknown keys are left out."""
        known = {name: values.get(name) for name in _FIELD_NAMES
                 if values.get(name) is not None and name not in _READER_ONLY}
        known["epoch_seconds"] = tuple(known.get("epoch_seconds", ()))
        known["steps"] = known["steps"] if isinstance(known.get("steps"), dict) else {}
        known["error_params"] = dict(known.get("error_params") or {})
        known["early_stopped"] = bool(known.get("early_stopped"))
        known["ended_by_owner"] = bool(known.get("ended_by_owner"))
        return cls(**known)

    def replace(self, **changes: Any) -> RunStatus:
        return dataclasses.replace(self, **changes)

    def step_times(self) -> list[tuple[str, float | None, float | None]]:
        """The steps before the first curve point as (name, began, ended) in seconds after the click,
        in `STEPS` order; None for a step not begun / not ended yet (or damaged)."""
        rows = []
        for name in STEPS:
            times = self.steps.get(name)
            began, ended = (times + [None, None])[:2] if isinstance(times, list) else (None, None)
            rows.append((name, began if _is_number(began) else None, ended if _is_number(ended) else None))
        return rows

    @property
    def batch_fraction(self) -> float | None:
        """How far the current epoch is (0..1), from the batch the worker last reported; None if unknown."""
        if self.batch is None or not self.batches:
            return None
        return min(self.batch / self.batches, 1.0)

    def silence(self, now: float) -> float:
        """Seconds since the worker last wrote its heartbeat (or started, or the run was created)."""
        last = next((value for value in (self.heartbeat, self.started, self.created)
                     if value is not None and math.isfinite(value)), None)
        return 0.0 if last is None else max(now - last, 0.0)


_FIELD_NAMES = tuple(item.name for item in dataclasses.fields(RunStatus))
_READER_ONLY = ("silent_seconds", "unanswered")  # what the reader finds out, never taken from the file


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def stall_seconds(status: RunStatus) -> float:
    """How long a live worker may stay silent before its run counts as stalled: `STALL_EPOCHS` of its
    measured epochs (at least `STALL_MIN_SECONDS`) once training; `STALL_PREPARING_SECONDS` before."""
    per_epoch = status.seconds_per_epoch
    if status.phase in ("training", "testing") and per_epoch is not None and math.isfinite(per_epoch) \
            and per_epoch > 0:
        return max(STALL_MIN_SECONDS, STALL_EPOCHS * per_epoch)
    return STALL_PREPARING_SECONDS
