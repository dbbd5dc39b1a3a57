"""Benchmark: the training worker against the book's plain tf.keras script.

Two measurements, each ratio taken in one run of this script:

1. **Seconds per epoch** on the full book split (20,000 train / 5,000 validation):
   `python -m rnnviz.train --preset P --backend jax` versus the book's code
   (Keras 3 on TensorFlow, `model.fit` on the padded arrays, ModelCheckpoint +
   EarlyStopping) for the same preset and data. Both report each epoch's time
   (training + validation); the first epoch (compiling) is left out and the
   median of the rest is compared.
2. **Peak memory** (max RSS of the process, from `os.wait4`, helper processes
   included) of a full `onehot-simplernn` run at num_words=500: the worker
   (one-hot inside the model, batch by batch) versus the book's
   `to_categorical` path. The baseline is run on subsets only (it needs ~22 GB
   at full size) and extrapolated linearly to 20,000 reviews; the output says so.

Both sides read IMDB through `rnnviz.data.load_imdb` (the offline copy, equal
to `keras.datasets.imdb.load_data`), so no download is timed.

Run from the project root (takes ~5 minutes on 2 cores):

    RNNVIZ_DATA_DIR=../shared/data/imdb python bench/bench_train.py
    python bench/bench_train.py --presets lstm --epochs 3 --skip-memory

Prints a markdown section for BENCHMARKS.md and writes bench/out/bench_train.json.
Goals: worker >= 3x faster per epoch (embedding SimpleRNN, LSTM); one-hot run <= 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rnnviz import config as cfg  # noqa: E402
from rnnviz.runs import RunStore  # noqa: E402

# The book's 9-2 / 9-3 code (Keras 3 on TensorFlow), with an epoch timer added.
BOOK_SCRIPT = textwrap.dedent('''
    import json, sys, time
    import keras
    from rnnviz.data import load_imdb                      # = keras.datasets.imdb.load_data, offline
    from sklearn.model_selection import train_test_split

    spec = json.loads(sys.argv[1])
    keras.utils.set_random_seed(42)
    (train_input, train_target), (test_input, test_target) = load_imdb(num_words=spec["num_words"])
    train_input, val_input, train_target, val_target = train_test_split(
        train_input, train_target, test_size=0.2, random_state=42)
    n = spec["samples"]
    train_input, train_target = train_input[:n], train_target[:n]
    val_input, val_target = val_input[:max(1, n // 4)], val_target[:max(1, n // 4)]
    train_seq = keras.utils.pad_sequences(train_input, maxlen=100)
    val_seq = keras.utils.pad_sequences(val_input, maxlen=100)

    model = keras.Sequential()
    if spec["inputs"] == "onehot":
        train_x = keras.utils.to_categorical(train_seq)          # (n, 100, 500): the book's one-hot
        val_x = keras.utils.to_categorical(val_seq)
        model.add(keras.layers.Input(shape=(100, spec["num_words"])))
    else:
        train_x, val_x = train_seq, val_seq
        model.add(keras.layers.Input(shape=(100,)))
        model.add(keras.layers.Embedding(spec["num_words"], 16))
    model.add(getattr(keras.layers, spec["cell"])(8, dropout=spec["dropout"]))
    model.add(keras.layers.Dense(1, activation='sigmoid'))
    rmsprop = keras.optimizers.RMSprop(learning_rate=1e-4)
    model.compile(optimizer=rmsprop, loss='binary_crossentropy', metrics=['accuracy'])

    class Timer(keras.callbacks.Callback):
        def on_train_begin(self, logs=None): self.times = []
        def on_epoch_begin(self, epoch, logs=None): self.start = time.time()
        def on_epoch_end(self, epoch, logs=None): self.times.append(time.time() - self.start)

    timer = Timer()
    checkpoint_cb = keras.callbacks.ModelCheckpoint(spec["checkpoint"], save_best_only=True)
    early_stopping_cb = keras.callbacks.EarlyStopping(patience=3, restore_best_weights=True)
    model.fit(train_x, train_target, epochs=spec["epochs"], batch_size=64,
              validation_data=(val_x, val_target), callbacks=[checkpoint_cb, early_stopping_cb, timer],
              verbose=0)
    print("RESULT " + json.dumps({"epoch_seconds": timer.times, "backend": keras.backend.backend()}))
''')


def run_measured(command: list[str], env: dict[str, str]) -> tuple[str, float]:
    """Run `command`; return its stdout and its peak RSS in MB (itself and the helpers it waited for)."""
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"{command[:4]} failed:\n{output[-3000:]}")
    return output, usage.ru_maxrss / 1024  # Linux: kilobytes


def environment(backend: str) -> dict[str, str]:
    return {**os.environ, "KERAS_BACKEND": backend, "TF_CPP_MIN_LOG_LEVEL": "3",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def steady(epoch_seconds: list[float]) -> float:
    """Median epoch time without the first (compiling) epoch."""
    return statistics.median(epoch_seconds[1:] if len(epoch_seconds) > 1 else epoch_seconds)


def worker(preset: str, epochs: int, samples: int | None, runs_dir: Path, test_samples: int | None = 1_000):
    args = [sys.executable, "-m", "rnnviz.train", "--preset", preset, "--epochs", str(epochs),
            "--backend", "jax", "--runs-dir", str(runs_dir)]
    if samples:
        args += ["--max-samples", str(samples)]
    if test_samples:
        args += ["--max-test-samples", str(test_samples)]
    _, peak_mb = run_measured(args, environment("jax"))
    run = RunStore(runs_dir).list()[0]
    assert run.state == "done", run.status
    return run.status["epoch_seconds"], peak_mb


def book(preset: str, epochs: int, samples: int, tmp: Path):
    config = cfg.PRESETS[preset]
    spec = {"num_words": config.num_words, "inputs": config.inputs, "cell": config.cell,
            "dropout": config.dropout, "epochs": epochs, "samples": samples,
            "checkpoint": str(tmp / f"best-{preset}-{samples}.keras")}
    output, peak_mb = run_measured([sys.executable, "-c", BOOK_SCRIPT, json.dumps(spec)], environment("tensorflow"))
    result = json.loads(output.split("RESULT ", 1)[1].splitlines()[0])
    return result["epoch_seconds"], peak_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--presets", nargs="+", default=["embedding-simplernn", "lstm"], choices=list(cfg.PRESETS))
    parser.add_argument("--epochs", type=int, default=3, help="epochs per speed measurement (first one dropped)")
    parser.add_argument("--baseline-samples", type=int, nargs="+", default=[1_000, 2_000, 4_000],
                        help="subset sizes for the book's to_categorical memory baseline")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    results: dict = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"}
    lines = [f"Machine: {results['machine']}.", ""]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if not args.skip_speed:
            lines += ["| preset | book script (TF) s/epoch | worker (JAX) s/epoch | speed-up |", "| --- | ---: | ---: | ---: |"]
            for preset in args.presets:
                runs_dir = tmp / f"speed-{preset}"
                ours, _ = worker(preset, args.epochs, None, runs_dir)
                theirs, _ = book(preset, args.epochs, cfg.BOOK_TRAIN_SIZE, tmp)
                ratio = steady(theirs) / steady(ours)
                results[preset] = {"worker_epoch_seconds": ours, "book_epoch_seconds": theirs, "speedup": ratio}
                lines.append(f"| {preset} | {steady(theirs):.2f} | {steady(ours):.2f} | {ratio:.1f}× |")
                print(lines[-1], flush=True)
        if not args.skip_memory:
            runs_dir = tmp / "memory"
            seconds, peak = worker("onehot-simplernn", 2, None, runs_dir, test_samples=None)
            book_points = [(n, *book("onehot-simplernn", 2, n, tmp)) for n in args.baseline_samples]
            # linear fit peak = a + b * n through the measured subsets, extrapolated to the book's 20,000
            xs = [n for n, _, _ in book_points]
            ys = [mb for _, _, mb in book_points]
            slope = (len(xs) * sum(x * y for x, y in zip(xs, ys)) - sum(xs) * sum(ys)) / \
                (len(xs) * sum(x * x for x in xs) - sum(xs) ** 2)
            intercept = (sum(ys) - slope * sum(xs)) / len(xs)
            extrapolated = intercept + slope * cfg.BOOK_TRAIN_SIZE
            per_epoch = [(n, steady(secs) * cfg.BOOK_TRAIN_SIZE / n) for n, secs, _ in book_points]
            results["memory"] = {"worker_peak_mb": peak, "worker_epoch_seconds": seconds,
                                 "book_points": [{"samples": n, "peak_mb": mb, "epoch_seconds": s}
                                                 for n, s, mb in book_points],
                                 "book_extrapolated_mb": extrapolated}
            lines += ["", "| one-hot SimpleRNN, num_words=500 | peak memory (max RSS) | s/epoch |",
                      "| --- | ---: | ---: |",
                      f"| worker (JAX), full 20,000 reviews, 2 epochs + 25,000 test | **{peak:,.0f} MB** | "
                      f"{steady(seconds):.2f} |"]
            for (n, secs, mb), (_, scaled) in zip(book_points, per_epoch):
                lines.append(f"| book `to_categorical` (TF), {n:,} reviews, 2 epochs (measured) | {mb:,.0f} MB | "
                             f"{steady(secs):.2f} (×{cfg.BOOK_TRAIN_SIZE // n} ≈ {scaled:.0f} for 20,000) |")
            lines.append(f"| book `to_categorical`, 20,000 reviews (**extrapolated**, linear fit) | "
                         f"≈ {extrapolated:,.0f} MB | |")
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_train.json").write_text(json.dumps(results, indent=2))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
