"""The book's published results next to the committed reference runs (mean ± sd over seeds).

Command: `python bench/reference_table.py` (reads reference_runs/, trains nothing; prints Markdown
for BENCHMARKS.md). The runs themselves come from `python -m rnnviz.reference`.
"""

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rnnviz import runs  # noqa: E402
from rnnviz.results import summarize  # noqa: E402
from tools.machine import describe  # noqa: E402
from report_text import DATA_COMMAND, Settings, bullets, measured  # noqa: E402


def reference_runs() -> list[runs.Run]:
    return runs.RunStore(runs.REFERENCE_RUNS_DIR).list()


def markdown(rows=None) -> str:
    """The table; `rows` are `summarize()`'s (default: the committed reference runs')."""
    rows = summarize(reference_runs()) if rows is None else rows
    lines = ["| model | num_words | params (book = ours) | seeds | epochs: book / ours | val_loss: book / ours "
             "| val_accuracy: book / ours | gap (points) | ours at the book's stopping epoch | test accuracy: book / ours "
             "| ours s/epoch |",
             "| --- | ---: | ---: | ---: | --- | --- | --- | ---: | --- | --- | ---: |"]
    for row in rows:
        book = row.book
        test_book = f"{book.test_accuracy:.3f}" if book and book.test_accuracy else "–"
        lines.append(" | ".join([
            f"| {row.variant.preset}", str(row.variant.num_words),
            f"{row.params:,}" + ("" if book is None or book.params == row.params else f" (book {book.params:,})"),
            str(len(row.seeds)),
            f"{book.stopped_epoch if book else '–'} / {row.epochs.text(1)}",
            f"{book.val_loss:.3f} / {row.val_loss.text()}" if book else f"– / {row.val_loss.text()}",
            f"{book.val_accuracy:.3f} / {row.val_accuracy.text()}" if book else f"– / {row.val_accuracy.text()}",
            f"{row.gap_points:+.1f}" if row.gap_points is not None else "–",
            row.at_book_epoch.text() if row.at_book_epoch else "–",
            f"{test_book} / {row.test_accuracy.text()}", f"{row.seconds_per_epoch.mean:.2f} |"]))
    return "\n".join(lines)


# ------------------------------------- its section of BENCHMARKS.md: bench/run_all.py calls these two


def measure_section(settings: Settings) -> dict:
    return measured(summarize_reference)


def summarize_reference() -> dict:
    """The reference runs' summary rows and the runs behind them."""
    from rnnviz.results import complete, variant_of

    rows = summarize(reference_runs())
    variants = {row.variant for row in rows}
    used = [run for run in reference_runs() if complete(run) and variant_of(run.config) in variants]
    return {"rows": rows, "runs": used}


def render_section(results: dict, settings: Settings) -> str:
    rows, used = results["rows"], results["runs"]  # the runs summarised in the rows
    if not rows:
        return "No finished full runs in `reference_runs/`: run `python -m rnnviz.reference` first."
    dates = sorted(datetime.datetime.fromtimestamp(run.started).strftime("%Y-%m-%d") for run in used if run.started)
    backends = sorted({run.backend for run in used if run.backend})
    peaks = [run.status.peak_memory_mb for run in used if run.status.peak_memory_mb]
    gaps = [row.gap_points for row in rows if row.gap_points is not None]
    return "\n\n".join([
        "Goal: the book's published results (docs/book.md, \"The book's results\") next to the worker's own "
        "full runs of the same models, several seeds each.",
        f"Command: `python bench/reference_table.py` (reads `reference_runs/`, trains nothing); the runs come from "
        f"`{DATA_COMMAND}python -m rnnviz.reference`.",
        f"Runs: {len(used)} full runs on {', '.join(backends)}, made "
        f"{span_dates(dates)} (runs do not record their machine); "
        f"{f'largest peak memory of a run {max(peaks):,.0f} MB; ' if peaks else ''}"
        f"table rendered {results['started']['date']} on {describe()}.",
        markdown(rows),
        bullets(
            "One row per book model (a preset at one vocabulary size), trained once per seed exactly as the "
            "training lab trains it (`python -m rnnviz.train`: the book split, RMSprop, early stopping). Ours is "
            "the mean ± sd over the seeds (population) with the range in brackets; val_loss and val_accuracy are "
            "at the best epoch, whose weights EarlyStopping restores. \"–\": the book did not train or print it.",
            (f"Gap is our mean best validation accuracy minus the book's, in percentage points: from "
             f"{min(gaps):+.1f} to {max(gaps):+.1f} over the {len(gaps)} row(s) the book printed at the same "
             "vocabulary size." if gaps else ""),
            "SimpleRNN with RMSprop 1e-4 is seed-sensitive (docs/book.md, \"Facts measured\"): compare the spread, "
            "not one seed.",
            *(explain_gap(row) for row in rows if row.gap_points is not None and abs(row.gap_points) > 2)),
    ])


def explain_gap(row) -> str:
    """Why a row is more than 2 points from the book, from its own measurements."""
    book, name = row.book, row.variant.name
    at_epoch = 100 * (row.at_book_epoch.mean - book.val_accuracy)
    if abs(at_epoch) <= 2:
        return (f"{name}: {row.gap_points:+.1f} points, because our runs trained longer ({row.epochs.text(0)} "
                f"epochs) than the book's, which early stopping ended at epoch {book.stopped_epoch}. At that "
                f"epoch ours were at {row.at_book_epoch.mean:.3f} ({at_epoch:+.1f} points).")
    low, high = min(row.val_accuracy.values), max(row.val_accuracy.values)
    return (f"{name}: {row.gap_points:+.1f} points on the mean, from the seeds' spread: {low:.3f} to {high:.3f} "
            f"(seeds {', '.join(map(str, row.seeds))})."
            + (" The lowest stalled near chance (0.5) until early stopping." if low < 0.6 else "")
            + f" The best is {100 * (high - book.val_accuracy):+.1f} points from the book's {book.val_accuracy:.3f}.")


def span_dates(dates: list[str]) -> str:
    return "on an unknown date" if not dates else (
        f"on {dates[0]}" if dates[0] == dates[-1] else f"between {dates[0]} and {dates[-1]}")


if __name__ == "__main__":
    print(markdown())
