"""Regenerate the committed reference runs: every book preset, several seeds, the worker's own runs.

Usage (from the project root; the full set takes about an hour on 2 CPU cores):

    RNNVIZ_DATA_DIR=../shared/data/imdb python -m rnnviz.reference
    python -m rnnviz.reference --out /tmp/ref --seeds 1 --variants lstm --max-samples 200 --epochs 2

Each variant (a preset at one vocabulary size) is trained once per seed by
`python -m rnnviz.train` in its own process, exactly as the training lab does,
into a staging folder beside `--out`. Only when every run has finished is the
old reference folder replaced, so a failed or interrupted regeneration loses
nothing; rerunning it resumes, keeping the runs already finished in staging. The variants and
the figures over seeds are `rnnviz.results`'.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from rnnviz import config as cfg
from rnnviz import launch, runs
from rnnviz.config import RunConfig
from rnnviz.results import SEEDS, VARIANTS, Variant, variant_of
from rnnviz.runs import RunStore


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
    (store.path(run_id) / runs.WORKER_FILE).unlink(missing_ok=True)  # this machine's process: nothing elsewhere
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
