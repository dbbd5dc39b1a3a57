"""The training worker: trains one run of the book's models and reports into its run folder.

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
history.csv, vocab.json, best.keras and weights.npz (see rnnviz.runs), and a `stop` file in
the run folder ends training after the current batch. KERAS_BACKEND is set
from the config before Keras is imported.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import traceback
from pathlib import Path

import numpy as np

from rnnviz import config as cfg
from rnnviz import data, runs
from rnnviz.config import RunConfig
from rnnviz.models import rnn_layer_names
from rnnviz.runs import RunStore
from rnnviz.text import pad_sequences

_TMP_CHECKPOINT = ".checkpoint-tmp.keras"  # ModelCheckpoint writes here; moved to best.keras whole


# --- data --------------------------------------------------------------------------------------


def load_data(config: RunConfig):
    """The book's padded arrays: `(train_seq, train_y), (val_seq, val_y), (test_seq, test_y)`.

    Raises:
        DataUnavailableError: the IMDB data cannot be found.
    """
    (x_train, y_train), (x_test, y_test) = data.load_imdb(config.num_words)
    train_x, val_x, train_y, val_y = data.book_split(x_train, y_train)
    n_train, n_val, n_test = config.train_samples, config.val_samples, config.test_samples

    def pad(x, y, n):
        return pad_sequences(list(x[:n]), maxlen=config.maxlen), np.asarray(y[:n], dtype="float32")

    return pad(train_x, train_y, n_train), pad(val_x, val_y, n_val), pad(x_test, y_test, n_test)


def load_data_isolated(config: RunConfig):
    """`load_data` in a short-lived helper process, so the worker keeps only the padded arrays.

    See `data.isolated`: the worker's peak memory is then that of training alone (BENCHMARKS.md).
    """
    return data.isolated(_load_data_from_json, cfg.to_json(config))


def _load_data_from_json(config_json: str):
    return load_data(cfg.from_json(config_json))


def peak_memory_mb() -> float | None:
    """This process's peak resident memory so far (MB), or None where the OS does not say (Windows)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux, bytes on macOS
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


# --- weights for the numpy cells ---------------------------------------------------------------


def weight_arrays(model, config: RunConfig) -> dict[str, np.ndarray]:
    """The model's weights by name, in Keras's layout, for weights.npz.

    Names: `embedding` (num_words, embedding_dim) for embedding inputs;
    `rnn{i}_kernel`, `rnn{i}_recurrent_kernel`, `rnn{i}_bias` for recurrent
    layer i (0-based), which `cells.CELLS[cell].from_keras_weights` takes;
    `dense_kernel` (units, 1), `dense_bias` (1,); and `cell`, `inputs` as text.
    """
    arrays: dict[str, np.ndarray] = {"cell": np.array(config.cell), "inputs": np.array(config.inputs)}
    if config.inputs == "embedding":
        arrays["embedding"] = np.asarray(model.get_layer("embedding").get_weights()[0])
    for i, name in enumerate(rnn_layer_names(config)):
        kernel, recurrent_kernel, bias = model.get_layer(name).get_weights()
        arrays.update({f"rnn{i}_kernel": kernel, f"rnn{i}_recurrent_kernel": recurrent_kernel,
                       f"rnn{i}_bias": bias})
    dense_kernel, dense_bias = model.get_layer("dense").get_weights()
    arrays.update(dense_kernel=dense_kernel, dense_bias=dense_bias)
    return {name: np.asarray(value) for name, value in arrays.items()}


# --- callbacks ---------------------------------------------------------------------------------


def _callbacks(store: RunStore, run_id: str, config: RunConfig, started: float):
    """ModelCheckpoint, BestKeeper, EarlyStopping, CSVLogger, StatusWriter, StopOnFile (in this order)."""
    import keras

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
                runs.save_npz_atomic(folder / runs.WEIGHTS_FILE, weight_arrays(self.model, config))

    class StatusWriter(keras.callbacks.Callback):
        """status.json at the start and after every epoch: epoch i / max, timings, best epoch."""

        def __init__(self):
            super().__init__()
            self.epoch_seconds: list[float] = []
            self.best = (np.inf, None, None)  # (val_loss, epoch, val_accuracy)
            self._epoch_start = time.time()

        def on_train_begin(self, logs=None):
            store.update_status(run_id, phase="training", epoch=0, elapsed=time.time() - started)

        def on_epoch_begin(self, epoch, logs=None):
            self._epoch_start = time.time()

        def on_epoch_end(self, epoch, logs=None):
            logs = logs or {}
            self.epoch_seconds.append(time.time() - self._epoch_start)
            val_loss = float(logs.get("val_loss", np.nan))
            if val_loss < self.best[0]:
                self.best = (val_loss, epoch + 1, float(logs.get("val_accuracy", np.nan)))
            store.update_status(
                run_id, epoch=epoch + 1, elapsed=time.time() - started, peak_memory_mb=peak_memory_mb(),
                epoch_seconds=[round(s, 3) for s in self.epoch_seconds],
                seconds_per_epoch=seconds_per_epoch(self.epoch_seconds),
                best_epoch=self.best[1], best_val_loss=_finite(self.best[0]),
                best_val_accuracy=_finite(self.best[2]))

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


def _finite(value):
    return value if value is not None and np.isfinite(value) else None


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

    Uses the Keras backend already loaded, else KERAS_BACKEND. Never raises for a
    training problem: the run ends `failed` with the message in status.json.
    """
    started = time.time()
    folder = store.path(run_id)
    store.update_status(run_id, state=runs.RUNNING, pid=os.getpid(), pid_start=runs.process_start_ticks(os.getpid()),
                        started=started, phase="loading_data", epoch=0, error=None)
    try:
        config = cfg.from_json((folder / runs.CONFIG_FILE).read_text(encoding="utf-8"))
        store.update_status(run_id, epochs=config.epochs)
        (train_seq, train_y), (val_seq, val_y), (test_seq, test_y) = load_data_isolated(config)
        runs.write_vocab(folder, data.load_word_index(), config.num_words)  # to read new reviews later
        store.update_status(run_id, phase="building", train_samples=len(train_y), val_samples=len(val_y),
                            test_samples=len(test_y))
        import keras  # after the data: a missing dataset fails before seconds of imports

        from rnnviz.models import build_model

        store.update_status(run_id, backend=keras.backend.backend())
        set_random_seed(config.seed)
        model = build_model(config)
        callbacks = _callbacks(store, run_id, config, started)
        keeper, early, stopper = callbacks[1], callbacks[2], callbacks[5]
        model.fit(train_seq, train_y, epochs=config.epochs, batch_size=config.batch_size,
                  validation_data=(val_seq, val_y), callbacks=list(callbacks), verbose=2)
        early_stopped = bool(early.stopped_epoch) and not stopper.requested
        if stopper.requested:
            return _finish(store, run_id, runs.STOPPED, started, early_stopped=False)
        if keeper.best_weights is not None:
            model.set_weights(keeper.best_weights)  # the best epoch's weights, also when not stopped early
        store.update_status(run_id, phase="testing")
        loss, accuracy = model.evaluate(test_seq, test_y, batch_size=max(config.batch_size, 256), verbose=0)
        runs.write_json(folder / runs.TEST_FILE, {"loss": float(loss), "accuracy": float(accuracy),
                                                  "samples": int(len(test_y)), "best_epoch": keeper.best_epoch})
        return _finish(store, run_id, runs.DONE, started, early_stopped=early_stopped)
    except data.DataUnavailableError as error:
        return _finish(store, run_id, runs.FAILED, started, error=error.message("en"),
                       error_key=error.key, error_params=error.params)
    except KeyboardInterrupt:
        _finish(store, run_id, runs.INTERRUPTED, started, error="interrupted")
        raise
    except Exception as error:  # noqa: BLE001 - any failure ends the run with its message
        traceback.print_exc()
        return _finish(store, run_id, runs.FAILED, started, error=f"{type(error).__name__}: {error}")


def _finish(store: RunStore, run_id: str, state: str, started: float, **changes) -> str:
    ended = time.time()
    store.update_status(run_id, state=state, phase=None, ended=ended, elapsed=ended - started,
                        peak_memory_mb=peak_memory_mb(), **changes)
    return state


# --- command line ------------------------------------------------------------------------------


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
    args = parser.parse_args(argv)
    if args.run_id is None and args.preset is None and args.config is None:
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
    store = RunStore(args.runs_dir)
    try:
        if args.run_id:
            run_id = runs.check_run_id(args.run_id)
            stored = cfg.from_json((store.path(run_id) / runs.CONFIG_FILE).read_text(encoding="utf-8"))
            config = config_from_args(args, stored)
            if config != stored:
                runs.write_atomic(store.path(run_id) / runs.CONFIG_FILE, cfg.to_json(config))
        else:
            config = config_from_args(args, None)
            run_id = store.create(config)
    except (OSError, ValueError) as error:
        print(f"rnnviz.train: {error}", file=sys.stderr)
        return 2
    # The backend is chosen before the first `import keras` (in train()).
    os.environ["KERAS_BACKEND"] = config.backend
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    print(f"run {run_id} in {store.path(run_id)} on {config.backend}", flush=True)
    state = train(store, run_id)
    run = store.get(run_id)
    print(f"run {run_id}: {state}; epochs {run.epochs_run}, best epoch {run.best_epoch}, "
          f"val_loss {run.best_val_loss}, val_accuracy {run.best_val_accuracy}, "
          f"test accuracy {run.test_accuracy}, {run.seconds_per_epoch} s/epoch"
          + (f"; error: {run.error}" if run.error else ""), flush=True)
    return 0 if state in (runs.DONE, runs.STOPPED) else 1


if __name__ == "__main__":
    sys.exit(main())
