"""Figures of the "One-hot vs. embedding" page, in the app's one palette (rnnviz.charts)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from rnnviz.charts import FONT_SIZE, PALETTE, SIGNED_SCALE, epochs_text, number_text, style
from rnnviz.encoding import Projection
from rnnviz.i18n import t
from rnnviz.runs import Run
from rnnviz.text import PAD

SCORE_SCALE = "RdBu"  # negative review (red) ... positive review (blue), centred on 0.5
# Word labels on the embedding map: the plot area assumed for spacing them (the map's column at 1280 px
# is wider, so the labels only get more room), at most this many labels, and the font of the sample.
MAP_AREA_PX = (360, 480)
DOT_RADIUS_PX = 5  # a sample label never covers another word's dot
MAP_MAX_LABELS = 40
SAMPLE_FONT = FONT_SIZE - 3
_POSITIONS = ("top center", "bottom center", "middle right", "middle left")


def onehot_figure(ids: Sequence[int], tokens: Sequence[str], num_words: int, lang: str) -> go.Figure:
    """The one-hot input (maxlen × num_words): one square per row where the single 1 sits.

    A heatmap of maxlen × num_words cells would be 50,000 mostly-zero cells; the
    ones are drawn as markers on that canvas instead, so each stays visible.
    """
    steps = np.arange(len(ids))
    colours = [PALETTE["pad"] if i == PAD else PALETTE["input"] for i in ids]
    fig = go.Figure(go.Scatter(
        x=list(ids), y=steps, mode="markers", marker=dict(symbol="square", size=9, color=colours,
                                                          line=dict(color="#333333", width=0.5)),
        customdata=list(tokens), hovertemplate=(f"{t('oh_axis_step', lang)} %{{y}}: <b>%{{customdata}}</b>"
                                                "<br>id %{x} → 1<extra></extra>")))
    fig.update_xaxes(title=t("oh_axis_word", lang, n=num_words), range=[-0.5, num_words - 0.5],
                     showgrid=False, zeroline=False)
    fig.update_yaxes(title=t("oh_axis_step", lang), range=[len(ids) - 0.5, -0.5], showgrid=False)
    return style(fig, t("oh_onehot_title", lang, rows=len(ids), cols=num_words), height=520)


def embedded_figure(vectors: np.ndarray, tokens: Sequence[str], lang: str) -> go.Figure:
    """The embedded input (maxlen × embedding_dim): the looked-up rows, signed values."""
    limit = float(np.max(np.abs(vectors))) or 1.0
    hover = np.array([[token] * vectors.shape[1] for token in tokens], dtype=object)
    fig = go.Figure(go.Heatmap(
        z=vectors, colorscale=SIGNED_SCALE, zmid=0, zmin=-limit, zmax=limit, customdata=hover,
        hovertemplate=(f"{t('oh_axis_step', lang)} %{{y}}: <b>%{{customdata}}</b><br>"
                       f"{t('oh_axis_dim', lang)} %{{x}} = %{{z:.4f}}<extra></extra>"),
        colorbar=dict(thickness=14)))
    fig.update_xaxes(title=t("oh_axis_dim", lang))
    fig.update_yaxes(title=t("oh_axis_step", lang), autorange="reversed")
    return style(fig, t("oh_embedded_title", lang, rows=vectors.shape[0], cols=vectors.shape[1]), height=520)


@dataclass(frozen=True)
class MapLabels:
    """Which words of the map get a written label, and where beside their dot."""

    indices: list[int]  # rows of `words`, in the order they were placed
    positions: list[str]  # Plotly textposition of each: "top center", "middle right", ...
    boxes: list[tuple[float, float, float, float]]  # the pixels each takes (left, bottom, right, top)


def _label_box(x: float, y: float, text: str, position: str, font: float) -> tuple[float, float, float, float]:
    """The pixel box (left, bottom, right, top) a label takes beside the dot at (x, y), y upwards."""
    width, height, gap = 0.6 * font * len(text) + 4, 1.25 * font, 7
    if position == "top center":
        return x - width / 2, y + gap, x + width / 2, y + gap + height
    if position == "bottom center":
        return x - width / 2, y - gap - height, x + width / 2, y - gap
    if position == "middle right":
        return x + gap, y - height / 2, x + gap + width, y + height / 2
    return x - gap - width, y - height / 2, x - gap, y + height / 2


def _overlaps(box, boxes) -> bool:
    return any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes)


def _covers_a_dot(box, pixels: np.ndarray, own: int) -> bool:
    """Whether `box` reaches any dot (pixels (n, 2)) but its own word's."""
    r = DOT_RADIUS_PX
    inside = ((pixels[:, 0] > box[0] - r) & (pixels[:, 0] < box[2] + r)
              & (pixels[:, 1] > box[1] - r) & (pixels[:, 1] < box[3] + r))  # (n,)
    inside[own] = False
    return bool(inside.any())


def map_labels(coords: np.ndarray, words: Sequence[str], must: Sequence[int], scores: np.ndarray,
               area: tuple[int, int] = MAP_AREA_PX, limit: int = MAP_MAX_LABELS,
               font: float = FONT_SIZE) -> MapLabels:
    """Labels that do not overlap: the chosen word always, then its neighbours, then a spaced sample.

    Each label tries four places around its dot (above, below, right, left) and takes the
    first free one; a word with no free place stays unlabelled (its name is on hover).
    The sample prefers the words the model finds most telling (score furthest from 0.5),
    and its labels cover no other dot either, so it never writes into a crowd.

    Args:
        coords: (n, 2) the words' map positions.
        must: the chosen word first, then its neighbours.
        scores: (n,) the model's score of each word.
        area: the plot area in pixels the coordinates are spread over.
    """
    coords = np.asarray(coords, dtype=np.float64)  # (n, 2)
    low, high = coords.min(axis=0), coords.max(axis=0)
    pixels = (coords - low) / np.where(high > low, high - low, 1.0) * np.array(area)  # (n, 2)
    order = list(dict.fromkeys(must))
    order += [int(i) for i in np.argsort(-np.abs(np.asarray(scores) - 0.5), kind="stable") if i not in set(order)]
    taken, indices, positions = [], [], []  # taken: the boxes
    for rank, index in enumerate(order):
        if len(indices) >= limit:
            break
        sampled = rank >= len(must)
        size = SAMPLE_FONT if sampled else font
        for position in _POSITIONS:
            box = _label_box(*pixels[index], words[index], position, size)
            if rank == 0 or not (_overlaps(box, taken) or sampled and _covers_a_dot(box, pixels, index)):
                taken.append(box)
                indices.append(index)
                positions.append(position)
                break
    return MapLabels(indices, positions, taken)


def embedding_map_figure(projection: Projection, words: Sequence[str], scores: np.ndarray,
                         lang: str, highlight: Sequence[int] = ()) -> go.Figure:
    """Words on the first two principal components of the embedding, coloured by the model's score.

    White is 0.5 (undecided); the scale reaches as far from 0.5 as the furthest
    score, so the words' differences stay visible when most scores sit near 0.5.
    Written labels never overlap (`map_labels`): the highlighted word (bold), its
    neighbours, and a spaced sample of the other words (smaller, grey); every
    word's name is on hover.

    Args:
        highlight: the chosen word first, then its neighbours (rows of `words`).
    """
    reach = max(float(np.max(np.abs(np.asarray(scores) - 0.5))), 0.05)
    low, high = 0.5 - reach, 0.5 + reach
    fig = go.Figure(go.Scatter(
        x=projection.coords[:, 0], y=projection.coords[:, 1], mode="markers",
        marker=dict(size=10, color=scores, colorscale=SCORE_SCALE, cmin=low, cmax=high, cmid=0.5,
                    line=dict(color="#555555", width=0.5),
                    colorbar=dict(title=dict(text=t("oh_score", lang)), tickvals=[low, 0.5, high],
                                  ticktext=[f"{low:.2f} {t('oh_negative', lang)}", "0.5",
                                            f"{high:.2f} {t('oh_positive', lang)}"])),
        customdata=np.stack([np.array(words, dtype=object), np.round(scores, 3)], axis=1),
        hovertemplate="<b>%{customdata[0]}</b><br>" + t("oh_score", lang) + " %{customdata[1]}<extra></extra>",
        showlegend=False))
    chosen = list(highlight)
    labels = map_labels(projection.coords, words, chosen, scores)
    placed = dict(zip(labels.indices, labels.positions))
    sample = [i for i in labels.indices if i not in set(chosen)]
    fig.add_trace(go.Scatter(
        x=projection.coords[sample, 0], y=projection.coords[sample, 1], mode="text",
        text=[words[i] for i in sample], textposition=[placed[i] for i in sample],
        textfont=dict(size=SAMPLE_FONT, color=PALETTE["weight"]), hoverinfo="skip", showlegend=False))
    if chosen:
        fig.add_trace(go.Scatter(
            x=projection.coords[chosen, 0], y=projection.coords[chosen, 1], mode="markers+text",
            text=[(f"<b>{words[i]}</b>" if k == 0 else words[i]) if i in placed else "" for k, i in enumerate(chosen)],
            textposition=[placed.get(i, "top center") for i in chosen],
            textfont=dict(size=FONT_SIZE, color=PALETTE["marker"]),
            marker=dict(size=[20] + [14] * (len(chosen) - 1), color="rgba(0,0,0,0)",
                        line=dict(color=PALETTE["marker"], width=[3] + [1.5] * (len(chosen) - 1))),
            customdata=[words[i] for i in chosen], hovertemplate="<b>%{customdata}</b><extra></extra>",
            showlegend=False))
    first, second = projection.explained
    fig.update_xaxes(title=t("oh_pc", lang, n=1, share=first))
    fig.update_yaxes(title=t("oh_pc", lang, n=2, share=second))
    return style(fig, height=600)  # the page's heading names the map


def results_table(runs: Sequence[Run], names: Sequence[str], lang: str) -> pd.DataFrame:
    """The one-hot page's results, one row per run, in six columns of short text (for `st.table`, which
    wraps the long names instead of clipping the last columns at 1280 px).

    Args:
        names: each run's readable name (whose · model · vocabulary · seed or start time).
    """
    return pd.DataFrame({
        t("oh_col_run", lang): list(names),
        t("oh_col_epochs", lang): [epochs_text(run) for run in runs],
        t("oh_col_val_acc", lang): [number_text(run.best_val_accuracy) for run in runs],
        t("oh_col_test_acc", lang): [number_text(run.test_accuracy) for run in runs],
        t("oh_col_sec", lang): [number_text(run.seconds_per_epoch, 2) for run in runs],
        t("oh_col_memory", lang): [number_text(run.status.peak_memory_mb, 0) for run in runs],
    })
