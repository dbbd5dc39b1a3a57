"""Regenerate the committed reference runs: every book preset, several seeds, the worker's own runs.

Usage (from the project root; the full set takes about an hour on 2 CPU cores):

    RNNVIZ_DATA_DIR=../shared/data/imdb python -m rnnviz.reference
    python -m rnnviz.reference --out /tmp/ref --seeds 1 --variants lstm --max-samples 200 --epochs 2

Each variant (a preset at one vocabulary size) is trained once per seed by
`python -m rnnviz.train` in its own process, exactly as the training lab does,
into a staging folder beside `--out`. Only when every run has finished is the
old reference folder replaced, so a failed or interrupted regeneration loses
nothing; rerunning it resumes, keeping the runs already finished in staging.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rnnviz import config as cfg
from rnnviz import launch, runs
from rnnviz.config import RunConfig
from rnnviz.models import total_params
from rnnviz.runs import RunStore

SEEDS = (42, 7, 2024)  # SimpleRNN results move with the seed (DESIGN.md): report mean and spread


@dataclass(frozen=True)
class Variant:
    """One row of the reference table: a preset at a vocabulary size."""

    preset: str
    num_words: int

    @property
    def name(self) -> str:
        return f"{self.preset}@{self.num_words}"

    def config(self, seed: int, backend: str, **changes) -> RunConfig:
        return cfg.PRESETS[self.preset].replace(num_words=self.num_words, seed=seed, backend=backend, **changes)


# Every preset at its 9-3 vocabulary (500), and the two 9-2 models also at the current notebooks' 200.
VARIANTS = (
    *(Variant(name, 500) for name in cfg.PRESETS),
    *(Variant(name, cfg.NOTEBOOK_WORDS) for name in cfg.SIMPLERNN_PRESETS),
)


def variant_of(config: RunConfig) -> Variant | None:
    """The reference variant a run's config belongs to (any seed), or None."""
    preset = cfg.preset_of(config.replace(num_words=500))
    return Variant(preset, config.num_words) if preset else None


@dataclass(frozen=True)
class Spread:
    """Mean, standard deviation (over seeds, population) and range of one figure."""

    values: tuple[float, ...]

    @property
    def mean(self) -> float:
        return statistics.fmean(self.values)

    @property
    def sd(self) -> float:
        return statistics.pstdev(self.values)

    def text(self, digits: int = 3) -> str:
        """"0.781 ± 0.004 (0.776–0.785)"; a single value alone."""
        if len(self.values) == 1:
            return f"{self.values[0]:.{digits}f}"
        low, high = min(self.values), max(self.values)
        return f"{self.mean:.{digits}f} ± {self.sd:.{digits}f} ({low:.{digits}f}–{high:.{digits}f})"


@dataclass(frozen=True)
class VariantSummary:
    """One row of the book-vs-rnnviz table: a variant's runs over its seeds."""

    variant: Variant
    seeds: tuple[int, ...]
    params: int
    epochs: Spread  # epochs trained (the book reports where training stopped)
    val_loss: Spread  # at the best epoch (the weights EarlyStopping restores)
    val_accuracy: Spread
    test_accuracy: Spread
    seconds_per_epoch: Spread
    book: cfg.BookResult | None  # the book's row, when the book trained this variant
    at_book_epoch: Spread | None  # val_accuracy at the epoch where the book's run stopped (or our last)

    @property
    def gap_points(self) -> float | None:
        """Our mean best validation accuracy minus the book's, in percentage points."""
        return None if self.book is None else 100 * (self.val_accuracy.mean - self.book.val_accuracy)


def summarize(finished: Sequence[runs.Run]) -> list[VariantSummary]:
    """Group finished full runs by variant (in `VARIANTS` order) with each figure's spread over seeds."""
    rows = []
    for variant in VARIANTS:
        group = [run for run in finished if run.config and variant_of(run.config) == variant
                 and run.state == runs.DONE and run.config.max_train_samples is None]
        if not group:
            continue
        book = cfg.BOOK_RESULTS.get(variant.preset)

        def spread(values):
            return Spread(tuple(float(v) for v in values))

        rows.append(VariantSummary(
            variant=variant, seeds=tuple(run.config.seed for run in group),
            params=total_params(group[0].config),  # the model's count, without reading its weights
            epochs=spread(run.epochs_run for run in group), val_loss=spread(run.best_val_loss for run in group),
            val_accuracy=spread(run.best_val_accuracy for run in group),
            test_accuracy=spread(run.test_accuracy for run in group),
            seconds_per_epoch=spread(run.seconds_per_epoch for run in group),
            book=book if book and book.num_words == variant.num_words else None,
            at_book_epoch=spread(_val_accuracy_at(run, book.stopped_epoch) for run in group)
            if book and book.num_words == variant.num_words else None))
    return rows


def _val_accuracy_at(run: runs.Run, epoch: int) -> float:
    """Validation accuracy after `epoch` epochs (1-based), or after the last if the run stopped sooner."""
    accuracies = run.history["val_accuracy"]
    return accuracies[min(epoch, len(accuracies)) - 1]


def _finished(store: RunStore, config: RunConfig) -> bool:
    """A run with exactly this config already ended `done` in the store (resuming)."""
    return any(run.config == config and run.state == runs.DONE for run in store.list())


def _clear_unfinished(store: RunStore) -> None:
    for run in store.list():
        if run.state != runs.DONE:
            shutil.rmtree(run.path)


def train_one(store: RunStore, config: RunConfig) -> runs.Run:
    """Train one run with the worker in a child process (as the page launches it)."""
    run_id = store.create(config)
    subprocess.run(launch.worker_command(store, run_id), cwd=runs.APP_ROOT, env=launch.worker_env(config),
                   check=False)
    (store.path(run_id) / runs.LOG_FILE).unlink(missing_ok=True)
    return store.get(run_id)


def regenerate(out: Path, variants, seeds, backend: str, **changes) -> list[runs.Run]:
    """Train every variant × seed into `<out>.staging`, then swap it in for `out`.

    Raises:
        RuntimeError: a run did not finish; `out` is left as it was.
    """
    staging = RunStore(out.parent / f".{out.name}.staging")
    _clear_unfinished(staging)
    configs = [variant.config(seed, backend, **changes) for variant in variants for seed in seeds]
    for number, config in enumerate(configs, start=1):
        label = f"[{number}/{len(configs)}] {variant_of(config).name} seed {config.seed}"
        if _finished(staging, config):
            print(f"{label}: already done", flush=True)
            continue
        run = train_one(staging, config)
        print(f"{label}: {run.state}, {run.epochs_run} epochs, val_accuracy {run.best_val_accuracy}, "
              f"test {run.test_accuracy}, {run.seconds_per_epoch} s/epoch", flush=True)
        if run.state != runs.DONE:
            raise RuntimeError(f"{label} ended {run.state}: {run.error}")
    kept = {config for config in configs}
    for run in staging.list():  # runs of variants or seeds no longer asked for
        if run.config not in kept:
            shutil.rmtree(run.path)
    _swap_in(staging.root, out)
    return RunStore(out).list()


def _swap_in(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with two renames; the old folder is removed last."""
    (staging / ".launch.lock").unlink(missing_ok=True)
    old = out.parent / f".{out.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        os.rename(out, old)
    os.rename(staging, out)
    shutil.rmtree(old, ignore_errors=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m rnnviz.reference", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=runs.REFERENCE_RUNS_DIR, help="default: reference_runs/")
    parser.add_argument("--seeds", type=int, nargs="+", default=list(SEEDS))
    parser.add_argument("--variants", nargs="+", default=[v.name for v in VARIANTS],
                        help="preset@num_words or a preset name (all its vocabulary sizes)")
    parser.add_argument("--backend", choices=cfg.BACKENDS, default=cfg.default_backend())
    parser.add_argument("--epochs", type=int, help="at most this many epochs (tests)")
    parser.add_argument("--max-samples", type=int, help="first N training reviews (tests)")
    parser.add_argument("--max-test-samples", type=int, help="first N test reviews (tests)")
    return parser.parse_args(argv)


def chosen_variants(names: list[str]) -> list[Variant]:
    """Variants by `preset@num_words` or by preset name; ValueError for an unknown name."""
    chosen = []
    for name in names:
        matches = [v for v in VARIANTS if name in (v.name, v.preset)]
        if not matches:
            raise ValueError(f"unknown variant {name!r}; known: {', '.join(v.name for v in VARIANTS)}")
        chosen += [v for v in matches if v not in chosen]
    return chosen


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        variants = chosen_variants(args.variants)
    except ValueError as error:
        print(f"rnnviz.reference: {error}", file=sys.stderr)
        return 2
    changes = {name: value for name, value in (
        ("epochs", args.epochs), ("max_train_samples", args.max_samples),
        ("max_test_samples", args.max_test_samples)) if value is not None}
    try:
        done = regenerate(args.out, variants, args.seeds, args.backend, **changes)
    except RuntimeError as error:
        print(f"rnnviz.reference: {error}; {args.out} is unchanged, rerun to resume", file=sys.stderr)
        return 1
    print(f"{len(done)} reference runs in {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
