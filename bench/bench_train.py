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
from report_text import DATA_COMMAND, Settings, bullets, log, measured, provenance, span, write_json  # noqa: E402

OUT = ROOT / "bench" / "out" / "bench_train.json"

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
    return list(run.status.epoch_seconds), peak_mb


def book(preset: str, epochs: int, samples: int, tmp: Path):
    config = cfg.PRESETS[preset]
    spec = {"num_words": config.num_words, "inputs": config.inputs, "cell": config.cell,
            "dropout": config.dropout, "epochs": epochs, "samples": samples,
            "checkpoint": str(tmp / f"best-{preset}-{samples}.keras")}
    output, peak_mb = run_measured([sys.executable, "-c", BOOK_SCRIPT, json.dumps(spec)], environment("tensorflow"))
    result = json.loads(output.split("RESULT ", 1)[1].splitlines()[0])
    return result["epoch_seconds"], peak_mb


GOAL_SPEEDUP = 3.0
GOAL_PEAK_MB = 1_500


def linear_fit(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Least-squares (intercept, slope) of y = a + b * x."""
    n = len(xs)
    slope = (n * sum(x * y for x, y in zip(xs, ys)) - sum(xs) * sum(ys)) / (n * sum(x * x for x in xs) - sum(xs) ** 2)
    return (sum(ys) - slope * sum(xs)) / n, slope


def measure_speed(presets: list[str], epochs: int, tmp: Path, log=print) -> dict:
    """Per preset: epoch seconds of the worker (JAX) and of the book's script (TF), and the speed-up."""
    results = {}
    for preset in presets:
        ours, _ = worker(preset, epochs, None, tmp / f"speed-{preset}")
        theirs, _ = book(preset, epochs, cfg.BOOK_TRAIN_SIZE, tmp)
        results[preset] = {"worker_epoch_seconds": ours, "book_epoch_seconds": theirs,
                           "speedup": steady(theirs) / steady(ours)}
        log(f"{preset}: book {steady(theirs):.2f} s/epoch, worker {steady(ours):.2f} s/epoch")
    return results


def measure_memory(baseline_samples: list[int], tmp: Path, log=print) -> dict:
    """Peak RSS of a full one-hot worker run, and of the book's to_categorical path on subsets, extrapolated."""
    seconds, peak = worker("onehot-simplernn", 2, None, tmp / "memory", test_samples=None)
    log(f"onehot-simplernn worker: peak {peak:,.0f} MB")
    book_points = []
    for n in baseline_samples:
        book_seconds, book_peak = book("onehot-simplernn", 2, n, tmp)
        book_points.append({"samples": n, "peak_mb": book_peak, "epoch_seconds": book_seconds})
        log(f"book to_categorical, {n:,} reviews: peak {book_peak:,.0f} MB")
    intercept, slope = linear_fit([p["samples"] for p in book_points], [p["peak_mb"] for p in book_points])
    return {"worker_peak_mb": peak, "worker_epoch_seconds": seconds, "book_points": book_points,
            "book_extrapolated_mb": intercept + slope * cfg.BOOK_TRAIN_SIZE}


def measure(presets=("embedding-simplernn", "lstm"), epochs: int = 3, baseline_samples=(1_000, 2_000, 4_000),
            speed: bool = True, memory: bool = True, log=print) -> dict:
    """Both measurements (either can be left out); the layout of bench/out/bench_train.json."""
    results: dict = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"}
    with tempfile.TemporaryDirectory() as tmp_name:
        if speed:
            results.update(measure_speed(list(presets), epochs, Path(tmp_name), log))
        if memory:
            results["memory"] = measure_memory(list(baseline_samples), Path(tmp_name), log)
    return results


def speed_table(results: dict) -> str:
    lines = [f"| preset | book script (TF) s/epoch | worker (JAX) s/epoch | speed-up (goal ≥ {GOAL_SPEEDUP:.0f}×) |",
             "| --- | ---: | ---: | ---: |"]
    for preset, row in results.items():
        if preset in cfg.PRESETS:
            lines.append(f"| {preset} | {steady(row['book_epoch_seconds']):.2f} | "
                         f"{steady(row['worker_epoch_seconds']):.2f} | {row['speedup']:.1f}× |")
    return "\n".join(lines)


def memory_table(memory: dict) -> str:
    full = cfg.BOOK_TRAIN_SIZE
    lines = ["| one-hot SimpleRNN, num_words=500 | peak memory (max RSS) | s/epoch |", "| --- | ---: | ---: |",
             f"| worker (JAX), full {full:,} reviews, 2 epochs + 25,000 test | **{memory['worker_peak_mb']:,.0f} MB** "
             f"(goal ≤ {GOAL_PEAK_MB / 1000:g} GB) | {steady(memory['worker_epoch_seconds']):.2f} |"]
    for point in memory["book_points"]:
        n, per_epoch = point["samples"], steady(point["epoch_seconds"])
        lines.append(f"| book `to_categorical` (TF), {n:,} reviews, 2 epochs (measured) | {point['peak_mb']:,.0f} MB | "
                     f"{per_epoch:.2f} (×{full // n} ≈ {per_epoch * full / n:.0f} for {full:,}) |")
    lines.append(f"| book `to_categorical`, {full:,} reviews (**extrapolated**, linear fit) | "
                 f"≈ {memory['book_extrapolated_mb']:,.0f} MB | |")
    return "\n".join(lines)


def markdown(results: dict) -> str:
    parts = [f"Machine: {results['machine']}."]
    if any(key in cfg.PRESETS for key in results):
        parts += ["", speed_table(results)]
    if "memory" in results:
        parts += ["", memory_table(results["memory"])]
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--presets", nargs="+", default=["embedding-simplernn", "lstm"], choices=list(cfg.PRESETS))
    parser.add_argument("--epochs", type=int, default=3, help="epochs per speed measurement (first one dropped)")
    parser.add_argument("--baseline-samples", type=int, nargs="+", default=[1_000, 2_000, 4_000],
                        help="subset sizes for the book's to_categorical memory baseline")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    results = measure(args.presets, args.epochs, args.baseline_samples, speed=not args.skip_speed,
                      memory=not args.skip_memory, log=lambda line: print(line, flush=True))
    write_json(OUT, results)
    print(markdown(results))


# ------------------------------------- its section of BENCHMARKS.md: bench/run_all.py calls these two


def measure_section(settings: Settings) -> dict:
    return measured(lambda: measure(epochs=settings.train_epochs, baseline_samples=settings.baseline_samples,
                                    log=log), OUT)


def render_section(results: dict, settings: Settings) -> str:
    speedups = [row["speedup"] for key, row in results.items() if key in cfg.PRESETS]
    memory = results["memory"]
    onehot = cfg.PRESETS["onehot-simplernn"]
    float64_gb = cfg.BOOK_TRAIN_SIZE * onehot.maxlen * onehot.num_words * 8 / 1e9
    samples = " ".join(str(n) for n in settings.baseline_samples)
    command = (f"{DATA_COMMAND}python bench/bench_train.py --epochs {settings.train_epochs} "
               f"--baseline-samples {samples}")
    speed_verdict = "met" if min(speedups) >= GOAL_SPEEDUP else "**missed**"
    memory_verdict = "met" if memory["worker_peak_mb"] <= GOAL_PEAK_MB else "**missed**"
    return "\n\n".join([
        f"Goals: the worker ≥ {GOAL_SPEEDUP:g}× faster per epoch than the book's plain tf.keras script "
        f"(embedding SimpleRNN and LSTM); peak memory of a full `onehot-simplernn` run at num_words="
        f"{onehot.num_words} ≤ {GOAL_PEAK_MB / 1000:g} GB.",
        provenance(command, ("Keras", "TensorFlow", "JAX"), settings, results["started"],
                   "Writes `bench/out/bench_train.json`."),
        f"Seconds per epoch on the book split ({cfg.BOOK_TRAIN_SIZE:,} train reviews), both measured in the same "
        "run; each covers training plus validation; the first (compiling) epoch is left out and the median of "
        f"the rest is used. Worker: `python -m rnnviz.train --preset P --backend jax --epochs "
        f"{settings.train_epochs}`. Book: the book's tf.keras code (Keras 3, TensorFlow backend, `model.fit`, "
        "`ModelCheckpoint` + `EarlyStopping`).",
        speed_table(results),
        f"The worker is {span(speedups, unit='×')} faster per epoch: the goal is {speed_verdict}.",
        "Peak memory (max RSS from `os.wait4`, including the helper process that reads the data), "
        f"`onehot-simplernn`, num_words={onehot.num_words}. The book's `to_categorical` path was measured on "
        f"subsets only and **extrapolated linearly** to {cfg.BOOK_TRAIN_SIZE:,} reviews: a full run risks the "
        "machine.",
        memory_table(memory),
        bullets(
            f"A full one-hot run peaks at {memory['worker_peak_mb']:,.0f} MB: the goal is {memory_verdict}; the "
            f"book's path extrapolates to about {memory['book_extrapolated_mb'] / 1000:.0f} GB, "
            f"{memory['book_extrapolated_mb'] / memory['worker_peak_mb']:.0f}× as much.",
            "The one-hot vectors are made inside the model, batch by batch (`keras.layers.CategoryEncoding`), so "
            f"no ({cfg.BOOK_TRAIN_SIZE}, {onehot.maxlen}, {onehot.num_words}) array exists. Keras 3's "
            f"`to_categorical` returns float64, so the book's array alone is {float64_gb:.1f} GB.",
            "The worker keeps its peak low by not letting Keras import TensorFlow on JAX "
            "(`keras.utils.set_random_seed` does) and by reading IMDB in a short-lived helper process, so the "
            "reviews' Python lists never live in the worker."),
    ])


if __name__ == "__main__":
    main()
