"""Starting a run: what one deployment allows (`Limits`), and the worker process `launch` starts for it.

The worker is `python -m rnnviz.train`, writing only into its run folder; this process (the Streamlit
server) never imports Keras. Where it runs is the launcher's business (`rnnviz.launchers`: a local
process group by default, a Ray job with RNNVIZ_LAUNCHER=ray). Launches are serialised by a file
lock, so a burst of clicks from many sessions starts at most `Limits.max_runs` workers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass

from rnnviz import config as cfg
from rnnviz import launchers
from rnnviz.config import RunConfig
from rnnviz.models import run_cost
from rnnviz.runs import APP_ROOT, RunError, RunStore, writing

MAX_RUNS_ENV = "RNNVIZ_MAX_RUNS"


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


def worker_command(store: RunStore, run_id: str) -> list[str]:
    return [sys.executable, "-m", "rnnviz.train", "--runs-dir", str(store.root), "--run-id", run_id]


def worker_settings(config: RunConfig) -> dict[str, str]:
    """What the worker needs set: the config's Keras backend, unbuffered output, the app importable."""
    return {"KERAS_BACKEND": config.backend, "PYTHONUNBUFFERED": "1",
            "TF_CPP_MIN_LOG_LEVEL": os.environ.get("TF_CPP_MIN_LOG_LEVEL", "2"),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(APP_ROOT), os.environ.get("PYTHONPATH")]))}


def worker_env(config: RunConfig) -> dict[str, str]:
    """The local worker's environment: this process's, with `worker_settings`."""
    return {**os.environ, **worker_settings(config)}


def launch(store: RunStore, config: RunConfig, owner: str | None = None, limits: Limits | None = None) -> str:
    """Create a run and start `python -m rnnviz.train` for it, through the launcher of `RNNVIZ_LAUNCHER`.

    The worker gets KERAS_BACKEND from `config.backend` and writes only into
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
        RunError("train_err_cluster"): RNNVIZ_LAUNCHER names no launcher, or the Ray cluster refused the
            job; nothing is left behind.
    """
    limits = limits or Limits.from_environment()
    limits.check(config)
    with writing(store.root), store.launch_lock():
        active = store.active()
        if len(active) >= limits.max_runs:
            raise RunError("train_err_busy", f"{len(active)} run(s) already training (limit {limits.max_runs})",
                           n=len(active), limit=limits.max_runs, run=active[0].id)
        stored = len(store.ids())
        if stored >= limits.keep_runs:
            raise RunError("train_err_store_full", f"{stored} runs stored (limit {limits.keep_runs})",
                           n=stored, limit=limits.keep_runs)
        launcher = launchers.from_environment()  # a wrong setting refuses before a folder is made
        run_id = store.create(config, owner=owner)
        try:
            _start_worker(store, run_id, config, launcher)
        except (OSError, RunError):
            shutil.rmtree(store.path(run_id), ignore_errors=True)  # no worker: no run
            raise
    return run_id


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
