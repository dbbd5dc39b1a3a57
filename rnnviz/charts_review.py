"""Figures of the "Try a review" page, in the app's one palette (rnnviz.charts).

A model's bar or line takes its cell kind's colour (`KIND_COLOURS`: SimpleRNN
orange, LSTM purple, GRU indigo), as on the cell pages; the 0.5 decision line
is the black "chosen value" marker.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from rnnviz.charts import FONT_SIZE, KIND_COLOURS, PALETTE, style
from rnnviz.charts_train import clock_text, preset_label
from rnnviz.i18n import t
from rnnviz.review import VariantScore
from rnnviz.runs import Run

_MAX_LABELLED_TOKENS = 60  # beyond this, every other tick label is left out so they stay readable


def whose(run: Run, lang: str) -> str:
    """"참고 실행" / "reference run" or "내 실행" / "your run": the two are always told apart."""
    return t("review_whose_reference" if run.is_reference else "review_whose_yours", lang)


def _started(run: Run) -> str:
    return clock_text(run.started, "%m-%d %H:%M") or "?"


def model_label(run: Run, lang: str, seed: bool = True) -> str:
    """A readable name, never the run id: whose · model · vocabulary · seed (a visitor's run: its start time).

    E.g. "reference run · 9-3 LSTM · num_words=500 · seed 42",
    "your run · 9-3 LSTM · num_words=500 · 11-29 15:22".
    """
    name = f"{whose(run, lang)} · {preset_label(run, lang)} · num_words={run.config.num_words}"
    if not run.is_reference:
        return f"{name} · {_started(run)}"
    return f"{name} · seed {run.config.seed}" if seed else name


def short_label(run: Run, lang: str) -> str:
    """A legend entry among runs of one model: "reference run · seed 42" or "your run · 11-29 15:22"."""
    return f"{whose(run, lang)} · " + (f"seed {run.config.seed}" if run.is_reference else _started(run))


def _decision_line(fig: go.Figure, lang: str, horizontal: bool) -> None:
    line = dict(color=PALETTE["marker"], dash="dash", width=2)
    if horizontal:
        fig.add_hline(y=0.5, line=line)
        fig.add_annotation(x=1, xref="paper", y=0.5, text=t("review_threshold", lang), showarrow=False,
                           xanchor="right", yshift=14, font=dict(size=FONT_SIZE - 2),
                           bgcolor="rgba(255,255,255,0.85)")
    else:
        fig.add_vline(x=0.5, line=line)


def verdicts_figure(variants: Sequence[VariantScore], labels: Sequence[str], kinds: Sequence[str],
                    lang: str) -> go.Figure:
    """Each model's probability that the review is positive: a bar for the seeds' mean, a diamond per seed.

    The reference models come first, then the visitor's runs, each alone, in a lighter,
    hatched bar: a run of one's own is never averaged with the reference seeds. The
    values stand in a column right of the plot, horizontal, where no bar or diamond is.
    """
    fig = go.Figure()
    colours = [KIND_COLOURS.get(kind, PALETTE["weight"]) for kind in kinds]
    fig.add_trace(go.Bar(
        y=list(labels), x=[v.mean for v in variants], orientation="h", name=t("review_mean", lang),
        marker=dict(color=colours, pattern=dict(shape=["" if v.reference else "/" for v in variants],
                                                fillmode="overlay", fgcolor="white")),
        opacity=0.8, error_x=dict(type="data", array=[v.spread for v in variants], color=PALETTE["weight"]),
        hovertemplate="%{y}: %{x:.3f}<extra></extra>"))
    seeded = [(label, v) for label, v in zip(labels, variants) if len(v.scores) > 1]
    fig.add_trace(go.Scatter(y=[label for label, v in seeded for _ in v.scores],
                             x=[s for _, v in seeded for s in v.scores], mode="markers",
                             name=t("review_one_seed", lang),
                             marker=dict(color=PALETTE["marker"], size=9, symbol="diamond"),
                             hovertemplate="%{y}: %{x:.3f}<extra></extra>"))
    for label, v in zip(labels, variants):  # the value beside the plot, never inside a thin bar
        fig.add_annotation(x=1.0, xref="paper", xanchor="left", xshift=10, y=label, yref="y",
                           text=f"<b>{v.mean:.2f}</b>", showarrow=False, textangle=0,
                           font=dict(size=FONT_SIZE - 1))
    mine = [i for i, v in enumerate(variants) if not v.reference]
    if mine and mine[0] > 0:  # a rule between the reference models and the visitor's runs
        fig.add_hline(y=mine[0] - 0.5, line=dict(color=PALETTE["note"], width=1, dash="dot"))
    _decision_line(fig, lang, horizontal=False)
    fig.update_xaxes(title=t("review_axis_probability", lang), range=[0, 1], tickformat=".1f")
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(legend=dict(orientation="h", y=-0.2), bargap=0.3)
    style(fig, height=max(300, 48 * len(variants) + 160))
    fig.update_layout(margin=dict(r=70))
    return fig


def prefix_figure(tokens: Sequence[str], curves: Sequence[tuple[str, np.ndarray, str, float]],
                  lang: str) -> go.Figure:
    """The prediction after each word: one line per model over the words it reads.

    Args:
        tokens: the tokens the model reads (after truncation), in order.
        curves: `(label, probabilities (len(tokens),), colour, line width)`; the first is the chosen model.
        lang: "ko" or "en".
    """
    positions = np.arange(1, len(tokens) + 1)
    fig = go.Figure()
    for label, scores, colour, width in curves:
        change = np.diff(scores, prepend=np.nan)
        hover = [f"<b>{token}</b><br>{label}: {score:.3f}" + ("" if np.isnan(delta) else f" ({delta:+.3f})")
                 for token, score, delta in zip(tokens, scores, change)]
        fig.add_trace(go.Scatter(x=positions, y=scores, mode="lines+markers" if width > 2 else "lines",
                                 name=label, line=dict(color=colour, width=width),
                                 opacity=1.0 if width > 2 else 0.45, customdata=hover,
                                 hovertemplate="%{customdata}<extra></extra>"))
    _decision_line(fig, lang, horizontal=True)
    step = 1 if len(tokens) <= _MAX_LABELLED_TOKENS else 2
    fig.update_xaxes(tickmode="array", tickvals=positions[::step].tolist(), ticktext=list(tokens)[::step],
                     tickangle=-60, title=t("review_axis_words", lang), showgrid=False)
    fig.update_yaxes(title=t("review_axis_probability", lang), range=[0, 1], tickformat=".1f")
    fig.update_layout(legend=dict(orientation="h", y=1.12), hovermode="closest")
    return style(fig, height=480)
