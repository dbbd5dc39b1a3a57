"""Figures of the "One-hot vs. embedding" page, in the app's one palette (rnnviz.charts)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from rnnviz.charts import FONT_SIZE, PALETTE, SIGNED_SCALE, style
from rnnviz.encoding import Projection
from rnnviz.i18n import t
from rnnviz.text import PAD

SCORE_SCALE = "RdBu"  # negative review (red) ... positive review (blue), centred on 0.5


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


def embedding_map_figure(projection: Projection, words: Sequence[str], scores: np.ndarray,
                         lang: str, highlight: Sequence[int] = ()) -> go.Figure:
    """Words on the first two principal components of the embedding, coloured by the model's score.

    White is 0.5 (undecided); the scale reaches as far from 0.5 as the furthest
    score, so the words' differences stay visible when most scores sit near 0.5.
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
    if len(highlight):
        chosen = list(highlight)
        fig.add_trace(go.Scatter(
            x=projection.coords[chosen, 0], y=projection.coords[chosen, 1], mode="markers+text",
            text=[words[i] for i in chosen], textposition="top center",
            textfont=dict(size=FONT_SIZE, color=PALETTE["marker"]),
            marker=dict(size=16, color="rgba(0,0,0,0)", line=dict(color=PALETTE["marker"], width=2)),
            hoverinfo="skip", showlegend=False))
    first, second = projection.explained
    fig.update_xaxes(title=t("oh_pc", lang, n=1, share=first))
    fig.update_yaxes(title=t("oh_pc", lang, n=2, share=second))
    return style(fig, t("oh_map_title", lang), height=600)
