"""The queue for training slots: who waits, in which order, each one's place and expected start; cancelling.

A launch while every slot (`Limits.max_runs`) is taken makes a run that waits (`runs.WAITING`): its
folder holds its config and a status with a `queue_number` (one more than any given so far) and the
click's time (`enqueued`). It takes no slot; `launch.dispatch` starts the waiting runs in that order
as slots free. The queue is nothing but these run folders, so it outlives a server restart.

One visitor keeps at most one run in the queue (`launch.launch` refuses a second: "already queued").
A waiting run stays in line while its owner has a page open: every page of theirs marks it seen
(`mark_seen`, every `SEEN_EVERY_SECONDS`); one unseen for `ABANDON_SECONDS` leaves the queue
(`leave_abandoned`), so sessions that clicked Start and left (a flood of throwaway cookies) free it.
"""

from __future__ import annotations

import heapq
import math
import os
import shutil
import statistics
import time
from collections.abc import Sequence

from rnnviz.config import RunConfig
from rnnviz.runs import DONE, WAITING, Run, RunError, RunStore, writing

SEEN_FILE = "owner_seen"  # in a waiting run's folder: its time of change is when its owner last had a page open
SEEN_EVERY_SECONDS = 30  # how often an open page of the owner marks its waiting run seen
ABANDON_SECONDS = 120  # a waiting run unseen this long leaves the queue (its owner closed every page)


def waiting(runs: Sequence[Run]) -> list[Run]:
    """The waiting runs, first in line first (by queue number, then the click)."""
    queue = [run for run in runs if run.state == WAITING]
    return sorted(queue, key=lambda run: (run.status.queue_number or math.inf, run.status.enqueued or math.inf,
                                          run.id))


def next_number(runs: Sequence[Run]) -> int:
    """The queue number of a run joining now: after every number given to a run still stored."""
    return 1 + max((run.status.queue_number or 0 for run in runs), default=0)


def due(runs: Sequence[Run], max_runs: int) -> bool:
    """Whether a waiting run could start now: someone waits and a slot is free."""
    return sum(run.active for run in runs) < max_runs and any(run.state == WAITING for run in runs)


def waiting_of(runs: Sequence[Run], visitor: str | None) -> Run | None:
    """The visitor's run in the queue, or None (the command line, visitor None, never queues)."""
    return next((run for run in waiting(runs) if visitor is not None and run.owned_by(visitor)), None)


def place(runs: Sequence[Run], run_id: str) -> tuple[int, int] | None:
    """(place, how many wait), place 1 starting next; None when `run_id` does not wait."""
    ids = [run.id for run in waiting(runs)]
    return (ids.index(run_id) + 1, len(ids)) if run_id in ids else None


# --- when a waiting run should start ------------------------------------------------------------------


def _same_work(config: RunConfig) -> RunConfig:
    """What sets the time of one epoch: the model and the data, not the epochs, seed or patience."""
    return config.replace(epochs=1, seed=0, patience=1)


def epoch_seconds(config: RunConfig, runs: Sequence[Run]) -> float | None:
    """Seconds one epoch of `config` should take, from the epochs measured on this server: the median of
    runs of the same model and data, else of every measured run scaled by its number of reviews; None
    before any run has measured one."""
    measured = [run for run in runs if run.config is not None and _finite(run.seconds_per_epoch)]
    same = [run.seconds_per_epoch for run in measured if _same_work(run.config) == _same_work(config)]
    if same:
        return statistics.median(same)
    scaled = [run.seconds_per_epoch * config.train_samples / run.config.train_samples for run in measured]
    return statistics.median(scaled) if scaled else None


def overhead_seconds(runs: Sequence[Run]) -> float:
    """What a run takes besides its epochs (starting Python, Keras, the data, compiling, testing): the median
    over the finished runs; 0 before any."""
    spent = [run.status.ended - run.status.created - run.epochs_run * run.seconds_per_epoch
             for run in runs if run.state == DONE and _finite(run.seconds_per_epoch)
             and run.status.ended is not None and run.status.created is not None]
    return max(statistics.median(spent), 0.0) if spent else 0.0


def run_seconds(config: RunConfig, runs: Sequence[Run]) -> float | None:
    """How long a run of `config` should take from its start, all its epochs (early stopping may end it
    sooner); None while no epoch has been measured."""
    per_epoch = epoch_seconds(config, runs)
    return None if per_epoch is None else overhead_seconds(runs) + config.epochs * per_epoch


def _left_seconds(run: Run, runs: Sequence[Run], now: float) -> float | None:
    """How much longer an active run should take: its own remaining epochs once measured, else its
    expected length less the time since it started."""
    remaining = run.remaining_seconds()
    if remaining is not None:
        return remaining
    if run.config is None or (total := run_seconds(run.config, runs)) is None:
        return None
    return max(total - (now - (run.status.created or now)), 0.0)


def expected_start(runs: Sequence[Run], run_id: str, max_runs: int, now: float | None = None) -> float | None:
    """Seconds from `now` until the waiting run `run_id` should start: the active runs finish their
    epochs, and each run ahead of it in the queue takes a slot as one frees, for its own epochs.

    None when it does not wait, or while a run it waits for has no measured or comparable epoch.
    """
    now = time.time() if now is None else now
    queue = waiting(runs)
    ahead = next((i for i, run in enumerate(queue) if run.id == run_id), None)
    if ahead is None:
        return None
    ends = [_left_seconds(run, runs, now) for run in runs if run.active]  # when each taken slot frees
    lengths = [run_seconds(run.config, runs) if run.config else None for run in queue[:ahead]]
    if None in ends or None in lengths:
        return None
    heapq.heapify(ends)
    clock = 0.0
    for length in [*lengths, 0.0]:  # the runs ahead, then this one
        while len(ends) >= max_runs:  # the next start waits for a slot to free
            clock = max(clock, heapq.heappop(ends))
        heapq.heappush(ends, clock + length)
    return clock


def _finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value) and value > 0


# --- leaving the queue --------------------------------------------------------------------------------


def cancel(store: RunStore, run_id: str, visitor: str | None) -> bool:
    """Take the waiting run `run_id` out of the queue (its folder holds nothing but its settings).

    Under the launch lock, so it never races `launch.dispatch` starting it.

    Returns:
        True when it was removed; False when it no longer waits (it has started: stop it instead).

    Raises:
        RunError("train_err_not_yours"): `visitor` did not launch it.
    """
    with writing(store.root), store.launch_lock():
        run = store.get(run_id)
        if visitor is not None and not run.changeable_by(visitor):
            raise RunError("train_err_not_yours", f"run {run_id} belongs to another visitor", run=run_id)
        if run.state != WAITING:
            return False
        shutil.rmtree(run.path)
    return True


# --- a queue of people still there ----------------------------------------------------------------------


def mark_seen(store: RunStore, run_id: str, now: float | None = None) -> bool:
    """Note that the owner of the waiting run `run_id` has a page open now. False when it no longer
    waits there (started, cancelled, gone): the page stops marking it."""
    folder = store.path(run_id)
    if folder.is_symlink() or not folder.is_dir():
        return False
    seen = folder / SEEN_FILE
    try:
        seen.touch()
        if now is not None:
            os.utime(seen, (now, now))
    except OSError:
        return False  # a read-only or full folder: the run is judged by its click's time
    return True


def last_seen(run: Run) -> float | None:
    """When the owner of a waiting run last had a page open (the seen mark's time), or None: no page ever
    marked it (a run launched by a script or the command line waits for its turn whatever happens)."""
    try:
        return (run.path / SEEN_FILE).stat().st_mtime
    except OSError:
        return None


def abandoned(runs: Sequence[Run], now: float | None = None) -> list[Run]:
    """The waiting runs whose owner had a page open, and has had none for `ABANDON_SECONDS`."""
    now = time.time() if now is None else now
    return [run for run in waiting(runs) if (seen := last_seen(run)) is not None and now - seen > ABANDON_SECONDS]


def leave_abandoned(store: RunStore, runs: Sequence[Run], now: float | None = None) -> list[str]:
    """Take the `abandoned` waiting runs out of the queue (call under the launch lock); their ids."""
    gone = []
    for run in abandoned(runs, now):
        shutil.rmtree(run.path, ignore_errors=True)  # a waiting run's folder holds nothing but its settings
        gone.append(run.id)
    return gone
