"""Starting a run: what one deployment allows (`Limits`), and the worker process `launch` starts for it.

The worker is `python -m rnnviz.train`, writing only into its run folder; this process (the Streamlit
server) never imports Keras. Where it runs is the launcher's business (`rnnviz.launchers`: a local
process group by default, a Ray job with RNNVIZ_LAUNCHER=ray). Launches are serialised by a file
lock, so a burst of clicks from many sessions starts at most `Limits.max_runs` workers; the others
wait in the queue (`rnnviz.run_queue`), and `dispatch` starts them in order as slots free: when a
worker ends (the worker itself, and the thread that reaps a local one) and when a page reads the runs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass

from rnnviz import config as cfg
from rnnviz import launchers, run_queue
from rnnviz.config import RunConfig
from rnnviz.models import run_cost
from rnnviz.processes import reap_in_background
from rnnviz.runs import APP_ROOT, FAILED, QUEUED, WAITING, Run, RunError, RunStore, writing

MAX_RUNS_ENV = "RNNVIZ_MAX_RUNS"
# The worker's module: tests and benchmarks put a stand-in worker here to run the real queue quickly.
WORKER_MODULE_ENV = "RNNVIZ_WORKER_MODULE"


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
    epochs and 20,000 reviews at most, at most 30 runs kept on disk (the oldest
    finished ones make room for a new one), at most 30 waiting, and a model
    whose estimated peak memory (`models.run_cost`; the book's largest, one-hot
    SimpleRNN: ~790 MB) and size stay within what a 2.7 GB Cloud app can hold.
    """

    max_runs: int = 1  # RNNVIZ_MAX_RUNS: training processes at once
    max_epochs: int = 100  # RNNVIZ_MAX_EPOCHS: epochs per run
    max_reviews: int = cfg.BOOK_TRAIN_SIZE  # RNNVIZ_MAX_REVIEWS: training reviews per run
    keep_runs: int = 30  # RNNVIZ_KEEP_RUNS: runs stored besides the waiting ones; at the limit the oldest finished go
    max_waiting: int = 30  # RNNVIZ_MAX_WAITING: runs in the queue at once (one per visitor)
    max_memory_mb: int = 2_000  # RNNVIZ_MAX_MEMORY_MB: a run's estimated peak memory
    max_params: int = 5_000_000  # RNNVIZ_MAX_PARAMS: a model's parameters (× 4 bytes: 20 MB of weights)

    @classmethod
    def from_environment(cls) -> Limits:
        defaults = cls()
        return cls(max_runs=_int_setting(MAX_RUNS_ENV, defaults.max_runs),
                   max_epochs=_int_setting("RNNVIZ_MAX_EPOCHS", defaults.max_epochs),
                   max_reviews=_int_setting("RNNVIZ_MAX_REVIEWS", defaults.max_reviews, low=8),
                   keep_runs=_int_setting("RNNVIZ_KEEP_RUNS", defaults.keep_runs),
                   max_waiting=_int_setting("RNNVIZ_MAX_WAITING", defaults.max_waiting),
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


def worker_command(store: RunStore, run_id: str) -> list[str]:
    module = os.environ.get(WORKER_MODULE_ENV, "").strip() or "rnnviz.train"
    return [sys.executable, "-m", module, "--runs-dir", str(store.root), "--run-id", run_id]


def worker_settings(config: RunConfig) -> dict[str, str]:
    """What the worker needs set: the config's Keras backend, unbuffered output, the app importable."""
    return {"KERAS_BACKEND": config.backend, "PYTHONUNBUFFERED": "1",
            "TF_CPP_MIN_LOG_LEVEL": os.environ.get("TF_CPP_MIN_LOG_LEVEL", "2"),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(APP_ROOT), os.environ.get("PYTHONPATH")]))}


def worker_env(config: RunConfig) -> dict[str, str]:
    """The local worker's environment: this process's, with `worker_settings`."""
    return {**os.environ, **worker_settings(config)}


def launch(store: RunStore, config: RunConfig, owner: str | None = None, limits: Limits | None = None) -> str:
    """Create a run and start `python -m rnnviz.train` for it through the launcher of `RNNVIZ_LAUNCHER`, or
    queue it.

    The worker gets KERAS_BACKEND from `config.backend` and writes only into
    the run folder; this process (the Streamlit server) never imports Keras.
    Launches are serialised by a file lock, so a burst of clicks from many
    sessions starts at most `limits.max_runs` processes, each in its own new folder.
    While every slot is taken, or others wait already, the run waits in the queue
    (`rnnviz.run_queue`, state WAITING) and `dispatch` starts it when its turn comes.

    Args:
        owner: the visitor launching, as `owner.owner_hash` of their token (stored in status.json;
            only they may stop, cancel or delete the run).
        limits: default `Limits.from_environment()`.

    Raises:
        RunError("train_err_already_queued"): `owner` has a run in the queue already (nothing changes).
        RunError("train_err_limit_epochs" / "train_err_limit_reviews"): the config asks for too much.
        RunError("train_err_store_full"): `keep_runs` runs are stored and none has finished (all train or
            stalled), so none can make room. A finished run never blocks a start: the oldest finished runs
            of other visitors are deleted first, this visitor's own last (`make_room`).
        RunError("train_err_queue_full"): `max_waiting` runs wait already (abandoned ones left first).
        RunError("train_err_runs_readonly" / "train_err_disk_full" / "train_err_runs_os"): the runs folder
            cannot be written, or the process cannot start; nothing is left behind.
        RunError("train_err_cluster"): RNNVIZ_LAUNCHER names no launcher, or the Ray cluster refused the
            job; nothing is left behind.
    """
    limits = limits or Limits.from_environment()
    limits.check(config)
    with writing(store.root), store.launch_lock():
        listed = store.list()
        if run_queue.leave_abandoned(store, listed):  # sessions that clicked Start and left
            listed = store.list()
        queued = run_queue.waiting_of(listed, owner)
        if queued is not None:
            place, total = run_queue.place(listed, queued.id)
            raise RunError("train_err_already_queued", f"run {queued.id} waits already ({place} / {total})",
                           run=queued.id, place=place, total=total)
        listed = make_room(store, listed, owner, limits.keep_runs)
        queue = run_queue.waiting(listed)
        if len(queue) >= limits.max_waiting:
            raise RunError("train_err_queue_full", f"{len(queue)} runs wait (limit {limits.max_waiting})",
                           n=len(queue), limit=limits.max_waiting)
        launcher = launchers.from_environment()  # a wrong setting refuses before a folder is made
        if sum(run.active for run in listed) < limits.max_runs and not run_queue.waiting(listed):
            run_id = store.create(config, owner=owner)
            try:
                started = [(run_id, _start_worker(store, run_id, config, launcher))]
            except (OSError, RunError):
                shutil.rmtree(store.path(run_id), ignore_errors=True)  # no worker: no run
                raise
        else:
            run_id = store.create(config, owner=owner, queue_number=run_queue.next_number(listed))
            started = _dispatch_locked(store, limits, launcher)  # slots freed since nobody looked (a restart)
    _dispatch_when_ended(started, store, limits)
    return run_id


def make_room(store: RunStore, listed: list[Run], owner: str | None, keep_runs: int) -> list[Run]:
    """Delete the oldest finished runs until one more fits beside the `keep_runs` stored ones (waiting
    runs are not counted: they have a bound of their own). Other visitors' runs go first, `owner`'s own
    last: a class's throwaway sessions cannot fill the store for good. Call under the launch lock.

    Returns:
        The runs left (`listed` when nothing was deleted).

    Raises:
        RunError("train_err_store_full"): every stored run still trains (nothing finished can go).
    """
    stored = [run for run in listed if run.state != WAITING]
    excess = len(stored) - keep_runs + 1
    if excess <= 0:
        return listed
    finished = [run for run in stored if not run.live]
    if len(finished) < excess:
        raise RunError("train_err_store_full", f"{len(stored)} runs stored (limit {keep_runs}), none finished",
                       n=len(stored), limit=keep_runs)
    # the oldest first, other visitors' before the launching visitor's own (`Run.owned_by`)
    doomed = sorted(finished, key=lambda run: (owner is not None and run.owned_by(owner), run.launched or 0.0,
                                               run.id))[:excess]
    for run in doomed:
        store.delete(run.id)  # visitor None: the server itself, as the owner's check is for visitors
    return [run for run in listed if run not in doomed]


def dispatch(store: RunStore, limits: Limits | None = None) -> list[str]:
    """Start the waiting runs, first in line first, while fewer than `limits.max_runs` are active.

    Called when a worker ends (by the worker itself, `after_worker`, and by the thread that reaps a
    local one) and when a page reads the runs; the queue lives in the runs folder, so after a server
    restart the first page or the next worker's end moves it on. A run whose process cannot start
    ends failed, with the reason, and the next one is tried; when the cluster does not answer, the
    run keeps its place and the next dispatch tries again.

    Returns:
        The ids of the runs started.
    """
    limits = limits or Limits.from_environment()
    with store.launch_lock():
        started = _dispatch_locked(store, limits, launchers.from_environment())
    _dispatch_when_ended(started, store, limits)
    return [run_id for run_id, _ in started]


def _dispatch_locked(store: RunStore, limits: Limits,
                     launcher: launchers.Launcher) -> list[tuple[str, subprocess.Popen | None]]:
    """`dispatch`'s work, under the launch lock: (run id, local process or None) of each run started."""
    listed = store.list()
    if run_queue.leave_abandoned(store, listed):
        listed = store.list()
    free = limits.max_runs - sum(run.active for run in listed)
    started = []
    for run in run_queue.waiting(listed)[:max(free, 0)]:
        try:  # its slot from now: the steps before its first point count from here (`RunStatus.created`)
            store.update_status(run.id, state=QUEUED, created=time.time(), pid=None)
        except RunError:  # its status was damaged since it was listed: no worker for a run of unknown owner
            continue
        try:
            started.append((run.id, _start_worker(store, run.id, run.config, launcher)))
        except OSError as error:  # this run's process cannot start: it ends, the next one may
            _mark_failed(store, run.id, error)
        except RunError:  # the cluster did not take it: back in its place, tried again next time
            with contextlib.suppress(RunError):  # unless its status was damaged meanwhile: then it stays so
                store.update_status(run.id, state=WAITING, created=run.status.created, launcher=None, job=None)
            break
    return started


def _mark_failed(store: RunStore, run_id: str, error: OSError) -> None:
    """A waiting run whose process could not start: failed, with the reason (if even that can be written)."""
    try:
        store.update_status(run_id, state=FAILED, ended=time.time(), error=f"{type(error).__name__}: {error}")
    except (OSError, RunError):
        pass  # a full or read-only disk: the page finds it interrupted after the launch grace time


def after_worker(store: RunStore) -> list[str]:
    """A worker's last act, its own status final: start the next waiting runs (with no page open).

    Each local one starts as a process of its own session, so it outlives the worker that started it.
    """
    try:
        return dispatch(store)
    except (OSError, RunError):
        return []  # the runs folder cannot be written: the next page or worker's end tries again


def _dispatch_when_ended(started: list[tuple[str, subprocess.Popen | None]], store: RunStore,
                         limits: Limits) -> None:
    """For each local worker started: once it has ended, start whoever waits (a killed worker never
    dispatches itself). A worker elsewhere (a Ray job) has no process here: its own end dispatches."""
    for run_id, process in started:
        if process is not None:
            reap_in_background(process, run_id, then=lambda: _dispatch_quietly(store, limits))


def _dispatch_quietly(store: RunStore, limits: Limits) -> None:
    try:
        dispatch(store, limits)
    except (OSError, RunError):
        pass  # on a thread no page waits for: the next page or worker's end tries again


def _start_worker(store: RunStore, run_id: str, config: RunConfig,
                  launcher: launchers.Launcher | None = None) -> subprocess.Popen | None:
    """Start the worker of a created (queued) run through `launcher` (default: `RNNVIZ_LAUNCHER`'s), which
    notes its handle in status.json: a local process (output into worker.log, pid noted, reaped in the
    background) is returned; a worker elsewhere (a Ray job) gives None.

    Raises:
        OSError: the process could not start. RunError("train_err_cluster"): no such launcher, or the
            cluster refused the job.
    """
    return (launcher or launchers.from_environment()).start(store, run_id, config)
