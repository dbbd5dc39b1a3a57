"""What the trained runs found: the book's variants, which runs count, and each variant's figures over seeds.

The command-line tool (`rnnviz.reference`), the pages and the benchmarks all ask here whether
a run is finished and usable, which book variant it is, and what its seeds say together.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from rnnviz import config as cfg
from rnnviz import runs
from rnnviz.config import RunConfig
from rnnviz.models import total_params
from rnnviz.run_files import DamagedFile
from rnnviz.runs import Run

SEEDS = (42, 7, 2024)  # SimpleRNN results move with the seed (docs/book.md, "Facts measured"): report mean and spread
FINISHED_STATES = (runs.DONE, runs.STOPPED)  # ended with the best epoch's weights saved


# --- the variants ------------------------------------------------------------------------------


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


def variant_name(run: Run) -> str:
    """"lstm@500" for a book preset, else the run id (a model of the user's own design)."""
    variant = variant_of(run.config)
    return variant.name if variant else run.id


# --- which runs count ----------------------------------------------------------------------------


def finished(run: Run) -> bool:
    """Ended with its best weights saved (done, or stopped by the learner), with a readable config."""
    return run.config is not None and run.state in FINISHED_STATES


def usable(run: Run, vocabulary: bool = True) -> bool:
    """A finished run whose weights (and, if asked, vocabulary) are on disk: a model a page can run."""
    files = [runs.WEIGHTS_FILE, runs.VOCAB_FILE] if vocabulary else [runs.WEIGHTS_FILE]
    return finished(run) and all((run.path / name).is_file() for name in files)


def readable(run: Run) -> bool:
    """True when the run's weights, and its vocabulary if stored, pass their checks (a damaged run is skipped)."""
    try:
        run.load_weights()
        run.vocabulary()
    except DamagedFile:
        return False
    return True


def complete(run: Run) -> bool:
    """Trained to its end on the whole training set: the runs a variant's figures over seeds count."""
    return run.config is not None and run.state == runs.DONE and run.config.max_train_samples is None


# --- figures over seeds ----------------------------------------------------------------------------


def group_name(run: Run) -> str:
    """What a run's figures are averaged with: a reference run its variant's other seeds
    ("lstm@500"), a visitor's run nothing ("run:<run id>"): it never enters a reference average."""
    return variant_name(run) if run.is_reference else f"run:{run.id}"


def siblings(run: Run, models: Sequence[Run]) -> list[Run]:
    """The other seeds of a reference run's variant (reference runs only); none for a visitor's run."""
    return [m for m in models if m.id != run.id and m.is_reference and group_name(m) == group_name(run)]


def median_run(candidates: Sequence[Run]) -> Run | None:
    """The run with the median best validation accuracy (of an even count, the lower middle one).

    A representative seed: SimpleRNN with RMSprop 1e-4 sometimes stalls on one seed in
    three, so the first or the newest run may say the opposite of the book.
    """
    ranked = sorted((run for run in candidates if run.best_val_accuracy is not None),
                    key=lambda run: (run.best_val_accuracy, run.config.seed if run.config else 0))
    return ranked[(len(ranked) - 1) // 2] if ranked else None


def reference_seeds(candidates: Sequence[Run], num_words: int) -> list[Run]:
    """Every seed of the reference runs among `candidates` at `num_words`, else at the nearest vocabulary size."""
    references = [run for run in candidates if run.is_reference]
    sizes = {run.config.num_words for run in references}
    closest = min(sizes, key=lambda n: (abs(n - num_words), n), default=None)
    return [run for run in references if run.config.num_words == closest]


def accuracy_range(candidates: Sequence[Run]) -> tuple[float, float] | None:
    """(lowest, highest) best validation accuracy of the runs; None when none has one."""
    values = [run.best_val_accuracy for run in candidates if run.best_val_accuracy is not None]
    return (min(values), max(values)) if values else None


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


def summarized_runs(candidates: Sequence[Run], variant: Variant) -> list[Run]:
    """The runs `summarize` counts for `variant`: complete runs of its config, any seed."""
    return [run for run in candidates if complete(run) and variant_of(run.config) == variant]


def summarize(candidates: Sequence[Run]) -> list[VariantSummary]:
    """Group complete runs by variant (in `VARIANTS` order) with each figure's spread over seeds."""
    rows = []
    for variant in VARIANTS:
        group = summarized_runs(candidates, variant)
        if not group:
            continue
        book = cfg.BOOK_RESULTS.get(variant.preset)
        book = book if book and book.num_words == variant.num_words else None

        def spread(values):
            return Spread(tuple(float(v) for v in values))

        rows.append(VariantSummary(
            variant=variant, seeds=tuple(run.config.seed for run in group),
            params=total_params(group[0].config),  # the model's count, without reading its weights
            epochs=spread(run.epochs_run for run in group), val_loss=spread(run.best_val_loss for run in group),
            val_accuracy=spread(run.best_val_accuracy for run in group),
            test_accuracy=spread(run.test_accuracy for run in group),
            seconds_per_epoch=spread(run.seconds_per_epoch for run in group),
            book=book, at_book_epoch=spread(_val_accuracy_at(run, book.stopped_epoch) for run in group)
            if book else None))
    return rows


def _val_accuracy_at(run: Run, epoch: int) -> float:
    """Validation accuracy after `epoch` epochs (1-based), or after the last if the run stopped sooner."""
    accuracies = run.history["val_accuracy"]
    return accuracies[min(epoch, len(accuracies)) - 1]


def best_full_val_accuracy(candidates: Sequence[Run], preset: str) -> float | None:
    """The best validation accuracy of the full-data runs of `preset` (None: no such run has one)."""
    scores = [run.best_val_accuracy for run in candidates if run.preset == preset
              and run.config.max_train_samples is None and run.best_val_accuracy is not None]
    return max(scores) if scores else None
