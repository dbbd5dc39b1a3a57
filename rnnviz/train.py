"""The training worker: trains one run of the book's models and reports into its run folder.

It is long because it is the one module that imports Keras: everything that runs inside the worker
process (seeds, callbacks, caches, the timed steps, its command line) lives here and nowhere else.

Usage (from the project root):

    python -m rnnviz.train --preset lstm                     # the book's LSTM, full data
    python -m rnnviz.train --preset gru --epochs 2 --max-samples 2000 --backend tensorflow
    python -m rnnviz.train --config my_config.json --runs-dir /tmp/runs
    python -m rnnviz.train --runs-dir runs --run-id 20250101-120000-a1b2c3   # a run the page created

The book's procedure (9-2, 9-3): `load_imdb(num_words)`, the book's split
(20,000 / 5,000), `pad_sequences(maxlen)`, RMSprop, binary cross-entropy,
accuracy, `ModelCheckpoint(save_best_only=True)`,
`EarlyStopping(patience, restore_best_weights=True)`, and at the end the loss
and accuracy on the test reviews. `max_train_samples=N` trains on the first N
of the 20,000 and validates on the first N//4 of the 5,000.

The worker knows nothing about Streamlit: Keras callbacks write status.json,
history.csv, vocab.json, best.keras and weights.npz (see rnnviz.runs, rnnviz.weights), and a `stop` file in
the run folder ends training after the current batch. KERAS_BACKEND is set
from the config before Keras is imported.

The first curve point comes as soon as it can (BENCHMARKS.md, issue 11): the
arrays are cut from a cache of every review's ids (`training_data.load_data_cached`, made
once per machine) while Keras is imported and the model built; JAX keeps its
compiled programs on disk; and each step before the first epoch is timed into
status.json for the page to show (`StatusLog`, `run_status.STEPS`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from rnnviz import config as cfg
from rnnviz import data, files, processes, run_status, runs, warm_up, weights
from rnnviz.config import RunConfig
from rnnviz.runs import RunStore
from rnnviz.training_data import load_data_cached

_TMP_CHECKPOINT = ".checkpoint-tmp.keras"  # ModelCheckpoint writes here; moved to best.keras whole


# --- data: rnnviz.training_data ------------------------------------------------------------------


def enable_jax_compilation_cache() -> Path | None:
    """Keep JAX's compiled programs on disk (data.cache_root()/jax): a later run of the same model skips
    most of the ~3 s of compiling before its first epoch (a few hundred KB per model and batch
    shape). None when the folder cannot be made."""
    import jax  # ~0.3 s; Keras imports it anyway

    folder = Path(os.environ.get("JAX_COMPILATION_CACHE_DIR") or data.cache_root() / "jax")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    jax.config.update("jax_compilation_cache_dir", str(folder))
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 0)  # also the small, frequent ones
    jax.config.update("jax_persistent_cache_min_entry_size_bytes", 0)
    return folder


def peak_memory_mb() -> float | None:
    """This process's peak resident memory so far (MB), or None where the OS does not say (Windows)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux, bytes on macOS
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


# --- callbacks ---------------------------------------------------------------------------------


class StatusLog:
    """status.json as the worker's threads (data loading, the main one, the heartbeat) update it, one at a time.

    `begin(step)` / `end(step)` time the steps before the first curve point
    (`run_status.STEPS`), in seconds since the run was created (the click on the
    page), into status["steps"] = {step: [begin, end or None]}. Every write
    carries a `heartbeat` time, and `heartbeat()` writes one at least every
    `run_status.HEARTBEAT_SECONDS` while it lasts, in every phase: a page can tell a
    frozen worker (`runs.STALLED`) from a slow one.

    It keeps its own copy of the status (`own`: the one it started from, with every change since) and
    writes that copy each time (`RunStore.rewrite_status`): a status.json emptied or cut by someone else is
    whole again at the next heartbeat, owner and all, never rebuilt from nothing.

    Raises (on creation):
        RunError("train_err_status_damaged"): the run's status.json cannot be read: whose run it is is
            unknown, so the worker does not train it.
    """

    def __init__(self, store: RunStore, run_id: str, origin: float) -> None:
        self.store, self.run_id, self.origin = store, run_id, origin
        self.steps: dict[str, list[float | None]] = {}
        self._lock = threading.Lock()
        self._written = time.monotonic()  # the last write
        own = store.buildable_status(run_id)
        if own is None:
            raise runs.RunError("train_err_status_damaged", f"the status of run {run_id} cannot be read: whose run "
                                "it is is unknown, so it is not trained", run=run_id)
        self.own: dict = own

    def now(self) -> float:
        return round(time.time() - self.origin, 3)

    def update(self, **changes) -> None:
        with self._lock:
            if "steps" in changes:
                changes["steps"] = {name: list(times) for name, times in self.steps.items()}
            self.own.update(changes, heartbeat=time.time())
            self.store.rewrite_status(self.run_id, self.own)
            self._written = time.monotonic()

    def record_worker(self, **process) -> None:
        """worker.json: the run's identity and this process (`RunStore.record_worker`), once, as the worker starts."""
        self.store.record_worker(self.run_id, {**self.own, **process})

    @contextmanager
    def heartbeat(self):
        """A thread that keeps the heartbeat fresh while the block runs (importing, reading, compiling...)."""
        done = threading.Event()
        thread = threading.Thread(target=self._beat, args=(done,), daemon=True, name="heartbeat")
        thread.start()
        try:
            yield
        finally:
            done.set()
            thread.join()

    def _beat(self, done: threading.Event) -> None:
        while not done.wait(run_status.HEARTBEAT_SECONDS / 2):
            if time.monotonic() - self._written >= run_status.HEARTBEAT_SECONDS / 2:
                try:
                    self.update()
                except OSError:
                    pass  # a full disk: the page sees the silence, the main thread's error says why

    def remove_temporary_files(self) -> None:
        """This process's half-written files in the run folder (a failed checkpoint holds the room the final
        status needs); under the lock, so never one the heartbeat is writing."""
        with self._lock:
            files.remove_temporary_files(self.store.path(self.run_id), older_than=0, pid=os.getpid())

    def begin(self, *steps: str, **changes) -> None:
        for step in steps:
            self.steps[step] = [self.now(), None]
        self.update(steps=True, **changes)

    def end(self, step: str, **changes) -> None:
        self.steps.setdefault(step, [self.now(), None])[1] = self.now()
        self.update(steps=True, **changes)


BATCH_REPORT_SECONDS = 0.3  # status.json gets the batch within the epoch at most this often


def _callbacks(store: RunStore, run_id: str, config: RunConfig, started: float, log: StatusLog | None = None):
    """ModelCheckpoint, BestKeeper, EarlyStopping, CSVLogger, StatusWriter, StopOnFile (in this order)."""
    import keras

    log = log or StatusLog(store, run_id, started)

    folder = store.path(run_id)

    class BestKeeper(keras.callbacks.Callback):
        """Moves a new checkpoint into place atomically and writes weights.npz beside it."""

        def __init__(self):
            super().__init__()
            self.best_weights = None
            self.best_epoch = None

        def on_epoch_end(self, epoch, logs=None):
            tmp = folder / _TMP_CHECKPOINT
            if tmp.exists():  # ModelCheckpoint just saved: val_loss improved
                os.replace(tmp, folder / runs.MODEL_FILE)
                self.best_weights = self.model.get_weights()
                self.best_epoch = epoch + 1
                files.save_npz_atomic(folder / runs.WEIGHTS_FILE, weights.from_model(self.model, config))

    class StatusWriter(keras.callbacks.Callback):
        """status.json as training goes: compiling, the batch within the epoch (at most every
        BATCH_REPORT_SECONDS), and after every epoch: epoch i / max, timings, best epoch."""

        def __init__(self):
            super().__init__()
            self.epoch_seconds: list[float] = []
            self.best_loss, self.best_epoch = np.inf, None  # the page reads the best val_loss/accuracy from history.csv
            self._epoch_start = time.time()
            self._epoch = 0
            self._reported = 0.0

        def on_train_begin(self, logs=None):
            # The first batch waits for JAX / TensorFlow to compile the training step.
            log.begin("compile", phase="compiling", epoch=0, batch=0, batches=self.params.get("steps"),
                      elapsed=time.time() - started)

        def on_epoch_begin(self, epoch, logs=None):
            self._epoch_start = time.time()
            self._epoch = epoch

        def on_train_batch_end(self, batch, logs=None):
            now = time.time()
            if self._epoch == 0 and batch == 0:
                log.end("compile")
                log.begin("epoch1", phase="training", batch=1)
                self._reported = now
            elif now - self._reported >= BATCH_REPORT_SECONDS:
                log.update(batch=batch + 1)
                self._reported = now

        def on_epoch_end(self, epoch, logs=None):
            logs = logs or {}
            self.epoch_seconds.append(time.time() - self._epoch_start)
            val_loss = float(logs.get("val_loss", np.nan))
            if val_loss < self.best_loss:
                self.best_loss, self.best_epoch = val_loss, epoch + 1
            if epoch == 0:
                log.end("epoch1")
            log.update(
                epoch=epoch + 1, batch=0, elapsed=time.time() - started, peak_memory_mb=peak_memory_mb(),
                epoch_seconds=[round(s, 3) for s in self.epoch_seconds],
                seconds_per_epoch=seconds_per_epoch(self.epoch_seconds),
                best_epoch=self.best_epoch)

    class StopOnFile(keras.callbacks.Callback):
        """Ends training after the current batch once the page has written the `stop` file."""

        requested = False

        def _check(self):
            if (folder / runs.STOP_FILE).exists():
                self.requested = True
                self.model.stop_training = True

        def on_train_begin(self, logs=None):
            self._check()

        def on_train_batch_end(self, batch, logs=None):
            self._check()

    checkpoint = keras.callbacks.ModelCheckpoint(str(folder / _TMP_CHECKPOINT), monitor="val_loss",
                                                 save_best_only=True)
    early = keras.callbacks.EarlyStopping(monitor="val_loss", patience=config.patience,
                                          restore_best_weights=True)
    logger = keras.callbacks.CSVLogger(str(folder / runs.HISTORY_FILE))
    return checkpoint, BestKeeper(), early, logger, StatusWriter(), StopOnFile()


def seconds_per_epoch(epoch_seconds: list[float]) -> float | None:
    """The typical epoch: the median, leaving out the first (it includes compiling) when there are more."""
    if not epoch_seconds:
        return None
    steady = epoch_seconds[1:] if len(epoch_seconds) > 1 else epoch_seconds
    return round(statistics.median(steady), 3)


def set_random_seed(seed: int) -> None:
    """`keras.utils.set_random_seed`, without importing TensorFlow on the JAX backend.

    Keras seeds TensorFlow whenever it is installed (for tf.data pipelines, which
    the worker does not use); on JAX that import alone costs ~600 MB and seconds.
    """
    import keras

    if keras.backend.backend() == "tensorflow" or "tensorflow" in sys.modules:
        keras.utils.set_random_seed(seed)
        return
    sys.modules["tensorflow"] = None  # makes `import tensorflow` fail: Keras then skips it
    try:
        keras.utils.set_random_seed(seed)
    finally:
        if "tensorflow" in sys.modules and sys.modules["tensorflow"] is None:
            del sys.modules["tensorflow"]


# --- one run -----------------------------------------------------------------------------------


def train(store: RunStore, run_id: str) -> str:
    """Train the run `run_id` (its folder must hold config.json); returns the final state.

    The data is read (from the token cache, else in a helper process) while
    Keras is imported and the model built, on the other core. Each step before
    the first epoch is timed into status.json (`StatusLog`). Uses the Keras
    backend already loaded, else KERAS_BACKEND. Never raises for a training
    problem: the run ends `failed` with the message in status.json (a full disk
    with `error_key` train_err_disk_full_run), leaving no half-written file.

    Raises:
        RunError("train_err_status_damaged"): status.json cannot be read as the worker starts (`StatusLog`).
    """
    started = time.time()
    log = StatusLog(store, run_id, origin=started)
    try:
        log.origin = log.own.get("created") or started
        log.steps["python"] = [0.0, log.now()]  # from the click to this line: the process and its imports
        process = {"pid": os.getpid(), "pid_start": processes.process_start_ticks(os.getpid()), "started": started}
        log.record_worker(**process)  # before the first status naming it: a reader of a damaged one finds it
        log.begin("data", "keras", state=runs.RUNNING, phase="preparing", epoch=0, error=None, **process)
        with log.heartbeat():
            return _train(store, run_id, log, started)
    except data.DataUnavailableError as error:
        return _finish(log, runs.FAILED, started, error=error.message("en"),
                       error_key=error.key, error_params=error.params)
    except KeyboardInterrupt:
        _finish(log, runs.INTERRUPTED, started, error="interrupted")
        raise
    except Exception as error:  # noqa: BLE001 - any failure ends the run with its message
        _say(traceback.format_exc())
        if files.is_disk_full(error):  # the page names the cause in the learner's language
            return _finish(log, runs.FAILED, started, error=f"{type(error).__name__}: {error}",
                           error_key="train_err_disk_full_run", error_params={})
        return _finish(log, runs.FAILED, started, error=f"{type(error).__name__}: {error}")


def _train(store: RunStore, run_id: str, log: StatusLog, started: float) -> str:
    """`train`'s work: read the data beside importing Keras, fit, test; the final state."""
    folder = store.path(run_id)
    config = cfg.from_json((folder / runs.CONFIG_FILE).read_text(encoding="utf-8"))
    log.update(epochs=config.epochs)
    data.local_data_dir()  # a wrong RNNVIZ_DATA_DIR fails here, before seconds of imports
    with ThreadPoolExecutor(1, thread_name_prefix="data") as pool:
        arrays = pool.submit(_read_data, config, folder, log)
        if _backend_to_load() == "jax":
            enable_jax_compilation_cache()  # before Keras: importing it may compile already
        import keras

        from rnnviz.models import build_model

        log.end("keras", backend=keras.backend.backend())
        log.begin("model")
        set_random_seed(config.seed)
        model = build_model(config)
        log.end("model")
        (train_seq, train_y), (val_seq, val_y), (test_seq, test_y) = arrays.result()
    callbacks = _callbacks(store, run_id, config, started, log)
    keeper, early, stopper = callbacks[1], callbacks[2], callbacks[5]
    model.fit(train_seq, train_y, epochs=config.epochs, batch_size=config.batch_size,
              validation_data=(val_seq, val_y), callbacks=list(callbacks), verbose=2)
    _note_caches_filled(config)
    early_stopped = bool(early.stopped_epoch) and not stopper.requested
    if stopper.requested:
        return _finish(log, runs.STOPPED, started, early_stopped=False)
    if keeper.best_weights is not None:
        model.set_weights(keeper.best_weights)  # the best epoch's weights, also when not stopped early
    log.update(phase="testing")
    loss, accuracy = model.evaluate(test_seq, test_y, batch_size=max(config.batch_size, 256), verbose=0)
    files.write_json(folder / runs.TEST_FILE, {"loss": float(loss), "accuracy": float(accuracy),
                                              "samples": int(len(test_y)), "best_epoch": keeper.best_epoch})
    return _finish(log, runs.DONE, started, early_stopped=early_stopped)


def _backend_to_load() -> str:
    """The Keras backend this process uses: the loaded one, else KERAS_BACKEND (Keras's default: tensorflow)."""
    if "keras" in sys.modules:
        return sys.modules["keras"].backend.backend()
    return os.environ.get("KERAS_BACKEND", "tensorflow")


def _read_data(config: RunConfig, folder: Path, log: StatusLog):
    """The padded arrays and vocab.json (to read new reviews later); runs beside the Keras import."""
    arrays = load_data_cached(config)
    runs.write_vocab(folder, data.load_word_index(), config.num_words)
    (_, train_y), (_, val_y), (_, test_y) = arrays
    log.end("data", train_samples=len(train_y), val_samples=len(val_y), test_samples=len(test_y))
    return arrays


def _finish(log: StatusLog, state: str, started: float, **changes) -> str:
    """The final status; when even that cannot be written (a full disk), the log says so and the page finds
    the run interrupted, with this log."""
    ended = time.time()
    log.remove_temporary_files()  # half written: never left
    try:
        log.update(state=state, phase=None, ended=ended, elapsed=ended - started, peak_memory_mb=peak_memory_mb(),
                   **changes)
    except OSError as error:
        _say(f"rnnviz.train: could not write the final status ({state}): {error}")
    return state


def _say(message: str) -> None:
    """A line for worker.log (the worker's stderr); a full disk may refuse even that."""
    try:
        print(message, file=sys.stderr, flush=True)
    except OSError:
        pass


# --- command line ------------------------------------------------------------------------------


def prepare_caches(config: RunConfig) -> None:
    """What `python -m rnnviz.train --warm-up` does (`rnnviz.warm_up`): fill the caches a first run of
    `config` needs, the token cache and, on JAX, the compiled programs of its model and batch shapes,
    by training the model one epoch on its own data into no run folder; then leave the marker."""
    if config.backend == "jax":
        enable_jax_compilation_cache()
    (train_seq, train_y), (val_seq, val_y), _ = load_data_cached(config)
    from rnnviz.models import build_model  # imports Keras, on the backend KERAS_BACKEND names

    set_random_seed(config.seed)
    model = build_model(config)
    model.fit(train_seq, train_y, epochs=1, batch_size=config.batch_size, validation_data=(val_seq, val_y),
              verbose=0)
    _note_caches_filled(config)


def _note_caches_filled(config: RunConfig) -> None:
    """After a run's epochs its caches are as a warm-up leaves them: no warm-up is needed any more."""
    try:
        if not warm_up.marker(config).exists():
            files.write_atomic(warm_up.marker(config), f"{time.time()}\n")
    except OSError:
        pass  # a read-only cache folder: a later page may warm up once more, nothing worse


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m rnnviz.train", description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--preset", choices=sorted(cfg.PRESETS), help="one of the book's models")
    source.add_argument("--config", type=Path, help="a RunConfig JSON file")
    parser.add_argument("--runs-dir", type=Path, default=None, help=f"default: ${runs.RUNS_DIR_ENV} or runs/")
    parser.add_argument("--run-id", help="train this existing run (created by the page)")
    parser.add_argument("--epochs", type=int, help="at most this many epochs")
    parser.add_argument("--max-samples", type=int, help="first N training reviews (validation: N//4)")
    parser.add_argument("--max-test-samples", type=int, help="evaluate on the first N test reviews")
    parser.add_argument("--num-words", type=int, help="vocabulary size (e.g. 200 as the current 9-2 notebook)")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--backend", choices=cfg.BACKENDS, help="default: jax when installed")
    parser.add_argument("--warm-up", action="store_true",
                        help="fill the caches of a first run of the training lab's default model, train no run")
    args = parser.parse_args(argv)
    if args.run_id is None and args.preset is None and args.config is None and not args.warm_up:
        parser.error("give --preset, --config or --run-id")
    return args


def config_from_args(args: argparse.Namespace, base: RunConfig | None) -> RunConfig:
    if args.preset:
        base = cfg.PRESETS[args.preset]
    elif args.config:
        base = cfg.from_json(args.config.read_text(encoding="utf-8"))
    changes = {name: value for name, value in (
        ("epochs", args.epochs), ("max_train_samples", args.max_samples),
        ("max_test_samples", args.max_test_samples), ("num_words", args.num_words),
        ("seed", args.seed), ("backend", args.backend)) if value is not None}
    return base.replace(**changes)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.warm_up:
        config = warm_up.default_config().replace(**({"backend": args.backend} if args.backend else {}))
        os.environ["KERAS_BACKEND"] = config.backend  # before the first `import keras`
        prepare_caches(config)
        return 0
    store = RunStore(args.runs_dir)
    try:
        if args.run_id:
            run_id = runs.check_run_id(args.run_id)
            stored = cfg.from_json((store.path(run_id) / runs.CONFIG_FILE).read_text(encoding="utf-8"))
            config = config_from_args(args, stored)
            if config != stored:
                files.write_atomic(store.path(run_id) / runs.CONFIG_FILE, cfg.to_json(config))
        else:
            config = config_from_args(args, None)
            run_id = store.create(config)
    except (OSError, ValueError, runs.RunError) as error:
        print(f"rnnviz.train: {error}", file=sys.stderr)
        return 2
    # The backend is chosen before the first `import keras` (in train()).
    os.environ["KERAS_BACKEND"] = config.backend
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    print(f"run {run_id} in {store.path(run_id)} on {config.backend}", flush=True)
    try:
        state = train(store, run_id)
    except runs.RunError as error:  # its status.json cannot be read: nobody knows whose run it is
        print(f"rnnviz.train: {error}", file=sys.stderr, flush=True)
        state = None
    if args.run_id:  # a run the page made: its slot is free now, the next in the queue starts
        from rnnviz import launch  # not at the top: `python -m rnnviz.train --preset` never needs it

        launch.after_worker(store)
    if state is None:
        return 2
    run = store.get(run_id)
    print(f"run {run_id}: {state}; epochs {run.epochs_run}, best epoch {run.best_epoch}, "
          f"val_loss {run.best_val_loss}, val_accuracy {run.best_val_accuracy}, "
          f"test accuracy {run.test_accuracy}, {run.seconds_per_epoch} s/epoch"
          + (f"; error: {run.error}" if run.error else ""), flush=True)
    return 0 if state in (runs.DONE, runs.STOPPED) else 1


if __name__ == "__main__":
    sys.exit(main())
