"""The training lab's rules, without Streamlit: settings -> a run's config, who may start, what to watch.

`views/train.py` shows widgets and calls these; each decision it makes about runs is here, so a
test can check it without a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rnnviz import charts_train, curves, results, run_choice
from rnnviz import config as cfg
from rnnviz.i18n import t
from rnnviz.runs import Run

OWN_REFRESH_SECONDS = 0.5  # your own run: the epochs of a quick run take a fraction of a second
OTHERS_REFRESH_SECONDS = 2.0  # only other visitors' runs: a class watching one run does not load the server


class SettingsError(ValueError):
    """Settings that make no run; `key` and `params` give the page's message (`rnnviz.i18n`)."""

    def __init__(self, key: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.key = key
        self.params = params


def config_from_settings(values: dict[str, Any], mode: str) -> cfg.RunConfig:
    """The run the widgets describe: `values` by `RunConfig` field, `mode` "quick" or "full".

    Raises:
        SettingsError: one-hot input wider than `cfg.MAX_ONEHOT_WORDS`, or a value `RunConfig` refuses.
    """
    if values.get("inputs") == "onehot" and values.get("num_words", 0) > cfg.MAX_ONEHOT_WORDS:
        raise SettingsError("train_onehot_too_wide", "one-hot input is too wide", limit=cfg.MAX_ONEHOT_WORDS)
    try:
        config = cfg.RunConfig(**values)
    except ValueError as error:
        raise SettingsError("train_bad_settings", str(error), error=str(error)) from error
    return cfg.quick(config) if mode == "quick" else config


def offered_words(current: int, preset: cfg.RunConfig) -> int:
    """The vocabulary the 9-2 button offers: the current notebooks' 200, or back to the preset's own."""
    return cfg.NOTEBOOK_WORDS if current != cfg.NOTEBOOK_WORDS else preset.num_words


def wait_reason(active: Sequence[Run], queue: Sequence[Run], visitor: str | None) -> tuple[str, dict] | None:
    """Why the visitor cannot start a run now, as (key, params), or None when they can.

    A visitor trains one run at a time, and keeps at most one run in the queue.
    """
    if any(run.owned_by(visitor) for run in active):
        return "train_launch_wait_mine", {}
    if any(run.owned_by(visitor) for run in queue):
        return "train_launch_wait_queued", {}
    return None


def queue_note(active: Sequence[Run], queue: Sequence[Run], max_runs: int) -> tuple[str, dict] | None:
    """What Start does while every slot is taken (or others wait already): the run joins the queue, at
    this place; None when it would start at once."""
    if len(active) < max_runs and not queue:
        return None
    return "train_launch_will_queue", {"limit": max_runs, "place": len(queue) + 1}


def refresh_seconds(active: Sequence[Run], visitor: str | None, queue: Sequence[Run] = ()) -> float | None:
    """How often the live section redraws: fast for your own run, slower for others' or while runs wait in
    the queue (their places move), never when none trains or waits."""
    if run_choice.mine(active, visitor):
        return OWN_REFRESH_SECONDS
    return OTHERS_REFRESH_SECONDS if active or queue else None


def queue_rows(queue: Sequence[Run], visitor: str | None, lang: str) -> list[dict[str, object]]:
    """The queue as table rows, first in line first: place, the run's name, whose it is, its state."""
    return [{t("train_col_place", lang): f"{place} / {len(queue)}",
             t("train_col_name", lang): charts_train.run_label(run, lang),
             t("train_col_whose", lang): charts_train.whose(run, lang, visitor),
             t("train_col_state", lang): t(f"train_state_{run.state}", lang)}
            for place, run in enumerate(queue, start=1)]


def watched_run(active: Sequence[Run], watched_id: str | None) -> Run:
    """The live run to show: the one this session started, else the first (a reload reattaches to it)."""
    return next((run for run in active if run.id == watched_id), active[0])


def progress_fraction(run: Run) -> float:
    """How far the live run is, 0 .. 1: epochs and the current batch while training, 1 while testing."""
    if run.status.phase == "testing":
        return 1.0
    return min((run.epochs_run + (run.batch_fraction or 0)) / run.max_epochs, 1.0)


def compared_ids(chosen: Sequence[str] | None, listed: dict[str, Run], own: Sequence[Run],
                 reference_runs: Sequence[Run]) -> list[str]:
    """The runs to overlay: the chosen ones that still exist; before any choice, `run_choice.default_comparison`."""
    if chosen is None:
        return run_choice.default_comparison(own, reference_runs)
    return [run_id for run_id in chosen if run_id in listed]


def first_selected(own: Sequence[Run], compared: Sequence[str], listed: dict[str, Run]) -> str:
    """The run whose files the page shows first: your newest, else the first compared, else the first listed."""
    return (list(own) or [listed[i] for i in compared] or list(listed.values()))[0].id


def simple_rnn_range(summaries: Sequence) -> tuple[float, float]:
    """(lowest, highest) validation accuracy over every seed of the SimpleRNN variants (`results.summarize`
    rows): how much SimpleRNN depends on its seed. (nan, nan) without SimpleRNN runs."""
    values = [value for row in summaries if row.variant.preset in cfg.SIMPLERNN_PRESETS
              for value in row.val_accuracy.values] or [float("nan")]
    return min(values), max(values)


def same_vocabulary_figures(reference_runs: Sequence[Run], num_words: int) -> dict | None:
    """The best validation accuracy over seeds of the reference LSTM and SimpleRNN (embedding) at one
    vocabulary size: ``{"lstm": Spread, "embedding-simplernn": Spread}``, or None when one is missing.

    The book's own figures compare SimpleRNN at 200 words with LSTM at 500; these compare like with like.
    """
    rows = {row.variant.preset: row.val_accuracy for row in results.summarize(reference_runs)
            if row.variant.num_words == num_words}
    wanted = ("lstm", "embedding-simplernn")
    return {preset: rows[preset] for preset in wanted} if all(p in rows for p in wanted) else None


def dropout_gaps(reference_runs: Sequence[Run]) -> tuple[float, float, int] | None:
    """What dropout does to the curves, from the reference runs: validation minus training loss at the best
    epoch, mean over seeds, of the book's LSTM without and with dropout, and the fewer seeds of the two.
    None when either model has no reference run with a history."""
    histories = {preset: [run.history for run in reference_runs if run.preset == preset and run.epochs_run]
                 for preset in ("lstm", "lstm-dropout")}
    plain, dropped = (curves.mean_gap_at_lowest(histories[p]) for p in ("lstm", "lstm-dropout"))
    if plain is None or dropped is None:
        return None
    return plain, dropped, min(len(h) for h in histories.values())
