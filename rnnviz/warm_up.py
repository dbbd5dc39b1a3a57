"""Getting a fresh machine ready for its first training run, in the background.

The first run on a machine pays for two caches the later runs find filled (BENCHMARKS.md,
"click → first point"): the token cache of every review (reading IMDB, ~5 s) and JAX's compiled
programs of the model (~4 s). The training lab starts one warm-up worker when it is opened
and neither is there yet: `python -m rnnviz.train --warm-up` trains the page's default model
(the book's LSTM, quick mode) for one epoch into no run folder, which fills both caches, then
leaves a marker. A learner who reads the form first then gets a later run's start. A click on
Start ends a warm-up still going: the run does the same work itself, on cores it need not share.
Without the data on the machine (no setting, nothing in Keras's cache) no warm-up starts.

Nothing here imports Keras; the warm-up is a process of its own, never the server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from rnnviz import config as cfg
from rnnviz import data, files, launch, processes, runs

WARM_UP_ENV = "RNNVIZ_WARM_UP"  # "0": never warm up (the tests; a server that trains nothing)
MARKER_VERSION = 1  # a new version warms up again (a change in what the warm-up fills)
PROCESS_FILE = "warm-up.json"  # the running warm-up's pid and start ticks, in the cache folder
LOG_FILE = "warm-up.log"


def default_config() -> cfg.RunConfig:
    """The training lab's first model: the book's 9-3 LSTM in quick mode, on the default backend."""
    return cfg.quick(cfg.PRESETS["lstm"])


def marker(config: cfg.RunConfig) -> Path:
    """The file the warm-up leaves when `config`'s caches are filled (one per backend and model)."""
    return data.cache_root() / f"warm-up-v{MARKER_VERSION}-{config.backend}-{config.cell}.done"


def enabled() -> bool:
    return os.environ.get(WARM_UP_ENV, "1") != "0"


def needed(config: cfg.RunConfig) -> bool:
    return enabled() and not marker(config).exists()


def _process() -> tuple[int | None, int | None]:
    """The running warm-up's (pid, start ticks), (None, None) when there is none or its file is damaged."""
    try:
        values = json.loads((data.cache_root() / PROCESS_FILE).read_text(encoding="utf-8"))
        pid, ticks = values["pid"], values["pid_start"]
    except (OSError, ValueError, TypeError, KeyError, RecursionError):
        return None, None
    if not isinstance(pid, int) or not isinstance(ticks, (int, type(None))):
        return None, None
    return pid, ticks


def running() -> bool:
    pid, ticks = _process()
    return pid is not None and processes.process_alive(pid, ticks)


def start(active_runs: int, config: cfg.RunConfig | None = None) -> bool:
    """Start the warm-up when it is needed, none is running and no run trains (it would share the cores).

    Returns:
        True when a warm-up is running now (started here or before).
    """
    config = config or default_config()
    if not needed(config):  # one stat: a machine already warmed up reads nothing more on a rerun
        return False
    if data.local_copy() is None:  # no data on this machine yet: a warm-up would only fail (or download)
        return False
    if running():
        return True
    if active_runs:
        return False
    folder = data.cache_root()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / LOG_FILE, "ab") as log:
            process = subprocess.Popen([sys.executable, "-m", "rnnviz.train", "--warm-up", "--backend", config.backend],
                                       cwd=runs.APP_ROOT, env=launch.worker_env(config), stdin=subprocess.DEVNULL,
                                       stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        files.write_json(folder / PROCESS_FILE, {"pid": process.pid,
                                                 "pid_start": processes.process_start_ticks(process.pid)})
    except OSError:
        return False  # a read-only home: every run then fills its own caches, as before
    processes.reap_in_background(process, "warm-up")
    return True


def stop() -> None:
    """End a warm-up still going (a run is about to start and will fill the caches itself)."""
    pid, ticks = _process()
    if pid is not None:
        processes.terminate(pid, ticks, wait=1.0)
