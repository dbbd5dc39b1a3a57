"""Figures and tables of the Training lab page: loss / accuracy curves and the runs table.

Colours (docs/book.md, "Look and voice"): the x/h/c hues of `charts.PALETTE` keep
their meaning elsewhere, so runs are told apart by the Okabe-Ito hues that
PALETTE does not use first (orange, reddish purple), then the rest of the set.
A run keeps its colour while runs are added (`assign_colours`): a new run takes the first
colour no run on the chart has. Within a run, the **training** curve is solid and the **validation** curve
dashed, in the run's colour. The best epoch (lowest val_loss, the weights
EarlyStopping restores) is a black star, `PALETTE["marker"]`, as every chosen
value in the app; where early stopping ended a run, a grey cross, `PALETTE["note"]`; where the
validation loss turns up (overfitting begins, `curves.overfitting_point`), an arrow in the run's colour.
(Over 350 lines: the page's figures and tables share the run labels and colours above them.)
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from rnnviz import config as cfg, markup, run_choice
from rnnviz.curves import overfitting_point
from rnnviz.charts import FONT_SIZE, PALETTE, RUN_COLOURS, epochs_text, number_text, style
from rnnviz.i18n import t
from rnnviz.models import SummaryRow
from rnnviz.runs import Run

TRAIN_DASH = "solid"  # the training set
VALID_DASH = "dash"  # the validation set
BEST_COLOUR = PALETTE["marker"]
STOP_COLOUR = PALETTE["note"]


def run_colour(index: int) -> str:
    return RUN_COLOURS[index % len(RUN_COLOURS)]


def assign_colours(runs: Sequence[Run], known: dict[str, str] | None = None) -> dict[str, str]:
    """Each run's colour, keeping the colours in `known` (run id -> colour) for runs that have one.

    A run without a colour takes the first of RUN_COLOURS that none of `runs` has yet (the
    least used one once all are taken), oldest run first: adding a run, or listing the runs
    in another order, never changes the colour of a run already drawn.

    Returns:
        `known` updated with a colour for every run in `runs` (a new dict).
    """
    colours = dict(known or {})
    new = sorted((run for run in runs if run.id not in colours), key=lambda run: (run.started or 0, run.id))
    used = [colours[run.id] for run in runs if run.id in colours]
    for run in new:
        colour = min(RUN_COLOURS, key=lambda c: (used.count(c), RUN_COLOURS.index(c)))
        colours[run.id] = colour
        used.append(colour)
    return colours


def duration_text(seconds: float | None, lang: str) -> str:
    """1 h 02 min, 3 min 05 s, 42 s, 0.8 s (units in the page's language)."""
    if seconds is None or not math.isfinite(seconds):
        return "–"
    h, m, s = ("시간", "분", "초") if lang == "ko" else ("h", "min", "s")
    if seconds < 10:
        return f"{seconds:.1f} {s}"
    whole = int(round(seconds))
    if whole < 60:
        return f"{whole} {s}"
    if whole < 3600:
        return f"{whole // 60} {m} {whole % 60:02d} {s}"
    return f"{whole // 3600} {h} {whole % 3600 // 60:02d} {m}"


def progress_text(run: Run, lang: str) -> str:
    """The live run's line: the epoch and batch it is in, the time spent and, after an epoch, the time
    left at most (early stopping may end it sooner)."""
    elapsed = duration_text(run.elapsed, lang)
    status = run.status
    if status.phase == "training" and status.batch and status.batches:
        return t("train_progress_batch", lang, epoch=run.epochs_run + 1, epochs=run.max_epochs,
                 batch=status.batch, batches=status.batches, elapsed=elapsed)
    if not run.epochs_run:
        return t("train_progress_start", lang, epochs=run.max_epochs, elapsed=elapsed)
    return t("train_progress", lang, epoch=run.epochs_run, epochs=run.max_epochs, elapsed=elapsed,
             remaining=duration_text(run.remaining_seconds(), lang))


def preset_label(run_or_config, lang: str) -> str:
    config = run_or_config.config if isinstance(run_or_config, Run) else run_or_config
    name = cfg.preset_of(config) if config is not None else None
    return t(f"preset_{name}" if name else "preset_custom", lang)


_WHOSE_TEXT = {run_choice.REFERENCE: "review_whose_reference", run_choice.MINE: "review_whose_yours",
               run_choice.OTHER: "train_whose_other", run_choice.COMMAND_LINE: "train_whose_command_line"}


def whose(run: Run, lang: str, visitor: str | None = None) -> str:
    """"참고 실행" / "reference run", "내 실행" / "your run", "다른 방문자" / "another visitor" or
    "명령줄 실행" / "command-line run" (`run_choice.whose`): the kinds are always told apart."""
    return t(_WHOSE_TEXT[run_choice.whose(run, visitor)], lang)


def launched_text(run: Run) -> str:
    """When the run was launched, to the second (the same from queued to done), e.g. `11-29 15:30:02`."""
    return clock_text(run.launched, "%m-%d %H:%M:%S") or "?"


def run_label(run: Run, lang: str, state: bool = False, seed: bool = True, visitor: str | None = None) -> str:
    """The one readable name of a run, for menus, legends, tables and messages (never its folder name).

    Reference runs: `reference run · 9-3 GRU · num_words=500 · seed 42` (`seed=False` names the
    model whose seeds are shown together; their date says nothing to a learner). Other runs: model,
    vocabulary, seed when not the default, quick or full, launch time, e.g.
    `9-3 LSTM · num_words=500 · quick · 11-29 15:30:02`; a `visitor` puts whose it is first ("your run ·",
    "another visitor ·": pages that list them beside other runs), `state` adds the status (`· done`).
    """
    parts = [whose(run, lang, visitor)] if run.is_reference or visitor is not None else []
    parts.append(preset_label(run, lang))
    if run.config is not None:
        parts.append(f"num_words={run.config.num_words}")
        if run.is_reference:
            parts += [f"seed {run.config.seed}"] if seed else []
        else:
            if run.config.seed != cfg.RunConfig.__dataclass_fields__["seed"].default:
                parts.append(f"seed {run.config.seed}")
            parts.append(t("train_label_quick" if run.config.max_train_samples else "train_label_full", lang))
    if not run.is_reference:
        parts.append(launched_text(run))
    if state:
        parts.append(state_text(run, lang))
    return " · ".join(parts)


def state_text(run: Run, lang: str) -> str:
    """The run's state as the page names it, e.g. "running", or "running · the cluster does not answer"
    while its Ray cluster does not say whether the job still runs (the state is then as last written)."""
    text = t(f"train_state_{run.state}", lang)
    return f"{text} · {t('train_cluster_silent', lang)}" if run.unanswered else text


def short_label(run: Run, lang: str, visitor: str | None) -> str:
    """A legend entry among runs of one model: "reference run · seed 42" or "your run · 11-29 15:22:07"."""
    return f"{whose(run, lang, visitor)} · " + (f"seed {run.config.seed}" if run.is_reference else launched_text(run))


def clock_text(timestamp, pattern: str) -> str | None:
    """`timestamp` (seconds since 1970) as local time in `pattern`; None when there is none or it cannot
    be shown (a run file is checked when read; this keeps a label from ever raising).

    >>> clock_text(None, "%Y"), clock_text(1e20, "%Y")
    (None, None)
    """
    try:
        return time.strftime(pattern, time.localtime(timestamp)) if timestamp else None
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def failure_text(run: Run, lang: str) -> str:
    """A failed run's error, as Markdown that shows the run file's words as text: in the page's language
    when the worker named it (error_key with its error_params), else the text it wrote; never raises
    for an unknown key or a missing parameter."""
    key, params = run.status.error_key, run.status.error_params
    if key:
        try:
            return markup.fill(t(key, lang), params)
        except (KeyError, IndexError, ValueError, TypeError):
            pass
    return markup.escape(run.error or "–")


def damage_lines(run: Run, lang: str) -> list[str]:
    """Why a run is damaged, one line per file, in the page's language."""
    return [t(damage.key, lang, **damage.params) for damage in run.damage]


def settings_text(config: cfg.RunConfig | None, lang: str) -> str:
    """The key settings in one line, e.g. `Embedding(500, 16) · LSTM(8, dropout=0.3) ×2 · 5,000 reviews`."""
    if config is None:
        return "–"
    inputs = (f"one-hot({config.num_words})" if config.inputs == "onehot"
              else f"Embedding({config.num_words}, {config.embedding_dim})")
    cell = f"{config.cell}({config.units}" + (f", dropout={config.dropout:g})" if config.dropout else ")")
    layers = f" ×{config.layers}" if config.layers > 1 else ""
    extra = [t("train_settings_text", lang, n=config.train_samples)]
    if config.seed != cfg.RunConfig.__dataclass_fields__["seed"].default:
        extra.append(f"seed {config.seed}")
    return f"{inputs} · {cell}{layers} · " + " · ".join(extra)


def _rounded_or_none(value, digits: int = 3):
    """A table cell: the value rounded, or None (an empty cell) when it is missing or not finite."""
    return round(float(value), digits) if isinstance(value, (int, float)) and math.isfinite(value) else None


SUBPLOT_TITLE_MARGIN = 56  # px above a figure whose only titles are its subplots' (font FONT_SIZE + 2)
SHORT_COLUMNS = ("train_col_name", "train_col_state", "train_col_epochs", "train_col_val_acc", "train_col_test_acc")
ALL_COLUMNS = (*SHORT_COLUMNS, "train_col_model", "train_col_settings", "train_col_started", "train_col_backend",
               "train_col_best_epoch", "train_col_val_loss", "train_col_speed")


def runs_table(runs: Sequence[Run], lang: str, everything: bool = True) -> pd.DataFrame:
    """One row per run, in the order given, with localized column names.

    Args:
        everything: all columns; False: the five a learner reads first (`SHORT_COLUMNS`:
            name, status, epochs, best validation accuracy, test accuracy).
    """
    rows = []
    for run in runs:
        started = clock_text(run.started, "%Y-%m-%d %H:%M:%S") or "–"
        rows.append({
            "train_col_name": run_label(run, lang),
            "train_col_state": state_text(run, lang),
            "train_col_epochs": f"{run.epochs_run} / {run.max_epochs}" if run.max_epochs else str(run.epochs_run),
            "train_col_val_acc": _rounded_or_none(run.best_val_accuracy),
            "train_col_test_acc": _rounded_or_none(run.test_accuracy),
            "train_col_model": preset_label(run, lang),
            "train_col_settings": settings_text(run.config, lang),
            "train_col_started": started,
            "train_col_backend": run.backend or "–",
            "train_col_best_epoch": run.best_epoch,
            "train_col_val_loss": _rounded_or_none(run.best_val_loss),
            "train_col_speed": _rounded_or_none(run.seconds_per_epoch, 2),
        })
    frame = pd.DataFrame(rows, columns=list(ALL_COLUMNS if everything else SHORT_COLUMNS))
    return frame.rename(columns={key: t(key, lang) for key in frame.columns})


# --- what happens before the first curve point -------------------------------------------------------

STEP_DONE, STEP_RUNNING, STEP_WAITING = "✓", "▸", "○"


def step_lines(run: Run, lang: str, now: float | None = None) -> list[str]:
    """One line per step before the first curve point (`run_status.STEPS`), as the worker timed them:
    `✓ Reading the IMDB data · 0.4 s`, `▸ Importing Keras (jax) · 1.2 s so far`, `○ Epoch 1`.

    Steps run side by side where the worker does so (the data and Keras).
    """
    now = time.time() if now is None else now
    origin = run.status.created or run.status.started  # the steps' own origin: when the run got its slot
    since_click = max(now - origin, 0.0) if origin else None
    lines = []
    for name, began, ended in run.steps():
        if name == "python" and began is None and run.state == "queued":
            began = 0.0  # the page has started the process; the worker has not written yet
        label = t(f"train_step_{name}", lang, backend=markup.escape(run.backend or "–"))  # status.json: text only
        if ended is not None:
            lines.append(f"{STEP_DONE} {label} · {duration_text(ended - began, lang)}")
        elif began is not None and run.active:
            so_far = duration_text(max(since_click - began, 0.0), lang) if since_click is not None else "–"
            lines.append(f"{STEP_RUNNING} {label} · {t('train_step_so_far', lang, time=so_far)}")
        else:
            lines.append(f"{STEP_WAITING} {label}")
    return lines


def first_point_text(run: Run, lang: str) -> str | None:
    """`First curve point 3.1 s after the click: data 0.2 s, Keras 2.0 s, ...`; None before it."""
    steps = {name: (began, ended) for name, began, ended in run.steps()}
    if steps["epoch1"][1] is None:
        return None
    parts = [f"{t(f'train_step_short_{name}', lang)} {duration_text(ended - began, lang)}"
             for name, (began, ended) in steps.items() if began is not None and ended is not None]
    key = "train_first_point_queued" if run.status.enqueued is not None else "train_first_point"  # it waited
    return t(key, lang, time=duration_text(steps["epoch1"][1], lang), parts=", ".join(parts))


def reference_mean(run: Run, reference_runs: Sequence[Run]) -> dict[str, float] | None:
    """The mean over seeds of the finished full reference runs of `run`'s model and vocabulary, or None.

    The same runs as `results.summarize` groups (its table shows the same means). Only
    `reference_runs` count: pass the committed reference runs, never a learner's run.

    Returns:
        {"seeds", "epochs", "best_epoch", "val_accuracy", "test_accuracy"}, or None without such runs.
    """
    from rnnviz import results

    variant = results.variant_of(run.config) if run.config else None
    group = [other for other in results.summarized_runs(reference_runs, variant)
             if other.is_reference] if variant else []
    if not group:
        return None

    def mean(values):
        values = [float(v) for v in values if v is not None]
        return sum(values) / len(values) if values else math.nan

    return {"seeds": len(group), "epochs": mean(r.epochs_run for r in group),
            "best_epoch": mean(r.best_epoch for r in group),
            "val_accuracy": mean(r.best_val_accuracy for r in group),
            "test_accuracy": mean(r.test_accuracy for r in group)}


def result_table(run: Run, reference_runs: Sequence[Run], lang: str) -> pd.DataFrame:
    """The result card: the learner's run, and below it the reference runs' mean for the same model."""
    rows = [{"": t("train_result_mine", lang),
             "train_result_epochs": epochs_text(run),
             "train_result_val_acc": number_text(run.best_val_accuracy),
             "train_result_test_acc": number_text(run.test_accuracy)}]
    reference = reference_mean(run, reference_runs)
    if reference is not None:
        epochs = f"{number_text(reference['best_epoch'], 0)} / {number_text(reference['epochs'], 0)}"
        rows.append({"": t("train_result_reference", lang, n=reference["seeds"]),
                     "train_result_epochs": epochs,
                     "train_result_val_acc": number_text(reference["val_accuracy"]),
                     "train_result_test_acc": number_text(reference["test_accuracy"])})
    frame = pd.DataFrame(rows).set_index("")
    return frame.rename(columns={key: t(key, lang) for key in frame.columns})


def summary_table(rows: Sequence[SummaryRow], lang: str) -> pd.DataFrame:
    """`model.summary()` as a table: layer (type), output shape, parameter count."""
    def shape(dims):
        return "(" + ", ".join("None" if d is None else str(d) for d in dims) + ")"

    return pd.DataFrame({t("train_col_layer", lang): [f"{r.name} ({r.layer})" for r in rows],
                         t("train_col_shape", lang): [shape(r.output_shape) for r in rows],
                         t("train_col_params", lang): [f"{r.params:,}" for r in rows]})


def book_table(lang: str) -> pd.DataFrame:
    """The book's published results (config.BOOK_RESULTS)."""
    results = cfg.BOOK_RESULTS
    return pd.DataFrame({
        t("train_col_model", lang): [t(f"preset_{name}", lang) for name in results],
        "num_words": [r.num_words for r in results.values()],
        t("train_col_params", lang): [f"{r.params:,}" for r in results.values()],
        t("train_col_stopped_epoch", lang): [r.stopped_epoch for r in results.values()],
        t("train_col_val_loss", lang): [r.val_loss for r in results.values()],
        t("train_col_val_acc", lang): [r.val_accuracy for r in results.values()],
        t("train_col_test_acc", lang): [r.test_accuracy for r in results.values()],
    })


def reproduction_table(rows: Sequence, lang: str) -> pd.DataFrame:
    """The book's results beside the reference runs' (`reference.summarize` rows): mean ± sd over seeds."""
    def book_value(row, name, digits=3):
        value = getattr(row.book, name) if row.book else None
        return "–" if value is None else (f"{value:.{digits}f}" if isinstance(value, float) else str(value))

    return pd.DataFrame({
        t("train_col_model", lang): [t(f"preset_{row.variant.preset}", lang) for row in rows],
        "num_words": [row.variant.num_words for row in rows],
        t("train_col_params", lang): [f"{row.params:,}" for row in rows],
        t("train_col_seeds", lang): [", ".join(map(str, row.seeds)) for row in rows],
        t("train_col_book_epoch", lang): [book_value(row, "stopped_epoch") for row in rows],
        t("train_col_our_epochs", lang): [row.epochs.text(1) for row in rows],
        t("train_col_book_val_acc", lang): [book_value(row, "val_accuracy") for row in rows],
        t("train_col_our_val_acc", lang): [row.val_accuracy.text() for row in rows],
        t("train_col_gap", lang): ["–" if row.gap_points is None else f"{row.gap_points:+.1f}" for row in rows],
        t("train_col_our_test_acc", lang): [row.test_accuracy.text() for row in rows],
        t("train_col_speed", lang): [f"{row.seconds_per_epoch.mean:.2f}" for row in rows],
    })


def history_figure(runs: Sequence[Run], lang: str, labels: Sequence[str] | None = None,
                   colours: Sequence[str] | None = None, height: int = 430) -> go.Figure:
    """Loss (left) and accuracy (right) per epoch: training solid, validation dashed, one colour per run.

    Args:
        runs: the runs to draw (their `history`, `best_epoch`, `early_stopped`).
        lang: "ko" or "en".
        labels: legend names (default: the preset's name).
        colours: one per run (default: RUN_COLOURS in order).
    """
    labels = list(labels) if labels is not None else [preset_label(run, lang) for run in runs]
    colours = list(colours) if colours is not None else [run_colour(i) for i in range(len(runs))]
    fig = make_subplots(rows=1, cols=2, subplot_titles=(t("train_loss", lang), t("train_accuracy", lang)),
                        horizontal_spacing=0.1)
    fig.update_annotations(font_size=FONT_SIZE + 2)  # the subplot titles
    sets = (("", TRAIN_DASH, "train_train"), ("val_", VALID_DASH, "train_val"))
    for run, label, colour in zip(runs, labels, colours):
        history, epochs = run.history, run.history.get("epoch", [])
        for col, metric in ((1, "loss"), (2, "accuracy")):
            for prefix, dash, set_key in sets:
                values = history.get(prefix + metric, [])
                fig.add_trace(go.Scatter(
                    x=epochs, y=values, mode="lines+markers" if len(epochs) < 3 else "lines",
                    line=dict(color=colour, dash=dash, width=3), marker=dict(size=7),
                    name=f"{label} · {t(set_key, lang)}", legendgroup=f"{run.id}{prefix}",
                    showlegend=col == 1,
                    hovertemplate=f"{label} · {t(set_key, lang)}<br>{t('train_epoch_axis', lang)} %{{x}}"
                                  f"<br>{prefix}{metric} = %{{y:.4f}}<extra></extra>"), row=1, col=col)
            _add_markers(fig, run, metric, col, label, lang)
        _mark_turn_up(fig, run, colour, sum(a.name == "turn_up" for a in fig.layout.annotations), lang)
    fig.update_xaxes(title=t("train_epoch_axis", lang), rangemode="tozero")
    fig.update_yaxes(title=t("train_loss", lang), row=1, col=1)
    fig.update_yaxes(title=t("train_accuracy", lang), row=1, col=2)
    fig.update_layout(legend=dict(orientation="h", y=-0.22), hovermode="closest")
    # room above the plots for the subplot titles (style's untitled margin cut off their top strokes)
    return style(fig, height=height).update_layout(margin_t=SUBPLOT_TITLE_MARGIN)


def _mark_turn_up(fig: go.Figure, run: Run, colour: str, stagger: int, lang: str) -> None:
    """An arrow on the loss chart where the run's validation loss turns up (`curves.overfitting_point`):
    overfitting begins there. Labels of several runs are staggered upwards so they do not overlap."""
    turn = overfitting_point(run.history)
    if turn is None:
        return
    fig.add_annotation(x=turn.epoch, y=turn.val_loss, row=1, col=1, text=t("train_overfit_mark", lang),
                       showarrow=True, arrowhead=2, arrowcolor=colour, ax=0, ay=36 + 26 * (stagger % 3),
                       font=dict(color=colour, size=FONT_SIZE - 2), bgcolor="rgba(255,255,255,0.8)",
                       name="turn_up")


def _add_markers(fig: go.Figure, run: Run, metric: str, col: int, label: str, lang: str) -> None:
    """The best epoch (black star) and the early-stopping epoch (grey cross) on the validation curve."""
    history, epochs = run.history, run.history.get("epoch", [])
    values = history.get("val_" + metric, [])
    marks = []
    if run.best_epoch is not None:
        marks.append((run.best_epoch, "star", BEST_COLOUR, 17, "train_best"))
    if run.early_stopped and epochs:
        marks.append((epochs[-1], "x", STOP_COLOUR, 13, "train_early_stop"))
    for epoch, symbol, colour, size, key in marks:
        y = values[epochs.index(epoch)] if epoch in epochs else None
        fig.add_trace(go.Scatter(
            x=[epoch], y=[y], mode="markers", marker=dict(symbol=symbol, size=size, color=colour,
                                                          line=dict(color="white", width=1)),
            name=t(key, lang), legendgroup=key, showlegend=False,
            hovertemplate=f"{label} · {t(key, lang)}<br>{t('train_epoch_axis', lang)} %{{x}}"
                          f"<br>val_{metric} = %{{y:.4f}}<extra></extra>"), row=1, col=col)
