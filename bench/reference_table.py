"""The book's published results next to the committed reference runs (mean ± sd over seeds).

Command: `python bench/reference_table.py` (reads reference_runs/, trains nothing; prints Markdown
for BENCHMARKS.md). The runs themselves come from `python -m rnnviz.reference`.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rnnviz import runs  # noqa: E402
from rnnviz.results import summarize  # noqa: E402


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


if __name__ == "__main__":
    print(markdown())
